import { readFileSync } from 'node:fs';
import { test, expect, fresh, ready, noAxeViolations, noHorizontalScroll } from './fixtures';
import type { Page } from '@playwright/test';

// A story written by the team for this test; every phrase must come back after export/import.
const S = {
  title: 'Checkout failover Friday',
  role: 'Backend engineer',
  summary: 'A database failover I had tested twice left our checkout service writing to a read-only replica for 40 minutes.',
  context: 'I was the on-call engineer for an online grocer with 12,000 daily orders; the fault blocked 35% of checkouts during the Friday peak, about £18,000 in delayed sales. 🛒 שלום',
  steps: [
    { action: 'I paged the database team and moved checkout to the standby cluster', who: 'with the database lead', when: 'within 9 minutes' },
    { action: 'I replayed the 2,300 queued orders from the message log', who: 'with two support agents', when: 'the same evening' },
  ],
  win: 'Checkout was back within 40 minutes and every queued order was delivered by Saturday noon.',
  gain: 'I added a failover drill under real load to our monthly release checklist; over the next six months failover incidents fell from five to one.',
  lesson: 'I learned that a failover which passes in staging proves little unless it runs under production-sized load.',
  change: 'Now I run every recovery plan against production-sized traffic before I sign it off.',
};

async function shot(page: Page, name: string) {
  await noHorizontalScroll(page);
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

async function expectEveryWord(page: Page) {
  await page.getByRole('link', { name: /Choice/ }).click();
  await expect(page.getByLabel('Name this story')).toHaveValue(S.title);
  await expect(page.getByLabel('Role you are applying for')).toHaveValue(S.role);
  await expect(page.getByLabel('An unexpected technical problem')).toBeChecked();
  await expect(page.getByLabel('The failure in one sentence')).toHaveValue(S.summary);
  await page.getByRole('link', { name: /Numbers/ }).click();
  await expect(page.getByLabel('The situation, with its numbers')).toHaveValue(S.context);
  await page.getByRole('link', { name: /Turnaround/ }).click();
  for (const [i, st] of S.steps.entries()) {
    await expect(page.locator(`#step-${i + 1}-action`)).toHaveValue(st.action);
    await expect(page.locator(`#step-${i + 1}-who`)).toHaveValue(st.who);
    await expect(page.locator(`#step-${i + 1}-when`)).toHaveValue(st.when);
  }
  await page.getByRole('link', { name: /Improve/ }).click();
  await expect(page.getByLabel('The immediate win')).toHaveValue(S.win);
  await expect(page.getByLabel('The long-term gain')).toHaveValue(S.gain);
  await page.getByRole('link', { name: /Growth/ }).click();
  await expect(page.getByLabel('What you learned', { exact: true })).toHaveValue(S.lesson);
  await expect(page.getByLabel('What you do differently now')).toHaveValue(S.change);
}

test('fill all five steps, reload, reopen, export, clear, import: every word comes back', async ({ page, context }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();

  // Step 1
  await page.getByLabel('Name this story').fill(S.title);
  await page.getByLabel('Role you are applying for').fill(S.role);
  await page.getByLabel('An unexpected technical problem').check();
  await page.getByLabel('The failure in one sentence').fill(S.summary);
  await noAxeViolations(page);
  await shot(page, 'step-1-phone');
  await page.getByRole('link', { name: 'Next' }).click();

  // Step 2, then reload at once: the pagehide flush must have saved it.
  await page.getByLabel('The situation, with its numbers').fill(S.context);
  await page.reload();
  await ready(page);
  await expect(page.getByLabel('The situation, with its numbers')).toHaveValue(S.context);
  await noAxeViolations(page);
  await shot(page, 'step-2-phone');
  await page.getByRole('link', { name: 'Next' }).click();

  // Step 3: two ordered steps
  await page.locator('#step-1-action').fill(S.steps[0].action);
  await page.locator('#step-1-who').fill(S.steps[0].who);
  await page.locator('#step-1-when').fill(S.steps[0].when);
  await page.getByRole('button', { name: '+ Add a step' }).click();
  await page.locator('#step-2-action').fill(S.steps[1].action);
  await page.locator('#step-2-who').fill(S.steps[1].who);
  await page.locator('#step-2-when').fill(S.steps[1].when);
  await noAxeViolations(page);
  await shot(page, 'step-3-phone');
  await page.getByRole('link', { name: 'Next' }).click();

  // Step 4
  await page.getByLabel('The immediate win').fill(S.win);
  await page.getByLabel('The long-term gain').fill(S.gain);
  await noAxeViolations(page);
  await shot(page, 'step-4-phone');
  await page.getByRole('link', { name: 'Next' }).click();

  // Step 5
  await page.getByLabel('What you learned', { exact: true }).fill(S.lesson);
  await page.getByLabel('What you do differently now').fill(S.change);
  await noAxeViolations(page);
  await shot(page, 'step-5-phone');

  // Close the tab and open the app again from its plain address: same story, same step.
  await page.waitForTimeout(400);
  await page.close();
  const page2 = await context.newPage();
  await page2.goto('./');
  await ready(page2);
  await expect(page2).toHaveURL(/#\/story\/[^/]+\/5$/);
  await expect(page2.getByLabel('What you do differently now')).toHaveValue(S.change);

  // Review: the assembled answer holds every part.
  await page2.getByRole('link', { name: 'Review your answer' }).click();
  const answer = page2.getByLabel('Your assembled answer');
  for (const part of [S.summary, S.win, S.lesson, S.change]) await expect(answer).toContainText(part.slice(0, 40));
  await noAxeViolations(page2);
  await shot(page2, 'review-phone');

  // Export everything to a file.
  await page2.getByRole('link', { name: 'Comeback, home' }).click();
  const [download] = await Promise.all([
    page2.waitForEvent('download'),
    page2.getByRole('button', { name: 'Export all stories' }).first().click(),
  ]);
  const path = test.info().outputPath('export.json');
  await download.saveAs(path);
  const exported = readFileSync(path, 'utf8');
  expect(exported).toContain(S.context);

  // Wipe the browser's storage: the app starts empty.
  await page2.evaluate(() => localStorage.clear());
  await page2.reload();
  await ready(page2);
  await expect(page2.getByRole('heading', { name: 'Your stories' })).toHaveCount(0);

  // Import the file back: every word returns.
  await page2.getByRole('link', { name: 'Check an answer I already have' }).waitFor();
  await page2.getByRole('button', { name: 'Start a new story' }).click();
  await page2.getByRole('link', { name: 'Comeback, home' }).click();
  await page2.locator('input[type=file]').setInputFiles(path);
  await expect(page2.getByText(/Imported: 1 new/)).toBeVisible();
  await page2.getByRole('link', { name: S.title, exact: true }).click();
  await expectEveryWord(page2);
});

test('a bad import file is refused with a reason and changes nothing', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('Name this story').fill('Kept safe');
  await page.getByRole('link', { name: 'Comeback, home' }).click();
  for (const [name, body] of [
    ['notes.json', 'this is not json at all'],
    ['future.json', JSON.stringify({ app: 'comeback', schema_version: 99, stories: [] })],
    ['wrong.json', JSON.stringify({ schema_version: 3, app: 'comeback', stories: [{ id: 'x', steps: 'not a list' }] })],
  ]) {
    await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was changed' })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Kept safe' })).toBeVisible();
  await expect(page.locator('.story-card')).toHaveCount(1);
});

