// Issue "Tailored to the job": the job ad pasted on step 1 (or on Paste), the failure checked
// against what this employer needs, and the ad kept with the story through export, import and
// reload. The ads and the story are the team's own.
import { readFileSync } from 'node:fs';
import { test, expect, fresh, ready, noAxeViolations, noHorizontalScroll } from './fixtures';
import type { Locator } from '@playwright/test';

const PHARMACIST_AD = `Community Pharmacist - Riverside Health Pharmacy
Full time, 37.5 hours. Salary: £48,000 to £52,000 plus bonus.

Essential:
- Registered pharmacist with the GPhC
- Safe and accurate dispensing of prescriptions, including controlled drugs
- Clinical checks of prescriptions and clear counselling for patients
- Keep patients and prescribers informed when a medicine is out of stock

Desirable:
- Independent prescriber qualification

We value patient safety first. We are an equal opportunities employer.`;

const ENGINEER_AD = `Senior Software Engineer (Payments)
Remote, UK. £85k.

What you'll do
- Design and build payment APIs in Rust and Go
- Own zero-downtime deployments and on-call for the services you build

Requirements
- 5+ years building distributed systems
- Strong SQL and experience with Postgres`;

const FAILURE = 'In my first month I dispensed the wrong strength of warfarin to a patient, because I did not check the label against the prescription.';
const AD_LABEL = 'The job ad (optional)';

/** Pastes `text` as a person does: one input event. (Playwright's `fill` types a text with line
 * breaks line by line, two input events a line, which is not what a paste does.) */
async function pasteInto(box: Locator, text: string) {
  await box.evaluate((el, t) => {
    (el as HTMLTextAreaElement).value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

test('a dispensing error against a pharmacist ad is warned about, quoting the ad; against an engineer ad it is not', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('Name this story').fill('Warfarin strength');
  await page.getByLabel('The failure in one sentence').fill(FAILURE);
  const ad = page.getByLabel(AD_LABEL);
  await ad.fill(PHARMACIST_AD);
  await expect(page.locator('.ad-reading')).toContainText('Read from the ad: “Community Pharmacist” · 4 essentials · 1 desirable.');
  const coach = page.locator('.feedback');
  await expect(coach).toContainText('the job ad lists “Safe and accurate dispensing of prescriptions, including controlled drugs” as essential');
  await expect(coach.locator('.key-status')).toHaveClass(/needs-work/);
  await noHorizontalScroll(page);
  await noAxeViolations(page);

  // The same story for another job: no warning from the ad.
  await ad.fill(ENGINEER_AD);
  await expect(page.locator('.ad-reading')).toContainText('“Senior Software Engineer”');
  await expect(coach).not.toContainText('the job ad lists');
});

test('the essentials a story shows are on Review, and the ad survives export, import and reload', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('Name this story').fill('Warfarin strength');
  await page.getByLabel('The failure in one sentence').fill(FAILURE);
  await page.getByLabel(AD_LABEL).fill(PHARMACIST_AD);
  await page.getByRole('link', { name: /Turnaround/ }).click();
  await page.getByLabel('What you did', { exact: true }).first().fill('I rang the patient and the prescriber within the hour and swapped the tablets at their home');
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  const needs = page.locator('section.employer');
  await expect(needs.getByRole('heading', { name: 'What this employer needs (Community Pharmacist)' })).toBeVisible();
  await expect(needs.locator('li', { hasText: 'Keep patients and prescribers informed' })).toContainText('shown (“I rang the patient and the prescriber within the hour');
  await expect(needs.locator('li', { hasText: 'Safe and accurate dispensing' })).toContainText('your failure is about this');
  await expect(page.locator('.follow-ups')).toContainText('How do you make sure of safe and accurate dispensing of prescriptions');
  await noAxeViolations(page);

  // Reload: the ad is still with the story.
  await page.reload();
  await ready(page);
  await expect(page.locator('section.employer')).toContainText('Community Pharmacist');
  const story = page.url().replace(/\/review$/, '');

  // Export, wipe, import: the ad comes back.
  await page.getByRole('link', { name: 'Comeback, home' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all stories' }).first().click(),
  ]);
  const path = test.info().outputPath('with-ad.json');
  await download.saveAs(path);
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported.schema_version).toBe(4);
  expect(exported.stories[0].job_ad).toBe(PHARMACIST_AD);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await ready(page);
  await page.locator('input[type=file]').setInputFiles(path);
  await expect(page.getByText(/Imported: 1 new/)).toBeVisible();
  await page.getByRole('link', { name: 'Warfarin strength', exact: true }).click();
  await page.getByRole('link', { name: /Choice/ }).first().click();
  await expect(page.getByLabel(AD_LABEL)).toHaveValue(PHARMACIST_AD);
  expect(story).toContain('#/story/');
});

test('the Paste page takes the ad too, and the story made from it keeps it', async ({ page }) => {
  await fresh(page);
  await page.getByRole('link', { name: 'Check an answer I already have' }).click();
  await page.getByLabel(AD_LABEL).fill(PHARMACIST_AD);
  await page.getByLabel('Your answer').fill(`${FAILURE} We filled about 400 prescriptions a day. I rang the patient within the hour and swapped the tablets. No harm was done, and we added a second check for every anticoagulant. I learned that a skipped check becomes a habit, and now I read every strength aloud.`);
  await expect(page.locator('.ad-reading')).toContainText('4 essentials');
  await expect(page.locator('.red-flags')).toContainText('the job ad lists “Safe and accurate dispensing');
  await page.getByRole('button', { name: 'Turn it into a story' }).click();
  await expect(page.locator('section.employer')).toContainText('Community Pharmacist');
  await expect(page.locator('.red-flags')).toContainText('the job ad lists “Safe and accurate dispensing');
});

test('a huge ad, a web page with markup and an ad in another language get a message, and nothing freezes', async ({ page }) => {
  await fresh(page);
  await page.getByRole('button', { name: 'Start a new story' }).click();
  await page.getByLabel('The failure in one sentence').fill(FAILURE);
  const ad = page.getByLabel(AD_LABEL);
  await ad.fill('Apotheker (m/w/d) gesucht. Ihre Aufgaben: Abgabe von Arzneimitteln und Beratung der Kunden. Wir bieten ein gutes Gehalt.');
  await expect(page.locator('.ad-reading .notice-line')).toBeVisible();
  await ad.fill('<html><body><nav>Jobs | Sign in</nav><h1>Community Pharmacist</h1><ul><li>Safe and accurate dispensing of prescriptions</li></ul><p>Accept cookies</p></body></html>');
  await expect(page.locator('.ad-reading')).toContainText('“Community Pharmacist”');
  await expect(page.locator('.feedback')).toContainText('the job ad lists “Safe and accurate dispensing of prescriptions” as essential');
  // About 1 MB: read in part, with a message; the page keeps up and the words are kept.
  const huge = 'Essential: safe and accurate dispensing of prescriptions.\n'.repeat(18_000);
  await pasteInto(ad, huge);
  await expect(page.locator('.ad-reading .notice-line')).toContainText(/first/);
  await page.getByLabel('Name this story').fill('Still typing');
  await expect(page.getByLabel('Name this story')).toHaveValue('Still typing');
  await page.reload();
  await ready(page);
  await expect(page.getByLabel(AD_LABEL)).toHaveValue(huge);
});
