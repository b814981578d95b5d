import { test, expect, fresh, noAxeViolations, noHorizontalScroll } from './fixtures';
import type { Page } from '@playwright/test';

async function newStory(page: Page) {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
}

test('a context without figures is flagged, and a real figure clears it', async ({ page }) => {
  await newStory(page);
  await page.getByRole('link', { name: /Numbers/ }).click();
  const context = page.getByLabel('The situation, with its numbers');
  await context.fill('I ran the booking system for a chain of clinics and the project failed badly.');
  const coach = page.locator('.feedback');
  await expect(coach.locator('.key-status')).toHaveClass(/needs-work/);
  await expect(coach).toContainText(/figure/i);
  await noAxeViolations(page);
  await noHorizontalScroll(page);
  await page.screenshot({ path: `screenshots/step-2-findings-${test.info().project.name}.png`, fullPage: true });
  await context.fill('I ran the booking system for a chain of clinics; a sync fault stopped bookings, affecting 35% of our 12,000 users.');
  await expect(coach.locator('.key-status')).toHaveClass(/met/);
  await expect(page.getByRole('link', { name: 'Key 2: Numbers, met' })).toBeVisible();
});

test('a chef whose failure is a kitchen disaster gets the core-competency red flag, with the words quoted', async ({ page }) => {
  await newStory(page);
  await page.getByLabel('Role you are applying for').fill('Chef');
  await page.getByLabel('The failure in one sentence').fill('During a 200-cover dinner service I burned the reduction for the main course and plates went out 25 minutes late.');
  const coach = page.locator('.feedback');
  await expect(coach).toContainText(/core/i);
  await expect(coach.locator('.finding', { hasText: /core/i }).locator('q')).toContainText('burned');
  await coach.getByText('Show my words with what the coach noticed highlighted').click();
  await expect(coach.locator('mark', { hasText: 'burned' })).toBeVisible();
  await noAxeViolations(page);
  await noHorizontalScroll(page);
});

test('what follows each key press keeps up: the open preview, the step indicator, the saved text', async ({ page }) => {
  await newStory(page);
  await page.getByRole('link', { name: /Numbers/ }).click();
  await expect(page.getByRole('link', { name: /Key 2: Numbers, not started/ })).toBeVisible();
  const context = page.getByLabel('The situation, with its numbers');
  await context.pressSequentially('Our clinic app lost');
  await expect(page.getByRole('link', { name: /Key 2: Numbers, (needs work|in progress)/ })).toBeVisible();
  const coach = page.locator('.feedback');
  await coach.getByText('Show my words with what the coach noticed highlighted').click();
  await expect(coach.locator('.preview-text')).toHaveText('Our clinic app lost');
  await context.pressSequentially(' 1,200 bookings over 3 days.');
  await expect(coach.locator('.preview-text')).toHaveText('Our clinic app lost 1,200 bookings over 3 days.');
  await expect(page.getByRole('link', { name: 'Key 2: Numbers, met' })).toBeVisible();
  // Emptying the field is followed too, and what was typed is what gets saved.
  await context.fill('');
  await expect(page.getByRole('link', { name: /Key 2: Numbers, not started/ })).toBeVisible();
  await context.pressSequentially('Down for 40 minutes.');
  await page.reload();
  await expect(page.getByLabel('The situation, with its numbers')).toHaveValue('Down for 40 minutes.');
});

test('the same advice on repeated words is listed once, and follows the verdict key press by key press', async ({ page }) => {
  await newStory(page);
  await page.getByRole('link', { name: /Numbers/ }).click();
  const context = page.getByLabel('The situation, with its numbers');
  await context.fill('Many clinics lost many bookings, and a few patients waited for hours. The outage hit 35');
  const coach = page.locator('.feedback');
  const vague = coach.locator('.finding', { hasText: 'Put a number on it' });
  // One item, quoting each vague word once ("Many" and "many" are kept as typed).
  await expect(vague).toHaveCount(1);
  await expect(vague.locator('q')).toHaveText(['Many', 'many', 'a few', 'for hours']);
  await expect(vague.locator('.badge')).toHaveText('Check');
  await expect(coach.locator('.fb-evidence')).toBeHidden();
  // "%" turns "35" into a figure: the key is met, the same item becomes a tip, the evidence shows.
  await context.press('End');
  await context.press('Shift+Digit5');
  await expect(coach.locator('.key-status')).toHaveClass(/met/);
  await expect(vague.locator('.badge')).toHaveText('Tip');
  await expect(vague).toHaveClass(/info/);
  await expect(coach.locator('.fb-evidence')).toBeVisible();
  await expect(coach.locator('.evidence')).toContainText('35');
  await expect(coach.locator('.finding.problem')).toHaveCount(0);
  // And back.
  await context.press('Backspace');
  await expect(coach.locator('.key-status')).toHaveClass(/needs-work/);
  await expect(vague.locator('.badge')).toHaveText('Check');
  await expect(coach.locator('.finding.problem')).toHaveCount(1);
  await expect(coach.locator('.fb-evidence')).toBeHidden();
  await expect(page.getByRole('link', { name: /Key 2: Numbers, needs work/ })).toBeVisible();
});

