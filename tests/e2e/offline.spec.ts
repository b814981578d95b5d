import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * A copy of dist/ as the next deploy would be: every hashed file under a new name, and the page,
 * its CSP and the worker's file list redone by the same post-build step as a real build.
 */
function nextBuild(): { dir: string; renamed: Map<string, string> } {
  const src = 'dist';
  const dir = 'test-results/next-dist';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const renamed = new Map<string, string>();
  for (const f of readdirSync(src)) {
    const to = f.replace(/-([0-9a-f]{16})(?=[._])/, (_, h: string) => '-' + [...h].reverse().join(''));
    if (to !== f) renamed.set(f, to);
    cpSync(join(src, f), join(dir, to), { recursive: true });
  }
  let html = readFileSync(join(dir, 'index.html'), 'utf8');
  for (const [from, to] of renamed) html = html.split(from).join(to);
  writeFileSync(join(dir, 'index.html'), html);
  execFileSync('node', ['tools/postbuild.mjs', dir]);
  cpSync(join(dir, 'index.html'), join(dir, '404.html'));
  return { dir, renamed };
}

/** The caches of this origin: name -> the paths in it. */
async function cached(page: Page) {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    }
    return out;
  });
}

test('after a deploy the service worker keeps only the new build\'s files', async ({ page, request }) => {
  await fresh(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const wasm = readdirSync('dist').find((f) => f.endsWith('_bg.wasm'))!;
  await expect.poll(async () => Object.values(await cached(page)).flat().some((p) => p.endsWith(wasm))).toBe(true);
  const before = await cached(page);
  expect(Object.keys(before)).toHaveLength(1);
  // What the worker of the first versions left behind (one cache for ever) goes too.
  await page.evaluate(async () => { await (await caches.open('comeback-v1')).put('stale.wasm', new Response('old')); });

  const next = nextBuild();
  try {
    expect((await request.get('/__e2e/serve?dir=' + next.dir)).ok()).toBe(true);
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update(); });
    await expect.poll(async () => {
      const now = await cached(page);
      return Object.keys(now).length === 1 && !(Object.keys(before)[0] in now);
    }, { timeout: 20_000 }).toBe(true);
    const after = Object.values(await cached(page))[0];
    for (const [old, renamed] of next.renamed) {
      expect(after.some((p) => p.endsWith('/' + old)), `${old} is gone`).toBe(false);
      expect(after.some((p) => p.endsWith('/' + renamed)), `${renamed} is cached`).toBe(true);
    }
    // The new build runs, and runs offline.
    await page.reload();
    await ready(page);
    await page.context().setOffline(true);
    await page.reload();
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.context().setOffline(false);
  } finally {
    await request.get('/__e2e/serve?dir=dist');
  }
});
