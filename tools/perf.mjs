// Input-to-paint latency of the live coach, in headless Chromium at phone size with the CPU
// slowed 4x (CDP Emulation.setCPUThrottlingRate). Run with `make perf` (serves dist/ itself).
//
// For each real key press in a step field holding a story of N words, we take the time from the
// keydown (captured before the app sees it) to just after the next frame is painted
// (requestAnimationFrame, then a task). That covers the app's input handler, the analysis, the
// re-render, style, layout and paint.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const port = Number(process.env.E2E_PORT || 4174);
const base = process.env.E2E_BASE || '/comeback/';
const server = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, E2E_PORT: String(port), E2E_BASE: base }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));

const words = (n) => {
  const s = 'On the Friday peak our checkout served 12,000 orders when I found the failover had left us writing to a read-only replica for 40 minutes, so I paged the database lead within 9 minutes and we moved traffic to the standby cluster. ';
  const w = s.split(' ').filter(Boolean);
  return Array.from({ length: n }, (_, i) => w[i % w.length]).join(' ');
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const results = [];
const probe = () => {
  window.__lat = [];
  window.__proc = [];
  window.addEventListener('keydown', () => {
    const t0 = performance.now();
    // A task queued now runs after the key's input handling and its microtasks.
    setTimeout(() => window.__proc.push(performance.now() - t0), 0);
    requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
  }, { capture: true });
};
async function typeAndMeasure(page, cdp, label, n) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(i % 7 === 6 ? 'Space' : 'KeyA');
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(300);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const sorted = (a) => a.slice(5).sort((x, y) => x - y);
  const lat = sorted(await page.evaluate(() => window.__lat));
  const proc = sorted(await page.evaluate(() => window.__proc));
  const q = (a, p) => +a[Math.min(a.length - 1, Math.floor(p * a.length))].toFixed(1);
  results.push({ page: label, words: n, samples: lat.length, 'handling median ms': q(proc, 0.5), 'handling p95 ms': q(proc, 0.95),
    'to paint median ms': q(lat, 0.5), 'to paint p95 ms': q(lat, 0.95) });
}
try {
  // Baseline: the browser's own cost of typing into a bare textarea holding the same text.
  {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const cdp = await page.context().newCDPSession(page);
    await page.setContent('<meta name="viewport" content="width=device-width"><style>textarea{width:100%;font:17px system-ui}</style><label for="t">t</label><textarea id="t" rows="6"></textarea>');
    await page.fill('#t', words(400));
    await page.focus('#t');
    await page.evaluate(probe);
    await typeAndMeasure(page, cdp, 'bare textarea (baseline)', 400);
    await page.close();
  }
  for (const n of [400, 2000]) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`http://127.0.0.1:${port}${base}`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('button', { name: 'Start a new story' }).click();
    await page.getByRole('link', { name: /Numbers/ }).click();
    const field = page.getByLabel('The situation, with its numbers');
    await field.fill(words(n));
    await page.waitForTimeout(500);
    await field.focus();
    await page.evaluate(probe);
    await typeAndMeasure(page, cdp, 'Comeback step 2 with live coach', n);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
console.log('input-to-paint latency, phone 390x844, CPU throttled 4x (headless Chromium ' + browser.version() + ')');
console.table(results);
