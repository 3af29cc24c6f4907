import type { Page } from 'playwright-core';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { e2e } from './harness';

const URGENT = EXAMPLE_WORKFLOWS.find((e) => e.document.workflow.id === 'wf-urgent-escalation')!.document.workflow;
const SCENARIO = EXAMPLE_SCENARIOS.find((e) => e.file === 'email-ticket-life.json')!.scenario;

/** The header's line of what is live and what the draft holds. */
async function versionsLine(page: Page, text: string | RegExp): Promise<void> {
  const line = page.locator('.tf-versions__line');
  await line.filter({ hasText: text }).waitFor({ timeout: 10_000 }).catch(async () => {
    throw new Error(`the header says "${await line.textContent()}", not ${String(text)}`);
  });
}

e2e('versions: edit a live workflow, simulate the draft against the live one, publish, diff two revisions in the history, restore one', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: URGENT.name, exact: true }).click();
  await versionsLine(page, 'Live: revision 1 · draft: no changes');

  // Edit the live workflow: the draft changes, the live revision does not.
  const leads = page.locator('.react-flow__node[data-id="notify-leads"]');
  await leads.click();
  await leads.press('Delete');
  await page.locator('.react-flow__node[data-id="notify-leads"]').waitFor({ state: 'detached' });
  await versionsLine(page, /^Live: revision 1 · draft: \d+ changes?$/);

  // Simulate: the live revisions by default, the open draft on request, and the draft against the live revision on one scenario.
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const panel = page.locator('.tf-sim');
  await panel.waitFor();
  await panel.getByRole('combobox', { name: 'Example', exact: true }).selectOption({ label: SCENARIO.name });
  await panel.getByRole('button', { name: 'Add example' }).click();
  await page.getByRole('radio', { name: 'The open draft in place of its live revision' }).check();
  await panel.getByRole('button', { name: 'Run to the end' }).click();
  await panel.getByText('Finished', { exact: true }).waitFor();
  await panel.getByRole('tab', { name: 'Compare' }).click();
  await panel.getByRole('combobox', { name: 'Base version' }).selectOption({ label: 'Revision 1 (live)' });
  await panel.getByRole('combobox', { name: 'Other version' }).selectOption({ label: 'The draft' });
  await panel.getByRole('button', { name: 'Compare', exact: true }).click();
  await panel.locator('.tf-sim-compare__result, .tf-sim-compare [role="status"]').first().waitFor({ timeout: 30_000 });
  await screenshot('versions-compare');

  // Publish: the dialog shows what changes against the live revision; then the draft is live as revision 2.
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: `Publish "${URGENT.name}"` });
  await dialog.getByText('What changes against the live revision 1:').waitFor();
  await dialog.getByRole('region', { name: 'Removed' }).getByText(/notify-leads/).waitFor();
  await screenshot('versions-publish');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await versionsLine(page, 'Live: revision 2 · draft: no changes');

  // The history: both revisions, the live mark on the new one.
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.locator('.tf-history');
  const items = history.getByRole('list', { name: 'History' }).getByRole('listitem');
  await items.first().getByText('Live', { exact: true }).waitFor();
  if ((await items.count()) !== 2) throw new Error(`the history lists ${await items.count()} revisions, not 2`);
  await items.nth(1).getByText('Was live').waitFor();

  // Diff revision 1 against revision 2: the bubble revision 2 removed is marked added in revision 1.
  await history.getByRole('button', { name: 'Show revision 1' }).click();
  await history.getByRole('combobox', { name: 'Compare with' }).selectOption({ label: 'Revision 2' });
  await history.getByText('Showing revision 1, read-only, compared with Revision 2.').waitFor();
  await page.locator('.react-flow__node.tf-diff--added[data-id="notify-leads"]').waitFor();
  await page.locator('.react-flow__node.tf-diff--changed[data-id="branch-priority"]').waitFor();
  await history.getByRole('region', { name: 'Added' }).getByText(/notify-leads/).waitFor();
  await screenshot('versions-diff');
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.locator('.monaco-diff-editor').waitFor({ timeout: 30_000 });

  // Restore revision 1: the draft is revision 1 again (one undo step), revision 2 stays live.
  await page.getByRole('tab', { name: 'History' }).click();
  await history.getByRole('button', { name: 'Restore revision 1' }).click();
  await page.locator('.react-flow__node[data-id="notify-leads"]:not(.tf-diff)').waitFor();
  await versionsLine(page, /^Live: revision 2 · draft: \d+ changes?$/);
  if ((await items.count()) !== 3) throw new Error(`after the restore the history lists ${await items.count()} revisions, not 3`);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await page.locator('.react-flow__node[data-id="notify-leads"]').waitFor({ state: 'detached' });
  await versionsLine(page, 'Live: revision 2 · draft: no changes');
  await screenshot('versions-restored');
});