test('unreadable saved data is kept aside, reported, and downloadable', async ({ page }) => {
  await fresh(page);
  await page.evaluate(() => localStorage.setItem('comeback.story.broken', '{"schema_version":3,"stories":[{"id":'));
  await page.reload();
  await ready(page);
  const notice = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(notice).toBeVisible();
  // It names what happened to the saved copy, not an import file the user never chose.
  await expect(notice).toContainText('the saved copy stops too early');
  await expect(notice).not.toContainText(/file|import/i);
  const kept = await page.evaluate(() => localStorage.getItem('comeback.unreadable.comeback.story.broken'));
  expect(kept).toBe('{"schema_version":3,"stories":[{"id":');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  const path = test.info().outputPath('unreadable.txt');
  await download.saveAs(path);
  expect(readFileSync(path, 'utf8')).toBe('{"schema_version":3,"stories":[{"id":');
  // The app still works.
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await expect(page.getByText('Key 1 of 5')).toBeVisible();
});

test('full storage is explained, loses no text, and saving resumes once there is room', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('Name this story').fill('Quota day');
  await expect(page.getByText('Saved on this device')).toBeVisible();
  // Fill the site's storage with filler until the browser refuses more.
  const filled = await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 10, 64, 1]) {
      for (;;) {
        try { localStorage.setItem(`filler-${n}`, 'x'.repeat(size)); n++; } catch { break; }
      }
    }
    return n;
  });
  expect(filled).toBeGreaterThan(0);
  const words = 'The replica stalled 40 minutes of orders 🛒 and I paged the lead.';
  const summary = page.getByLabel('The failure in one sentence');
  await summary.fill(words);
  await expect(page.getByText(/storage for this site is full/)).toBeVisible();
  await expect(page.getByText('Not saved: see the message above')).toBeVisible();
  await expect(summary).toHaveValue(words);
  await noAxeViolations(page);
  await shot(page, 'storage-full-phone');
  // Room again: the next change is saved, and a reload brings every word back.
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k); });
  await summary.press('End');
  await summary.pressSequentially(' Twice.');
  await expect(page.locator('.save-state')).toHaveText('Saved on this device');
  // The warning goes once saving works again, and the user is told.
  await expect(page.getByText(/storage for this site is full/)).toHaveCount(0);
  await expect(page.getByText('Saving works again')).toBeVisible();
  await page.reload();
  await ready(page);
  await expect(page.getByLabel('The failure in one sentence')).toHaveValue(`${words} Twice.`);
  await expect(page.getByLabel('Name this story')).toHaveValue('Quota day');
});

