import { test, expect, fresh, noAxeViolations, noHorizontalScroll, freezeClock } from './fixtures';
import type { Page } from '@playwright/test';

// A fake microphone: Chromium answers getUserMedia with a test tone and never shows a prompt.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
});

// A spoken answer as someone might type it after practising: about 200 words, three fillers.
const SPOKEN = [
  'Um, on a Friday evening checkout on our grocery site started failing because an outside address service changed its format without warning.',
  'We handled about 14,000 orders a day, and for 40 minutes 18% of checkouts failed, which put about 2,300 orders and £90,000 of sales at risk.',
  'I spotted the spike in errors within 6 minutes and traced it to the address service.',
  'I switched checkout to manual address entry behind a feature flag with the on-call product manager within 20 minutes,',
  'and then I rewrote the parser to accept both formats and shipped it within 3 hours.',
  'Checkout success was back above 99% that same evening, and by Sunday 1,900 of the 2,300 customers had completed their orders.',
  'Basically, I also added contract tests for every outside service to our release checklist, and over the next six months we caught 4 format changes before customers saw them.',
  'I learned that an outside service can change under you at any time, you know, so now I put a contract test and an alarm on every dependency before I rely on it.',
].join(' ');

async function openPractice(page: Page) {
  await fresh(page);
  await page.getByRole('button', { name: 'Explore a worked example' }).click();
  await page.getByRole('link', { name: 'Practise out loud' }).click();
  await expect(page).toHaveURL(/#\/story\/[^/]+\/practice$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Practise out loud' })).toBeVisible();
}

test('practice: cue cards, timer, a local recording and a checked transcript', async ({ page, context }) => {
  await context.grantPermissions(['microphone']);
  await openPractice(page);

  // Cue cards, one at a time, with the user's own words.
  const card = page.getByRole('group', { name: /Choose the failure wisely/ });
  await expect(card).toContainText('Card 1 of 5');
  await expect(card).toContainText('Your words:');
  await expect(card.locator('q')).toContainText('On a Friday evening');
  const next = page.getByRole('button', { name: 'Next card' });
  for (const n of [2, 3, 4, 5]) {
    await next.click();
    await expect(page.locator('.cue-card')).toContainText(`Card ${n} of 5`);
  }
  await expect(page.locator('.cue-card h3')).toHaveText('5. Show what you learned');
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  await next.click({ force: true });
  await expect(page.locator('.cue-card')).toContainText('Card 5 of 5');
  // The keyboard turns the cards too.
  await page.locator('.cue-card').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.cue-card')).toContainText('Card 4 of 5');
  await expect(page.locator('.cue-card')).toBeFocused();
  await page.getByRole('button', { name: 'Previous card' }).click();
  await expect(page.locator('.cue-card')).toContainText('Card 3 of 5');

  // The timer runs, pauses, and hands its time to the transcript check.
  const timer = page.getByRole('timer', { name: 'Time spoken' });
  await expect(timer).toHaveText('00:00');
  await expect(page.getByText('Target: 1:30 to 2:30.')).toBeVisible();
  await freezeClock(page);
  await page.getByRole('button', { name: 'Start the timer' }).click();
  await page.clock.runFor(2_100);
  await expect(timer).toHaveText('00:02');
  await page.getByRole('button', { name: 'Pause the timer' }).click();
  // Paused, it stands still.
  await page.clock.runFor(1_200);
  await expect(timer).toHaveText('00:02');
  await page.clock.resume();
  await expect(page.getByText(/Paused at \d+ s\. Before the band/)).toBeVisible();
  await expect(page.getByLabel('How long you spoke, in seconds')).not.toHaveValue('');
  await expect(page.getByRole('button', { name: 'Resume the timer' })).toBeVisible();
  await page.getByRole('button', { name: 'Reset the timer' }).click();
  await expect(timer).toHaveText('00:00');

  // A recording that stays in the page: a blob: URL played by an <audio> element.
  await expect(page.getByText('It is never uploaded and is gone when you leave this page.')).toBeVisible();
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await expect(page.getByText('Recording. Press Stop when you have finished.')).toBeVisible();
  await page.getByRole('button', { name: 'Stop recording' }).click();
  const audio = page.locator('audio');
  await expect(audio).toHaveAttribute('src', /^blob:/);
  await expect(audio).toHaveAttribute('controls', '');
  await expect(page.getByText('Your recording is ready: play it below.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record again' })).toBeVisible();

  // The live transcript is optional and off by default, with a plain note on where the audio goes.
  const live = page.getByLabel('Live transcript');
  if (await live.count()) {
    await expect(live).not.toBeChecked();
    await expect(page.getByText(/sends the audio to the browser maker's servers/)).toBeVisible();
  }

  // A typed transcript gets pace, fillers, time and the keys it covered.
  await page.getByRole('textbox', { name: 'What you said' }).fill(SPOKEN);
  await page.getByLabel('How long you spoke, in seconds').fill('90');
  const results = page.locator('.practice-results');
  await expect(results.locator('.metric.pace')).toContainText(/\d+ words a minute/);
  await expect(results.locator('.metric.time')).toContainText('01:30');
  await expect(results.locator('.metric.fillers')).toContainText('3 fillers');
  await expect(results.locator('.filler-counts')).toContainText('um');
  await expect(results.locator('.filler-counts')).toContainText('you know');
  await expect(results.locator('.metric.keys')).toContainText(/[3-5] of 5 covered/);
  await results.getByText('Show where they were').click();
  await expect(results.locator('mark', { hasText: 'Basically' })).toBeVisible();

  await noAxeViolations(page);
  await noHorizontalScroll(page);
  await page.screenshot({ path: `screenshots/practice-${test.info().project.name}.png`, fullPage: true });
  if (test.info().project.name === 'phone') {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'screenshots/practice-phone-top.png' });
    // Dark mode keeps its contrast too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await noAxeViolations(page);
    await page.screenshot({ path: 'screenshots/practice-phone-dark.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  }

  // Deleting the recording removes the player and puts focus back on Record.
  await page.getByRole('button', { name: 'Delete recording' }).click();
  await expect(audio).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record', exact: true })).toBeFocused();

  // Leaving the page releases everything without an error; the story bank links back to practice.
  await page.getByRole('link', { name: 'Back to review' }).click();
  await page.getByRole('link', { name: 'Comeback, home' }).click();
  await page.getByRole('link', { name: /^Practise Example: the address service/ }).click();
  await expect(page).toHaveURL(/#\/story\/[^/]+\/practice$/);
});

test('practice: a refused microphone is explained and the timer keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    const md = navigator.mediaDevices;
    if (md) md.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await openPractice(page);
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('The microphone was not allowed');
  await expect(page.locator('audio')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start the timer' }).click();
  await expect(page.getByRole('timer')).not.toHaveText('00:00', { timeout: 5_000 });
  await noAxeViolations(page);
});

test('practice: a browser without MediaRecorder says so plainly', async ({ page }) => {
  await page.addInitScript(() => { delete (window as unknown as { MediaRecorder?: unknown }).MediaRecorder; });
  await openPractice(page);
  await expect(page.getByText('This browser cannot record audio on this page.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start the timer' })).toBeVisible();
});

test('practice: an unknown story says so', async ({ page }) => {
  await fresh(page, '#/story/not-a-story/practice');
  await expect(page.getByRole('heading', { name: 'This story is not on this device' })).toBeVisible();
});

test('practice: recording runs the speaking timer, and "like" counts as filler only where it is one', async ({ page, context }) => {
  await context.grantPermissions(['microphone']);
  await openPractice(page);
  const timer = page.getByRole('timer', { name: 'Time spoken' });
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByText('Recording. Press Stop when you have finished.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause the timer' })).toBeVisible();
  await expect(timer).not.toHaveText('00:00', { timeout: 5_000 });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.getByRole('button', { name: 'Resume the timer' })).toBeVisible();
  await expect(page.getByText(/Paused at \d+ s\./)).toBeVisible();
  await expect(page.getByLabel('How long you spoke, in seconds')).not.toHaveValue('');
  await expect(page.locator('audio')).toHaveAttribute('src', /^blob:/);
  await page.getByRole('textbox', { name: 'What you said' }).fill(
    "It was, like, broken for an hour. I'd like to say we had a plan like a checklist, but it sort of fell apart. I mean, nobody had tested it.");
  const counts = page.locator('.practice-results .filler-counts');
  await expect(counts).toContainText('like');
  await expect(page.locator('.practice-results .metric.fillers')).toContainText('3 fillers');
  await expect(counts.locator('li')).toHaveText(['like × 1', 'sort of × 1', 'i mean × 1']);
  await noAxeViolations(page);
});
