// Issue "Feedback a person can trust": what a new user saw, typed or pasted at phone size, with
// wordings of our own beside the ones in the issue.
import { test, expect, fresh, noAxeViolations, noHorizontalScroll } from './fixtures';
import type { Page } from '@playwright/test';

async function newStory(page: Page) {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
}

async function paste(page: Page, role: string, text: string) {
  await fresh(page);
  await page.getByRole('link', { name: 'Check an answer I already have' }).click();
  await page.getByLabel('Target role (optional)').fill(role);
  await page.getByLabel('Your answer').fill(text);
  await expect(page.getByRole('heading', { name: 'How it measures up' })).toBeVisible();
}

/// The verdict row of a key in the full report (Paste and Review).
function verdict(page: Page, title: string) {
  return page.locator('.key-verdicts .verdict', { hasText: title });
}

test('blame on a colleague is no outside cause, in the wizard and on Review', async ({ page }) => {
  await newStory(page);
  await page.getByLabel('Role you are applying for').fill('Project manager');
  await page.getByLabel("Circumstances outside anyone's control").check();
  await page.getByLabel('The failure in one sentence').fill('A project went badly because my colleague Dave did not do his part.');
  const coach = page.locator('.feedback');
  await expect(coach.locator('.key-status')).toHaveClass(/needs-work/);
  await expect(coach.locator('.key-status')).toContainText(/someone else/);
  await expect(page.getByRole('link', { name: /Key 1: Choice, met/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.locator('.red-flags')).toContainText('Blame on others');
  await expect(page.getByText('✓ None found.')).toHaveCount(0);
  await noAxeViolations(page);
});

test('"the QA team\'s fault" and "really on him" are blame on the Paste page', async ({ page }) => {
  await paste(page, 'Software engineer',
    'Our release failed in production and 3,000 users could not log in for 2 hours. It was the QA team\'s fault, and the bug was really on him, the tester who signed it off.');
  await expect(page.locator('.red-flags')).toContainText('Blame on others');
  await expect(verdict(page, 'Choose the failure wisely')).toHaveClass(/needs-work/);
});

test('a lie to the manager is an ethics flag, never safe material', async ({ page }) => {
  await paste(page, 'Account manager',
    'I missed the renewal date for our biggest client. I told my manager it was a vendor outage so I would not get blamed.');
  await expect(page.locator('.red-flags')).toContainText('Ethics');
  const choice = verdict(page, 'Choose the failure wisely');
  await expect(choice).toHaveClass(/needs-work/);
  await expect(choice).not.toContainText('safe material');
  // The lie is not counted as a step of the recovery either.
  await expect(verdict(page, 'Show the turnaround')).toHaveClass(/needs-work/);
});

test('hollow results meet neither half of key 4, and Review finds no prevention', async ({ page }) => {
  await newStory(page);
  await page.getByRole('link', { name: /Improve/ }).click();
  await page.getByLabel('The immediate win').fill('Things got better eventually.');
  await page.getByLabel('The long-term gain').fill('We had a meeting about it.');
  const coach = page.locator('.feedback');
  await expect(coach.locator('.key-status')).toHaveClass(/needs-work/);
  await expect(page.getByRole('link', { name: /Key 4: .*, met/ })).toHaveCount(0);
  await page.getByRole('link', { name: /Growth/ }).click();
  await page.getByLabel('What you do differently now').fill('I try to communicate better.');
  await expect(page.locator('.feedback .key-status')).toHaveClass(/needs-work/);
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.locator('.signal', { hasText: 'Prevention' })).toContainText('no evidence yet');
});

test('a fragment is not met, and a figure in the one-line failure does not tick step 2', async ({ page }) => {
  await newStory(page);
  await page.getByLabel('An unexpected technical problem').check();
  const summary = page.getByLabel('The failure in one sentence');
  await summary.fill('A release I shipped');
  const coach = page.locator('.feedback');
  await expect(coach.locator('.key-status')).toHaveClass(/needs-work/);
  await summary.fill('A release I shipped lost 2,000 orders when the payment provider\'s certificate expired overnight.');
  await expect(page.getByRole('link', { name: /Key 2: Numbers, not started/ })).toBeVisible();
  await noHorizontalScroll(page);
});

const PAGED = [
  'Last spring a payment provider renewed its certificate at 2 am without notice, and our checkout failed for 40 minutes: about 1,800 orders did not go through.',
  'I paged the on-call engineer within 5 minutes and we rolled our pinned certificate forward together.',
  'By 10 am every order had gone through.',
  'Since then our monitoring checks every provider certificate daily and warns us a week ahead.',
  'I learned that a dependency we do not run still needs an alarm we do run, and now I add one for every new provider before launch.',
].join(' ');

test('a pasted recovery with "I paged" meets key 3 on Paste and again once it is a story', async ({ page }) => {
  await paste(page, 'Site reliability engineer', PAGED);
  await expect(verdict(page, 'Show the turnaround')).toHaveClass(/verdict met/);
  await expect(page.locator('.signal', { hasText: 'Ownership' })).toHaveClass(/found/);
  await page.getByRole('button', { name: 'Turn it into a story' }).click();
  await expect(page).toHaveURL(/#\/story\/[^/]+\/review$/);
  await expect(verdict(page, 'Show the turnaround')).toHaveClass(/verdict met/);
  await expect(page.getByRole('link', { name: /Key 3: .*, met/ })).toBeVisible();
});

const STAR = [
  'Situation: A night shift on a 28-bed ward, when a firmware update froze 6 infusion pumps at 2 am.',
  'Task: I had to make sure the patients were safe.',
  '1. Action: As soon as I spotted the frozen screens, I moved the patients to spare pumps with the charge nurse within 10 minutes. I then gave our biomedical team the pump numbers.',
  '2. Result: Every patient had their infusion within 15 minutes. Over the next month the ward added a firmware check to the night checklist.',
  '3. Learning: I learned that an update is a change to patient care, and I now check the pumps after every update.',
].join('\n');

test('paste -> story removes STAR headings and keeps the situation as the context', async ({ page }) => {
  await paste(page, 'Registered nurse', STAR);
  await page.getByRole('button', { name: 'Turn it into a story' }).click();
  await expect(page).toHaveURL(/#\/story\/[^/]+\/review$/);
  const answer = page.getByLabel('Your assembled answer');
  await expect(answer).toContainText('spare pumps');
  for (const heading of ['Situation:', 'Task:', 'Action:', 'Result:', 'Learning:']) {
    await expect(answer).not.toContainText(heading);
  }
  await expect(answer).not.toContainText('Then I then');
  await page.getByRole('link', { name: /Numbers/ }).click();
  await expect(page.getByLabel('The situation, with its numbers')).toHaveValue(/make sure the patients were safe/);
  await page.getByRole('link', { name: /Improve/ }).click();
  await expect(page.getByLabel('The immediate win')).toHaveValue(/within 15 minutes/);
  await expect(page.getByLabel('The immediate win')).not.toHaveValue(/make sure the patients/);
  await expect(page.getByLabel('The long-term gain')).toHaveValue(/firmware check/);
  await page.screenshot({ path: `screenshots/trust-star-improve-${test.info().project.name}.png`, fullPage: true });
});

test('"Keep it as it is" is offered only on words that are there, and says what would meet the key', async ({ page }) => {
  await newStory(page);
  await page.getByRole('link', { name: /Numbers/ }).click();
  const context = page.getByLabel('The situation, with its numbers');
  // Advice to add what is missing has nothing to keep.
  await context.fill('I ran the rota for the ward.');
  const coach = page.locator('.feedback');
  await expect(coach.locator('.key-status')).toHaveClass(/needs-work/);
  await expect(coach.locator('.finding').filter({ hasNot: page.locator('q') }).getByRole('button', { name: /Keep it as it is/ })).toHaveCount(0);
  // Advice quoting the words can be kept, and the key then says what would meet it.
  await context.fill('Basically, I kind of ran the rota for the ward and it sort of went wrong.');
  const keep = coach.locator('.finding').filter({ has: page.getByRole('button', { name: /Keep it as it is/ }) }).first();
  await expect(keep).toBeVisible();
  await keep.getByRole('button', { name: /Keep it as it is/ }).click();
  await expect(coach).toContainText('Hiding advice does not meet the key');
  await expect(coach).toContainText('an exact figure about this failure');
});

test('Review lets the user edit the assembled answer, keeps it, and keeps a way back to the generated one', async ({ page }) => {
  await newStory(page);
  await page.getByLabel('Name this story').fill('Flooded store');
  await page.getByLabel('The failure in one sentence').fill('A burst pipe flooded our store room the night before a stock audit.');
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  const generated = page.locator('.answer');
  await expect(generated).toContainText('A burst pipe flooded our store room');
  await page.getByRole('button', { name: 'Edit this text' }).click();
  const box = page.getByLabel('Your answer, in your own words');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(/A burst pipe flooded our store room/);
  await box.fill('The night before a stock audit, a burst pipe flooded our store room, and 300 boxes got wet.');
  await noAxeViolations(page);
  // Kept with the story: a reload shows the edit.
  await page.reload();
  await expect(page.getByLabel('Your answer, in your own words')).toHaveValue(/300 boxes got wet/);
  // Printed, the edited answer is the text itself, not a box.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.answer.print-only')).toContainText('300 boxes got wet');
  await expect(page.getByLabel('Your answer, in your own words')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  // The way back keeps the edit, and the edit comes back as it was.
  await page.getByRole('button', { name: 'Show the generated answer' }).click();
  await expect(page.locator('.answer')).toContainText('A burst pipe flooded our store room the night before');
  await expect(page.getByText('Your edited text is kept')).toBeVisible();
  await page.getByRole('button', { name: 'Use my edited text' }).click();
  await expect(page.getByLabel('Your answer, in your own words')).toHaveValue(/300 boxes got wet/);
  // A step changed after the edit: Review says the edited text is behind the steps.
  await page.getByRole('link', { name: 'Edit key 1' }).click();
  await page.getByLabel('The failure in one sentence').fill('A burst pipe flooded our store room two nights before a stock audit.');
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You changed the steps after editing this text' })).toBeVisible();
  await expect(page.getByLabel('Your answer, in your own words')).toHaveValue(/300 boxes got wet/);
});