test('steady typing is saved about once a second, and a pause saves the rest', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('Name this story').fill('Steady');
  await expect(page.getByText('Saved on this device')).toBeVisible();
  const summary = page.getByLabel('The failure in one sentence');
  await summary.focus();
  // What the device holds for this story's summary, read straight from storage.
  const stored = () => page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('comeback.story.'));
    return key ? JSON.parse(localStorage.getItem(key)!).stories[0].summary as string : '';
  });
  // Type without a pause for 3 seconds (a key every 100 ms): saves still happen while typing.
  const seen = new Set<string>();
  const start = Date.now();
  let typed = '';
  while (Date.now() - start < 3000) {
    const ch = typed.length % 6 === 5 ? ' ' : 'a';
    await page.keyboard.type(ch);
    typed += ch;
    seen.add(await stored());
    await page.waitForTimeout(100);
  }
  // At least two saves landed mid-typing, each holding a part of what was typed by then.
  const partial = [...seen].filter((s) => s.length > 0 && s.length < typed.length);
  expect(partial.length).toBeGreaterThanOrEqual(2);
  for (const s of partial) expect(typed.startsWith(s)).toBe(true);
  // A pause saves everything, well within a second.
  await expect.poll(stored, { timeout: 1500 }).toBe(typed);
});

test('delete offers undo, and undo brings the story back', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('Name this story').fill('Worth keeping');
  await page.getByRole('link', { name: 'Comeback, home' }).click();
  await page.getByRole('button', { name: 'Delete Worth keeping' }).click();
  await expect(page.getByRole('heading', { name: 'Worth keeping' })).toHaveCount(0);
  await page.waitForTimeout(10_500);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'Worth keeping' })).toBeVisible();
  await page.reload();
  await ready(page);
  await expect(page.getByRole('heading', { name: 'Worth keeping' })).toBeVisible();
});

test('two tabs on one story never silently overwrite each other', async ({ page, context }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByRole('link', { name: /Numbers/ }).click();
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await ready(other);
  const field = 'The situation, with its numbers';

  // One tab saves; the other, with no edits of its own, follows.
  await page.getByLabel(field).fill('Text from the first tab.');
  await expect(other.getByLabel(field)).toHaveValue('Text from the first tab.');

  // Both type before either has saved: someone must be asked, and no text may vanish. The pages'
  // clocks are held so that both have typed before either saves; the two saves then land at the
  // same moment, each over a version the other tab has not seen (localStorage cannot refuse the
  // second one), so at least one tab must ask.
  const prompt = (p: Page) => p.getByRole('alertdialog');
  const asked = async () => (await prompt(page).count()) + (await prompt(other).count()) > 0;
  const a = 'Version A with 12 orders.';
  const b = 'Version B with 34 orders.';
  await page.clock.install();
  await other.clock.install();
  await page.getByLabel(field).fill(a);
  await other.getByLabel(field).fill(b);
  await page.clock.runFor(1000);
  await other.clock.runFor(1000);
  await page.clock.resume();
  await other.clock.resume();
  await expect.poll(asked).toBe(true);
  const first = (await prompt(page).count()) > 0 ? page : other;
  await first.getByRole('button', { name: /Use the other version/ }).click();
  // The field now shows the other tab's text (this tab's text is kept as a copy).
  await expect(first.getByLabel(field)).toHaveValue(first === page ? b : a);
  await first.getByRole('link', { name: 'Comeback, home' }).click();
  await expect(first.getByRole('heading', { name: /this tab's version/ })).toBeVisible();
  const all = await first.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('comeback.story.')).map((k) => localStorage.getItem(k)).join('\n'));
  expect(all).toContain(a);
  expect(all).toContain(b);
});

test('importing a file that clashes with a story asks what to do, and keeping both loses nothing', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('Name this story').fill('Server room flood');
  await page.getByLabel('The failure in one sentence').fill('A burst pipe flooded our server room overnight.');
  await page.getByRole('link', { name: 'Comeback, home' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Server room flood' }).click(),
  ]);
  const path = test.info().outputPath('one.json');
  await download.saveAs(path);
  // Change the story here, then import the older copy: same id, different text.
  await page.getByRole('link', { name: 'Server room flood', exact: true }).click();
  await page.getByLabel('The failure in one sentence').fill('A burst pipe flooded our server room at 3 a.m. on a Sunday.');
  await page.getByRole('link', { name: 'Comeback, home' }).click();
  await page.locator('input[type=file]').setInputFiles(path);
  await expect(page.getByRole('heading', { name: 'Some imported stories clash with yours' })).toBeVisible();
  await noAxeViolations(page);
  await expect(page.getByLabel('Keep both (the imported one as a copy)')).toBeChecked();
  await page.getByRole('button', { name: 'Import with these choices' }).click();
  await expect(page.getByText(/1 clash\(es\) settled as you chose/)).toBeVisible();
  await expect(page.locator('.story-card')).toHaveCount(2);
  const all = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('comeback.story.')).map((k) => localStorage.getItem(k)).join('\n'));
  expect(all).toContain('A burst pipe flooded our server room overnight.');
  expect(all).toContain('at 3 a.m. on a Sunday.');
});
