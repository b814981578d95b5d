// What a new user meets in the first ten minutes on a phone (390x844, touch; 320 px wide where the
// point is about width): importing on a new device, the undo toast, narrow screens and large
// text, text boxes that grow, no empty stories left behind, recording that runs the timer.
import { test, expect, fresh, ready, noAxeViolations, freezeClock, nothingCut, largeText, tapTargetsAtLeast44 } from './fixtures';
import type { Page } from '@playwright/test';

/** A bank file with one story, as another device exports it. */
function exportedFile(title: string) {
  const story = {
    id: 'from-old-phone', title, target_role: 'Ward manager', category: 'rare_event',
    summary: 'A burst pipe flooded our ward store the night before an inspection.',
    context: 'We had 32 beds and 4 nurses on shift.', steps: [{ action: 'I moved the stock to the day room', who: 'with the porters', when: 'within an hour' }],
    immediate_win: 'The inspection went ahead on time.', long_term_gain: '', lesson: '', change: '', unsorted: '', dismissed: [], last_step: 0,
    created_ms: 1_700_000_000_000, updated_ms: 1_700_000_000_000,
  };
  return { name: 'comeback-stories.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schema_version: 3, app: 'comeback', stories: [story] })) };
}

async function storyNamed(page: Page, title: string) {
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('Name this story').fill(title);
  await page.getByRole('link', { name: 'Your stories', exact: true }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('1. on a new device, the first screen imports the stories exported on the old one', async ({ page }) => {
  await fresh(page);
  await expect(page.getByRole('heading', { name: 'Your stories', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Moving from another device?' })).toBeVisible();
  await noAxeViolations(page);
  await page.locator('input[type=file]').setInputFiles(exportedFile('Flooded ward store'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 1 new.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Flooded ward store' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Moving from another device?' })).toHaveCount(0);
  // A bad file on the first screen says why and changes nothing.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await ready(page);
  await page.locator('input[type=file]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was changed' })).toBeVisible();
});

test('2. a delete hands the focus to Undo, on one line, and back to the list: Enter twice cannot delete two stories', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await fresh(page);
  await storyNamed(page, 'First story');
  await storyNamed(page, 'Second story');
  await page.getByRole('button', { name: 'Delete Second story' }).focus();
  await page.keyboard.press('Enter');
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await expect(undo).toHaveAccessibleDescription('Deleted \u201cSecond story\u201d.');
  // "Undo" on one line: no taller than a one-line button.
  expect((await undo.boundingBox())!.height).toBeLessThanOrEqual(48);
  await noAxeViolations(page);
  await tapTargetsAtLeast44(page);
  await page.screenshot({ path: 'screenshots/undo-toast-320.png' });
  // A second Enter brings the story back instead of deleting the next one.
  await page.keyboard.press('Enter');
  await expect(page.locator('.story-card')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Second story', exact: true })).toBeFocused();
  // Left alone, the toast closes and the focus goes back to the list.
  await freezeClock(page);
  await page.getByRole('button', { name: 'Delete First story' }).click();
  await page.clock.runFor(100);
  await expect(undo).toBeFocused();
  await page.clock.runFor(16_000);
  await expect(undo).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Your stories', exact: true })).toBeFocused();
  await page.clock.resume();
  await expect(page.locator('.story-card')).toHaveCount(1);
});

const STORY_PAGES = ['1', '3', '4', '5', 'review', 'practice'];

test('3. at 320 px nothing overflows or is cut, in light and dark, at normal and double text size', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 320, height: 568 });
  await fresh(page);
  const home = page.url();
  // The three ways in, each on one line.
  for (const name of ['Start a new story', 'Explore a worked example']) {
    expect((await page.getByRole('button', { name }).boundingBox())!.height).toBeLessThanOrEqual(48);
  }
  expect((await page.getByRole('link', { name: 'Check an answer I already have' }).boundingBox())!.height).toBeLessThanOrEqual(48);
  await page.getByRole('button', { name: 'Explore a worked example' }).click();
  await expect(page.getByRole('heading', { name: 'How it measures up' })).toBeVisible();
  const story = page.url().replace(/\/review$/, '');
  // Every step's name fits its box.
  const names = await page.locator('.step-name').evaluateAll((els) => els.map((e) => [e.textContent, e.scrollWidth, e.clientWidth]));
  for (const [name, need, has] of names) expect(need as number, `${name}`).toBeLessThanOrEqual(has as number);
  const pages = [home, `${home}#/paste`, ...STORY_PAGES.map((p) => `${story}/${p}`)];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const large of [false, true]) {
      for (const url of pages) {
        await page.goto(url);
        await ready(page);
        await largeText(page, large);
        await nothingCut(page);
        const name = url === home ? 'home' : url.replace(/.*#\/?/, '').replace(/^story\/[^/]+\//, 'story-').replace(/\//g, '-');
        await page.screenshot({ path: `screenshots/320-${scheme}${large ? '-200pct' : ''}-${name}.png`, fullPage: true });
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('4. text boxes grow with the answer, the coach stays in view while typing, placeholders read as hints', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 500 });
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  // In an empty story, an example; lighter and in italics, unlike what is typed.
  const summary = page.getByLabel('The failure in one sentence');
  await expect(summary).toHaveAttribute('placeholder', /port strike/i);
  const look = await summary.evaluate((el) => {
    const typed = getComputedStyle(el).color;
    const ph = getComputedStyle(el, '::placeholder');
    return { typed, placeholder: ph.color, italic: ph.fontStyle };
  });
  expect(look.italic).toBe('italic');
  const lum = (c: string) => { const [r, g, b] = c.match(/\d+/g)!.map(Number); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  expect(lum(look.placeholder) - lum(look.typed)).toBeGreaterThan(60);
  await page.getByRole('link', { name: /Numbers/ }).click();
  const context = page.getByLabel('The situation, with its numbers');
  const empty = (await context.boundingBox())!.height;
  const lines = Array.from({ length: 9 }, (_, i) => `Line ${i + 1}: 35% of 12,000 users.`).join('\n');
  await context.fill(lines);
  await expect.poll(async () => (await context.boundingBox())!.height).toBeGreaterThan(empty + 40);
  // Up to about half the screen the whole text shows, from its first line.
  const box = await context.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, top: el.scrollTop }));
  expect(box.top).toBe(0);
  expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
  // The coach's line stays in view above the on-screen keyboard's edge while typing.
  await context.press('End');
  await context.pressSequentially(' More.');
  const peek = page.locator('.coach-peek');
  await expect(peek).toBeVisible();
  await expect(peek).toBeInViewport();
  await expect(peek).toContainText((await page.locator('.feedback .key-status').textContent())!.slice(2, 20));
  await page.screenshot({ path: 'screenshots/typing-390x500.png' });
  // Not while nothing is being typed.
  await page.locator('h1').click();
  await expect(peek).toBeHidden();
  // A story made from a pasted answer: its empty fields say so, rather than show an example.
  await page.goto('./#/paste');
  await ready(page);
  await expect(page.getByLabel('Your answer')).toHaveAttribute('placeholder', 'Paste or type your answer here');
  await page.getByLabel('Your answer').fill('A supplier strike stopped our spring launch two weeks before the date. We had 40 stores and 12,000 orders waiting.');
  await page.getByRole('button', { name: 'Turn it into a story' }).click();
  await expect(page).toHaveURL(/review$/);
  await page.goto(page.url().replace(/review$/, '5'));
  await ready(page);
  await expect(page.getByLabel('What you do differently now')).toHaveValue('');
  await expect(page.getByLabel('What you do differently now')).toHaveAttribute('placeholder', 'Not written yet');
});

