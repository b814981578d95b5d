// Ad-hoc screenshots of a running build: node tools/shot.mjs URL OUT.png [phone|desktop] [dark]
// Used to look at what we build; the end-to-end suite takes its own screenshots too.
import { chromium } from '@playwright/test';

const [url, out, kind = 'phone', scheme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const phone = kind === 'phone';
const page = await browser.newPage({
  viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
  isMobile: phone, hasTouch: phone, deviceScaleFactor: 1, colorScheme: scheme,
});
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(url);
await page.waitForTimeout(1500);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
