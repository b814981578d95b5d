import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Every end-to-end test fails on any uncaught page error or console error: a broken wasm build
// (for example one optimised by a bad wasm-opt) shows up here even when the build "succeeded".
export const test = base.extend<{ errors: string[] }>({
  errors: [async ({ page, javaScriptEnabled }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('requestfailed', (r) => {
      // Downloads are cancelled by design in headless runs; anything else is a real failure.
      // Requests cut short by a navigation (ERR_ABORTED) are the browser's choice, not a failure.
      // With JavaScript turned off, Chromium refuses the preloaded scripts (reported as "csp").
      const why = r.failure()?.errorText;
      if (javaScriptEnabled === false && why === 'csp') return;
      if (!r.url().startsWith('blob:') && why !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${r.url()} ${why}`);
    });
    await use(errors);
    expect(errors, 'page errors or console errors').toEqual([]);
  }, { auto: true }],
});
export { expect };

/** Opens the app with empty storage and waits until the wasm has mounted. */
export async function fresh(page: Page, hash = '') {
  await page.goto('./' + hash);
  await page.evaluate(() => localStorage.clear());
  await page.goto('./' + hash);
  await ready(page);
}

/** Waits for the app to mount (the app removes the shell of index.html as it mounts). */
export async function ready(page: Page) {
  await expect(page.locator('#shell')).toHaveCount(0);
  await expect(page.locator('header.topbar')).toBeVisible();
}

/** Fails on any axe violation. */
export async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary).toEqual([]);
}

/** Fails when the page scrolls sideways. */
export async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
