import type { Page } from '@playwright/test';
import { test, expect, fresh, ready, noHorizontalScroll } from './fixtures';

/**
 * Holds back the WebAssembly until `release()` is called, so that a test can look at (and tap on)
 * the shell that index.html shows while the app loads.
 */
async function holdWasm(page: Page) {
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  return release;
}

/** Taps on a phone, clicks on a desktop. */
async function press(page: Page, name: string) {
  const b = page.getByRole('button', { name });
  if (test.info().project.name === 'phone') await b.tap(); else await b.click();
}

/** Boxes of what the first screen shows, to compare the shell with the app. */
async function firstScreen(page: Page) {
  return page.evaluate(() => {
    const sel = ['header.topbar', '.brand', '.save-state', 'main', '.hero h1', '.lede', '.privacy',
      '.hero .row', '.hero .row > :nth-child(1)', '.hero .row > :nth-child(2)', '.hero .row > :nth-child(3)',
      '.keys-intro h2', '.key-list', '.keys-intro > p'];
    return Object.fromEntries(sel.map((s) => {
      const el = document.querySelector(s);
      if (!el) return [s, null];
      const r = el.getBoundingClientRect();
      return [s, { x: r.x, y: r.y, w: r.width, h: r.height, text: (el as HTMLElement).innerText }];
    }));
  });
}

/** Layout shifts seen since the page opened (Cumulative Layout Shift's entries). */
async function layoutShift(page: Page) {
  return page.evaluate(() => new Promise<number>((done) => {
    let sum = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) sum += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => done(sum), 300);
  }));
}

// The shell is what a first visit sees; a service worker would serve the wasm past page.route.
test.use({ serviceWorkers: 'block' });

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('the first screen is in the HTML: heading, promise, buttons, and why nothing happens', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Turn your worst moment at work into your best interview answer.');
    await expect(page.getByText('everything you write stays in this browser')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start a new story' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Check an answer I already have' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The five keys of a strong answer' })).toBeVisible();
    await expect(page.getByText('Comeback needs JavaScript and WebAssembly to run.')).toBeVisible();
    await page.screenshot({ path: `screenshots/shell-nojs-${test.info().project.name}.png`, fullPage: true });
  });
});

test('the app takes over from the shell without moving anything', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(page.locator('#shell')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const shell = await firstScreen(page);
  const shellShot = await page.screenshot();
  await page.screenshot({ path: `screenshots/shell-${test.info().project.name}.png`, fullPage: true });
  release();
  await ready(page);
  const app = await firstScreen(page);
  expect(app).toEqual(shell);
  // The same pixels: no flash, no change of font, colour or spacing.
  expect((await page.screenshot()).equals(shellShot), 'the first screen looks the same in the shell and in the app').toBe(true);
  expect(await layoutShift(page)).toBe(0);
  await noHorizontalScroll(page);
});

test('a tap on "Start a new story" before the app is ready opens the new story once it is', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await press(page, 'Start a new story');
  // Taken: the shell says it is opening, and a second tap is not a second story.
  await expect(page.getByText('Opening Comeback…')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  release();
  await expect(page).toHaveURL(/#\/story\/[^/]+\/1$/);
  await expect(page.getByText('Key 1 of 5')).toBeVisible();
  await expect(page.locator('#shell')).toHaveCount(0);
  const stories = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('comeback.story.')).length);
  expect(stories).toBe(1);
  // As after a tap in the app: Back returns to the first screen, which now lists the story (once
  // something is written in it: a story left blank is not kept).
  await page.getByLabel('Name this story').fill('Opened from the shell');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Your stories', exact: true })).toBeVisible();
});

test('a tap on "Explore a worked example" before the app is ready opens it once it is', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await press(page, 'Explore a worked example');
  release();
  await ready(page);
  await expect(page).toHaveURL(/#\/story\/[^/]+\/review$/);
  await expect(page.getByRole('heading', { name: 'How it measures up' })).toBeVisible();
});

test('a deep link shows a neutral shell, never the home page, until its page is ready', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByRole('link', { name: /^Key 3:/ }).click();
  await expect(page).toHaveURL(/#\/story\/[^/]+\/3$/);
  const deepLink = page.url();
  await page.goto('about:blank');
  const release = await holdWasm(page);
  await page.goto(deepLink);
  await expect(page.locator('header.topbar')).toBeVisible();
  await expect(page.getByText('Opening Comeback…')).toBeVisible();
  await expect(page.getByRole('heading', { name: /best interview answer/ })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start a new story' })).toBeHidden();
  await page.screenshot({ path: `screenshots/shell-neutral-${test.info().project.name}.png` });
  release();
  await ready(page);
  await expect(page.getByText('Key 3 of 5')).toBeVisible();

  // Opened afresh, the app goes back to that story: the shell is neutral then too.
  await page.goto('about:blank');
  const release2 = await holdWasm(page);
  await page.goto('./');
  await expect(page.getByText('Opening Comeback…')).toBeVisible();
  await expect(page.getByRole('heading', { name: /best interview answer/ })).toBeHidden();
  release2();
  await ready(page);
  await expect(page.getByText('Key 3 of 5')).toBeVisible();
});
