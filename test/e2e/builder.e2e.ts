import type { Page } from 'playwright-core';
import { actionNodes, e2e, expectCount } from './harness';

async function newWorkflow(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('button', { name: 'New workflow' }).click();
  await expectCount(page, 0, 'a new workflow');
}

/** Drags a palette kind onto a "+", after fitting the view as a user would when the target is off screen. */
async function dropKind(page: Page, kind: string, target: RegExp | string): Promise<void> {
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: `Add ${kind}`, exact: true }).dragTo(page.getByRole('button', { name: target }).first());
}

async function bubble(page: Page, text: string) {
  const node = actionNodes(page).filter({ hasText: text }).first();
  await node.waitFor();
  return node;
}

async function menu(page: Page, text: string, ...path: string[]): Promise<void> {
  const node = await bubble(page, text);
  await node.getByRole('button', { name: /^Actions for/ }).click();
  for (const item of path) await page.getByRole('menuitem', { name: item, exact: true }).click();
}

e2e('builder: an admin builds, edits, clones, moves and deletes by drag and drop, undoes, and a reload keeps it all', async ({ page, baseUrl, screenshot }) => {
  await newWorkflow(page, baseUrl);

  // A new workflow enrolls tickets when they are created; add a second trigger.
  await page.locator('.react-flow__node-trigger').click();
  await page.getByRole('combobox', { name: 'New trigger' }).selectOption('emailSentFromTicket');
  await page.getByRole('button', { name: 'Add trigger' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.react-flow__node-trigger .tf-trigger__more').waitFor();

  await dropKind(page, 'Send email', 'Add an action at the start');
  await expectCount(page, 1, 'after dropping Send email');
  await (await bubble(page, 'Send email')).click();
  await page.getByRole('radio', { name: /Ticket received/ }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await bubble(page, 'Send email: Ticket received');

  await dropKind(page, 'Delay', /^Add an action after Send email/);
  await expectCount(page, 2, 'after dropping Delay');
  await dropKind(page, 'Branch (if/then)', /^Add an action after Delay/);
  await expectCount(page, 3, 'after dropping Branch');
  await dropKind(page, 'Set ticket status', /on path "Otherwise"/);
  await expectCount(page, 4, 'after dropping Set ticket status');
  await (await bubble(page, 'Set ticket status')).click();
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Closed' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await bubble(page, 'Set status → Closed');

  await menu(page, 'Delay 1 day', 'Clone');
  await expectCount(page, 5, 'after cloning the delay');
  await menu(page, 'Set status → Closed', 'Move');
  await page.locator('.react-flow__controls-fitview').click();
  await page.getByRole('button', { name: /^Move the action here: on path "Path 1"/ }).click();
  await expectCount(page, 5, 'after moving');
  await screenshot('builder-built');

  await menu(page, 'Send email: Ticket received', 'Delete', 'This action and all following');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete 5 actions' }).click();
  await expectCount(page, 0, 'after deleting everything that follows');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expectCount(page, 5, 'after undo');

  await page.waitForTimeout(800);
  await page.reload();
  await page.locator('.react-flow__node-trigger .tf-trigger__more').waitFor();
  await expectCount(page, 5, 'after a reload');
  await bubble(page, 'Set status → Closed');
  await bubble(page, 'Send email: Ticket received');
});

e2e('builder: a keyboard-only user builds a workflow', async ({ page, baseUrl }) => {
  await newWorkflow(page, baseUrl);
  const start = page.getByRole('button', { name: 'Add an action at the start' });
  await start.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Set ticket status', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expectCount(page, 1, 'after adding from the keyboard');
  const after = page.getByRole('button', { name: /^Add an action after/ }).first();
  await after.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Delay', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expectCount(page, 2, 'after adding a second action from the keyboard');
  await page.keyboard.press('ControlOrMeta+Z');
  await expectCount(page, 1, 'after undo from the keyboard');
});

e2e('builder: switching to Spanish and the dark theme', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('combobox', { name: /Language/ }).selectOption('es');
  await page.getByRole('button', { name: 'Nuevo workflow' }).waitFor();
  await page.getByRole('button', { name: /oscuro|tema/i }).first().click();
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  if (theme !== 'dark') throw new Error(`expected the dark theme, found ${theme}`);
  await screenshot('builder-spanish-dark');
  // The core's problems read in Spanish too: a status change with no status chosen is incomplete (TF309).
  await page.getByRole('button', { name: 'Nuevo workflow' }).click();
  await page.getByRole('button', { name: 'Añadir una acción al principio' }).click();
  await page.getByRole('menuitem', { name: 'Cambiar estado del ticket', exact: true }).click();
  await page.getByRole('tab', { name: /^Problemas/ }).click();
  await page.getByText(/está incompleta: Elige un estado\./).first().waitFor();
  if (await page.getByText(/is incomplete/).count()) throw new Error('the problem is still in English');
});
