import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Every end-to-end test fails on any uncaught page error or console error: a broken wasm build
// (for example one optimised by a bad wasm-opt) shows up here even when the build "succeeded".
export const test = base.extend<{ errors: string[] }>({
  errors: [async ({ page, javaScriptEnabled }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}${process.env.E2E_STACKS ? `\n${e.stack}` : ''}`));
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

/** Stops the page's clock (timers, animation frames, `Date`, `performance`) so that a test moves
 * time on itself with `page.clock.runFor`, instead of sleeping. `page.clock.resume()` lets it run. */
export async function freezeClock(page: Page) {
  await page.clock.install();
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
}

/** The text of every story saved on the device, as stored. */
export async function storedStories(page: Page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('comeback.story.')).map((k) => localStorage.getItem(k)).join('\n'));
}

/** Fails when a tap target is smaller than 44 by 44 CSS pixels. A radio button or a check box is
 * measured by its card (`.choice`) or label, a hidden file input by its label. */
export async function tapTargetsAtLeast44(page: Page) {
  const [checked, small] = await page.evaluate(() => {
    const out: string[] = [];
    let checked = 0;
    const sel = 'a[href], button, summary, input, textarea, select, [tabindex="0"], label.button';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      if (el.classList.contains('skip')) continue;
      let target: Element = el;
      if (el.matches('input[type=radio], input[type=checkbox]')) target = el.closest('.choice') ?? el.closest('label') ?? el;
      else if (el.matches('input[type=file]')) target = el.closest('label') ?? el;
      else if (el.closest('.sr-only')) continue;
      const cs = getComputedStyle(target);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      checked += 1;
      if (r.width < 43.5 || r.height < 43.5) {
        const name = (el.getAttribute('aria-label') || el.textContent || el.id || el.tagName).trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    return [checked, out] as const;
  });
  expect(checked, 'tap targets measured').toBeGreaterThan(0);
  expect(small, 'tap targets smaller than 44x44').toEqual([]);
}

/** Fails when anything sticks out of the page sideways or is cut off by its box (a name wider
 * than its step, a label clipped by its field). */
export async function nothingCut(page: Page) {
  const cut = await page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (el.closest('.sr-only, .skip') || el.matches('input, textarea, select, option, datalist, audio, script')) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.position === 'fixed') continue;
      const r = el.getBoundingClientRect();
      if (!r.width) continue;
      const name = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || '').trim().slice(0, 30)}"`;
      if (r.right > vw + 0.5 || r.left < -0.5) out.push(`${name} sticks out (${Math.round(r.left)}..${Math.round(r.right)} of ${vw})`);
      else if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && !['auto', 'scroll'].includes(cs.overflowX)) out.push(`${name} is cut (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return out;
  });
  expect(cut, 'content cut or sticking out').toEqual([]);
  await noHorizontalScroll(page);
}

/** Text twice its normal size, as a reader's text zoom makes it (every size is in rem). */
export async function largeText(page: Page, on = true) {
  await page.evaluate((on) => { document.documentElement.style.fontSize = on ? '200%' : ''; }, on);
}