test('a long sentence keeps its row while its word count follows the typing', async ({ page }) => {
  await newStory(page);
  await page.getByRole('link', { name: /Numbers/ }).click();
  const context = page.getByLabel('The situation, with its numbers');
  const long = `We ${Array.from({ length: 33 }, (_, i) => ['moved', 'the', 'booking', 'queue', 'we'][i % 5]).join(' ')}`;
  await context.fill(`The outage hit 35% of 900 clinics. ${long}`);
  const row = page.locator('.feedback .finding', { hasText: 'This sentence has' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('.finding-msg')).toContainText('has 34 words');
  await row.evaluate((li) => { li.dataset.seen = 'yes'; });
  await context.press('End');
  await context.pressSequentially(' again');
  // The same item, with the new count: the row is updated, not built anew.
  await expect(row.locator('.finding-msg')).toContainText('has 35 words');
  await expect(row).toHaveAttribute('data-seen', 'yes');
  await expect(row.getByRole('button', { name: /hide: This sentence has 35 words/ })).toBeVisible();
});

test('a finding can be kept as it is, and that choice is saved', async ({ page }) => {
  await newStory(page);
  await page.getByRole('link', { name: /Numbers/ }).click();
  await page.getByLabel('The situation, with its numbers').fill('Basically, I kind of managed the rollout of a new rota system for 3 wards and 120 nurses, and it sort of went wrong in week 2.');
  // Wait for the report on the whole text (its words quoted) before counting the rows.
  await expect(page.locator('.finding q', { hasText: 'Basically' })).toBeVisible();
  await expect(page.locator('.finding q', { hasText: 'sort of' })).toBeVisible();
  const keep = page.locator('.finding').filter({ has: page.getByRole('button', { name: /Keep it as it is/ }) }).first();
  await expect(keep).toBeVisible();
  const before = await page.locator('.finding').count();
  await keep.getByRole('button', { name: /Keep it as it is/ }).click();
  await expect(page.locator('.finding')).toHaveCount(before - 1);
  await expect(page.getByText(/hidden for this story/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/hidden for this story/)).toBeVisible();
  await page.getByRole('button', { name: 'Show them again' }).click();
  await expect(page.locator('.finding')).toHaveCount(before);
});

const PASTED = [
  'Two years ago I was the release manager for a banking app with 400,000 monthly users.',
  'A certificate at our payment provider expired without warning, and card payments failed for 3 hours on a Saturday.',
  'I spotted the spike in errors within 10 minutes and called the provider with our lead engineer.',
  'We switched payments to the backup provider within the hour, so customers could pay again that afternoon.',
  'Afterwards I added certificate expiry checks to our monitoring, and we have had no expiry outage in the 18 months since.',
  'I learned that every outside dependency needs its own alarm, not just our own code.',
  'Now I list each third-party dependency with its expiry dates before every release.',
  'My favourite colour is teal.',
];

test('a pasted answer is split into parts and becomes a story that keeps every sentence', async ({ page }) => {
  await fresh(page);
  await page.getByRole('link', { name: 'Check an answer I already have' }).click();
  await page.getByLabel('Target role (optional)').fill('Release manager');
  await page.getByLabel('Your answer').fill(PASTED.join(' '));
  await expect(page.getByRole('heading', { name: 'The parts Comeback found' })).toBeVisible();
  await expect(page.locator('.segment')).not.toHaveCount(0);
  await noAxeViolations(page);
  await noHorizontalScroll(page);
  await page.screenshot({ path: `screenshots/paste-${test.info().project.name}.png`, fullPage: true });
  await page.getByRole('button', { name: 'Turn it into a story' }).click();
  await expect(page).toHaveURL(/#\/story\/[^/]+\/review$/);
  await expect(page.getByRole('heading', { name: 'How it measures up' })).toBeVisible();
  await noAxeViolations(page);
  await page.screenshot({ path: `screenshots/review-report-${test.info().project.name}.png`, fullPage: true });
  // Every sentence is in some field of the saved story.
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('comeback.story.')).map((k) => localStorage.getItem(k)).join('\n'));
  const story = JSON.parse(saved).stories[0];
  const fields = [story.summary, story.context, story.immediate_win, story.long_term_gain, story.lesson, story.change, story.unsorted,
    ...story.steps.flatMap((s: { action: string; who: string; when: string }) => [s.action, s.who, s.when])].join(' ');
  for (const sentence of PASTED) expect(fields).toContain(sentence.replace(/\.$/, ''));
});

test('text that looks like HTML is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const evil = '<img src=x onerror=alert(1)> and <script>alert(2)</script>';
  await newStory(page);
  await page.getByLabel('Name this story').fill(evil);
  await page.getByLabel('The failure in one sentence').fill(`I forgot the backup ${evil}`);
  await page.getByText('Show my words with what the coach noticed highlighted').click();
  await expect(page.locator('.preview-text').filter({ hasText: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByLabel('Your assembled answer')).toContainText('<img src=x onerror=alert(1)>');
  await page.getByRole('link', { name: 'Comeback, home' }).click();
  await expect(page.getByRole('heading', { name: evil })).toBeVisible();
  await page.getByRole('link', { name: 'Check an answer I already have' }).click();
  await page.getByLabel('Your answer').fill(`We lost 40% of orders. ${evil}`);
  await expect(page.locator('.segment-text').filter({ hasText: '<img src=x' })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('a huge paste does not freeze the page and is kept', async ({ page }) => {
  await newStory(page);
  await page.getByRole('link', { name: /Numbers/ }).click();
  const big = ('Our 12,000 users lost access for 3 hours while I rebuilt the index. 🚀 مرحبا ').repeat(12_000); // about 1 MB
  const context = page.getByLabel('The situation, with its numbers');
  await context.fill(big);
  await expect(page.locator('.feedback .key-status')).toHaveClass(/met/, { timeout: 20_000 });
  await page.reload();
  await expect(context).toHaveValue(big);
});
