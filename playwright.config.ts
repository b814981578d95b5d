import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium, never a downloaded one (there is no internet here beyond package registries).
const chromium = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
};
const port = Number(process.env.E2E_PORT || 4173);
const base = process.env.E2E_BASE || '/comeback/';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    launchOptions: chromium,
    trace: 'off',
  },
  webServer: {
    command: `node tests/e2e/serve.mjs`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    env: { E2E_BASE: base, E2E_PORT: String(port) },
  },
  projects: [
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
        userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36',
        browserName: 'chromium', launchOptions: chromium },
    },
    {
      name: 'desktop',
      use: { viewport: { width: 1280, height: 800 }, browserName: 'chromium', launchOptions: chromium },
      testIgnore: /phone-only/,
    },
  ],
});