test('5. no clutter: a story left untouched is not kept, the title is a placeholder, the list is one tap away', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await expect(page.getByLabel('Name this story')).toHaveValue('');
  await expect(page.getByLabel('Name this story')).toHaveAttribute('placeholder', /.+/);
  await expect(page.locator('.story-title')).toHaveText('Untitled story');
  await page.getByRole('link', { name: 'Your stories', exact: true }).click();
  await expect(page.locator('.story-card')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'The five keys of a strong answer' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('comeback.story.')).length)).toBe(0);
  // Leaving by the browser's Back button, or after choosing nothing but a step, keeps nothing either.
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByRole('link', { name: /Numbers/ }).click();
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('best interview answer');
  await expect(page.locator('.story-card')).toHaveCount(0);
  // One word is enough to keep it.
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('Role you are applying for').fill('Chef');
  await page.getByRole('link', { name: 'Your stories', exact: true }).click();
  await expect(page.locator('.story-card')).toHaveCount(1);
  // The list from every page, by the same link in the header.
  const story = await page.locator('.story-card h3 a').getAttribute('href');
  for (const hash of ['#/paste', '#/nowhere', story!, story!.replace(/\/\d$/, '/review'), story!.replace(/\/\d$/, '/practice')]) {
    await page.goto(`./${hash}`);
    await ready(page);
    await page.getByRole('link', { name: 'Your stories', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Your stories', exact: true })).toBeVisible();
  }
  // The paste page has a hint in its empty box and a way back.
  await page.goto('./#/paste');
  await ready(page);
  await expect(page.getByLabel('Your answer')).toHaveAttribute('placeholder', /.+/);
  await page.getByRole('link', { name: 'Back to your stories' }).click();
  await expect(page.getByRole('heading', { name: 'Your stories', exact: true })).toBeVisible();
});
