import { test, expect, fresh, ready, noAxeViolations, noHorizontalScroll } from './fixtures';

test('first screen says what Comeback is, promises privacy, and starts a story', async ({ page }) => {
  await fresh(page);
  await expect(page.getByRole('link', { name: 'Comeback, home' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('best interview answer');
  await expect(page.getByText('everything you write stays in this browser')).toBeVisible();
  await noAxeViolations(page);
  await noHorizontalScroll(page);
  await page.screenshot({ path: `screenshots/home-${test.info().project.name}.png`, fullPage: true });
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await expect(page).toHaveURL(/#\/story\/[^/]+\/1$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a deep link survives a reload under the sub-path', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByRole('link', { name: /Numbers/ }).click();
  await expect(page).toHaveURL(/\/comeback\/#\/story\/[^/]+\/2$/);
  await page.reload();
  await ready(page);
  await expect(page.getByText('Key 2 of 5')).toBeVisible();
  await page.goBack();
  await expect(page.getByText('Key 1 of 5')).toBeVisible();
});

test('an unknown page and an unknown story say so and lead home', async ({ page }) => {
  await fresh(page, '#/nowhere');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  await page.goto('./#/story/not-a-story/3');
  await expect(page.getByRole('heading', { name: 'This story is not on this device' })).toBeVisible();
});
