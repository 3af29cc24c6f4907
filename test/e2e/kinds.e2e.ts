import type { Locator, Page } from 'playwright-core';
import { actionNodes, e2e, expectCount } from './harness';

async function dropKind(page: Page, kind: string, target: RegExp | string): Promise<void> {
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: `Add ${kind}` }).dragTo(page.getByRole('button', { name: target }).first());
}

async function traceHas(panel: Locator, text: RegExp): Promise<void> {
  await panel.getByText(text).first().waitFor();
}

e2e('kinds: a value branch, a delay until an event and a delay until a date are added on the canvas, and their example runs', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('button', { name: 'New workflow' }).click();
  await expectCount(page, 0, 'a new workflow');

  await dropKind(page, 'Value branch', 'Add an action at the start');
  await expectCount(page, 1, 'after dropping Value branch');
  await dropKind(page, 'Delay until an event', /on path "Any other value"/);
  await expectCount(page, 2, 'after dropping Delay until an event');
  await dropKind(page, 'Delay until a date', /on path "Timed out"/);
  await expectCount(page, 3, 'after dropping Delay until a date');
  await actionNodes(page).filter({ hasText: 'Value branch on priority' }).first().waitFor();
  await actionNodes(page).filter({ hasText: 'Wait for the contact to reply' }).first().waitFor();
  await actionNodes(page).filter({ hasText: 'Delay until 1 hours before its first-response due time' }).first().waitFor();

  // Its settings open in the side panel.
  await actionNodes(page).filter({ hasText: 'Value branch on priority' }).first().click();
  await page.getByRole('combobox', { name: 'Value' }).selectOption('urgent');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('urgent', { exact: true }).first().waitFor();
  await screenshot('kinds-built');

  // The example scenario runs the example workflows that use each kind.
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const panel = page.locator('.tf-sim');
  await panel.waitFor();
  const name = 'Priorities, due times and waiting for replies';
  await panel.getByRole('combobox', { name: 'Example', exact: true }).selectOption({ label: name });
  await panel.getByRole('button', { name: 'Add example' }).click();
  await panel.getByRole('combobox', { name: 'Scenario', exact: true }).locator('option:checked', { hasText: name }).waitFor({ state: 'attached' });
  await panel.getByRole('button', { name: 'Run to the end' }).click();
  await panel.getByText('Finished', { exact: true }).waitFor();
  await panel.getByRole('tab', { name: /^Trace/ }).click();
  await traceHas(panel, /The priority is urgent: took the path "Urgent"\./);
  await traceHas(panel, /Waits until 1 hour before its first-response due time/);
  await traceHas(panel, /timed out: continues on the timeout path/);
  await screenshot('kinds-simulated');
});
