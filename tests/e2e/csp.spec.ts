import { test, expect, fresh } from './fixtures';

test('the Content-Security-Policy lets no inline script run, and the page has none', async ({ page, request, errors }) => {
  await fresh(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const scriptSrc = (policy || '').split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) || '';
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  // Every script of the page as served is a file of its own origin (tools/postbuild.mjs would
  // otherwise have had to name an inline one by its hash).
  const html = await (await request.get('./')).text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\bsrc="\/(?!\/)/); // a path on this origin
    expect(body.trim()).toBe('');
  }

  const outcome = await page.evaluate(() => new Promise<{ ran: boolean; blocked: string }>((done) => {
    let blocked = '';
    document.addEventListener('securitypolicyviolation', (e) => { blocked = e.violatedDirective; });
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.append(s);
    // An inline event handler is an inline script too.
    const b = document.createElement('button');
    b.setAttribute('onclick', 'window.__injected = true;');
    document.body.append(b);
    b.click();
    setTimeout(() => done({ ran: (window as any).__injected === true, blocked }), 100);
  }));
  expect(outcome.ran).toBe(false);
  expect(outcome.blocked).toMatch(/^script-src/);
  // The browser reports each refusal on the console: expected here, so not a failure of this test.
  const refused = errors.filter((e) => e.includes('Content Security Policy'));
  expect(refused.length).toBeGreaterThan(0);
  errors.splice(0, errors.length, ...errors.filter((e) => !e.includes('Content Security Policy')));
});
