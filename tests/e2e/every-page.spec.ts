// Every page and state, at phone size and on a desktop, in light and dark: axe finds nothing and
// every tap target is at least 44 by 44 pixels. Screenshots of each go to screenshots/.
import { test, expect, fresh, ready, noAxeViolations, tapTargetsAtLeast44, nothingCut } from './fixtures';
import type { Page } from '@playwright/test';

async function check(page: Page, name: string) {
  await noAxeViolations(page);
  await tapTargetsAtLeast44(page);
  await nothingCut(page);
  const scheme = await page.evaluate(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  await page.screenshot({ path: `screenshots/every-${name}-${test.info().project.name}-${scheme}.png`, fullPage: true });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every page and state passes axe with 44-pixel targets (${scheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await fresh(page);
    await check(page, 'home-first-visit');
    await page.getByRole('link', { name: 'Check an answer I already have' }).click();
    await check(page, 'paste-empty');
    await page.getByLabel('Your answer').fill('Our payment provider failed for 3 hours on a Saturday and 40% of orders were lost. I switched to the backup provider within 20 minutes. We now test the fallback monthly. I learned that a backup nobody has used is only a hope.');
    await expect(page.getByRole('heading', { name: 'The parts Comeback found' })).toBeVisible();
    await check(page, 'paste-report');
    await page.getByRole('link', { name: 'Your stories', exact: true }).click();
    await page.getByRole('button', { name: 'Explore a worked example' }).click();
    await expect(page.getByRole('heading', { name: 'How it measures up' })).toBeVisible();
    await check(page, 'review');
    const story = page.url().replace(/\/review$/, '');
    for (const step of ['1', '2', '3', '4', '5']) {
      await page.goto(`${story}/${step}`);
      await ready(page);
      await page.getByText('See a strong and a risky example').click();
      await page.getByText('Show my words with what the coach noticed highlighted').click();
      await check(page, `step-${step}`);
    }
    await page.goto(`${story}/practice`);
    await ready(page);
    await check(page, 'practice');
    await page.getByRole('link', { name: 'Your stories', exact: true }).click();
    await check(page, 'home-list');
    await page.getByRole('button', { name: /^Rename/ }).click();
    await check(page, 'rename');
    await page.getByRole('button', { name: 'Cancel' }).click();
    // The import clash dialog: the same story, changed here since it was exported.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export Example/ }).click()]);
    const file = test.info().outputPath('example.json');
    await download.saveAs(file);
    await page.goto(`${story}/1`);
    await ready(page);
    await page.getByLabel('Name this story').fill('Example, renamed here');
    await page.getByRole('link', { name: 'Your stories', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByRole('heading', { name: 'Some imported stories clash with yours' })).toBeVisible();
    await check(page, 'import-clash');
    await page.getByRole('button', { name: 'Cancel' }).click();
    // The undo toast.
    await page.getByRole('button', { name: /^Delete Example/ }).click();
    await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
    await check(page, 'undo-toast');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.goto('./#/nowhere');
    await ready(page);
    await check(page, 'not-found');
    await page.goto('./#/story/not-here/2');
    await ready(page);
    await check(page, 'missing-story');
  });
}
