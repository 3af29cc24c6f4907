import type { Page } from 'playwright-core';
import { e2e } from './harness';

/** The example workflow the reviewer opens: Tier 1, then the ticket owner, get a notification. */
const WORKFLOW = 'wf-notify-waiting-on-us';

/** Opens a bubble's "⋯" menu and chooses Comment; returns the comment box. */
async function openComments(page: Page, menuLabel: string) {
  await page.getByRole('button', { name: menuLabel }).click();
  await page.getByRole('menuitem', { name: 'Comment' }).click();
  return page.getByRole('dialog', { name: /^Comments on / });
}

async function expectText(page: Page, text: string) {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 10_000 });
}

e2e('review: a reviewer opens a workflow read-only, comments on two bubbles and resolves one', async ({ page, baseUrl, screenshot }) => {
  await page.goto(`${baseUrl}#/review/${WORKFLOW}`);
  const banner = page.getByRole('region', { name: 'Review mode' });
  await banner.waitFor();
  await expectText(page, 'is read-only here: you can read it and add comments');

  // Read-only: the bubble menu offers Comment and nothing that changes the workflow.
  await page.getByRole('button', { name: 'Actions for Notify Tier 1' }).click();
  const items = await page.getByRole('menuitem').allTextContents();
  if (items.join('|') !== 'Comment') throw new Error(`the bubble menu in review mode offers ${items.join(', ')}`);
  await page.keyboard.press('Escape');
  if ((await page.getByRole('button', { name: /^Add an action/ }).count()) > 0) throw new Error('insertion points are offered in review mode');

  // First bubble: the reviewer sets a profile name, then comments.
  let box = await openComments(page, 'Actions for Notify Tier 1');
  await box.getByLabel('Your name').fill('Rita Reviewer');
  await box.getByRole('button', { name: 'Save name' }).click();
  await box.getByLabel('New comment').fill('Should Tier 1 hear about <b>every</b> ticket?');
  await box.getByRole('button', { name: 'Comment', exact: true }).click();
  await box.getByText('Should Tier 1 hear about <b>every</b> ticket?').waitFor();
  if ((await box.locator('b').count()) > 0) throw new Error('markup in a comment was rendered');
  await box.getByRole('button', { name: 'Close comments' }).click();

  // Second bubble.
  box = await openComments(page, 'Actions for Notify ticket owner');
  await box.getByText('Commenting as Rita Reviewer').waitFor();
  await box.getByLabel('New comment').fill('Skipped when nobody owns the ticket: fine.');
  await box.getByRole('button', { name: 'Comment', exact: true }).click();
  await box.getByText('Skipped when nobody owns the ticket: fine.').waitFor();
  await box.getByRole('button', { name: 'Resolve' }).click();
  await box.getByText('Resolved', { exact: true }).waitFor();
  await box.getByRole('button', { name: 'Close comments' }).click();

  // Counts: one open thread in the banner and on the first bubble; the resolved one shows no badge.
  await banner.getByText('1 open thread').waitFor();
  await page.getByRole('button', { name: '1 open comment thread' }).first().waitFor();
  if ((await page.getByRole('button', { name: /open comment thread/ }).count()) !== 1) throw new Error('expected exactly one bubble with open comments');

  // The comments panel lists both threads and jumps to a bubble.
  await banner.getByRole('button', { name: 'Show comments' }).click();
  const panel = page.getByRole('region', { name: 'Comments' });
  await panel.getByRole('button', { name: 'All' }).click();
  await panel.getByText('Should Tier 1 hear about <b>every</b> ticket?').waitFor();
  await panel.getByText('Skipped when nobody owns the ticket: fine.').waitFor();
  await screenshot('review-comments');

  // Comments survive a reload (autosave), and the workflow is still in review mode.
  await page.waitForTimeout(1500);
  await page.reload();
  await page.getByRole('region', { name: 'Review mode' }).getByText('1 open thread').waitFor();
});
