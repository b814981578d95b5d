import { test, expect, fresh, ready } from './fixtures';

test('after one visit the app opens and works offline', async ({ page, context }) => {
  await fresh(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // The worker caches the files it learns from index.html; give it a moment to finish.
  await expect.poll(async () => page.evaluate(async () => (await caches.keys()).length > 0 && (await (await caches.open((await caches.keys())[0])).keys()).length >= 4)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('Name this story').fill('Written on the train');
  await expect(page.getByText('Key 1 of 5')).toBeVisible();
  await context.setOffline(false);
});

test('the page asks for nothing outside its own origin', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => { const u = new URL(r.url()); if (!['127.0.0.1', 'localhost'].includes(u.hostname) && u.protocol.startsWith('http')) outside.push(r.url()); });
  await fresh(page);
  await page.getByRole('button', { name: 'Explore a worked example' }).click();
  await expect(page.getByRole('heading', { name: 'How it measures up' })).toBeVisible();
  expect(outside).toEqual([]);
});
