import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { exportBundle } from '../../src/document';
import type { Scenario, WorkflowDocument, Workspace } from '../../src/model';
import { defaultWorkspace } from '../../src/model';
import { e2e } from './harness';

// Ids spelled like members of Object.prototype, for workflows, actions, scenarios, users and teams.
// The store, the routes and the UI key everything by id in Maps or null-prototype records, so none of
// them makes a phantom "id exists" conflict, Replace works, and #/review/constructor opens.

/** Renames quoted ids in a JSON text: `"old"` becomes `"new"` wherever it is a whole string. */
function renamed(text: string, ids: Record<string, string>): string {
  let out = text;
  for (const [from, to] of Object.entries(ids)) out = out.split(`"${from}"`).join(`"${to}"`);
  return out;
}

const PEOPLE = { 'u-marco': 'constructor', 'u-claire': 'toString', 't-tier1': 'hasOwnProperty', 't-leads': 'valueOf' };

function workflow(file: string, ids: Record<string, string>): WorkflowDocument {
  return JSON.parse(renamed(readFileSync(`src/examples/workflows/${file}`, 'utf8'), { ...ids, ...PEOPLE })) as WorkflowDocument;
}

const urgent = workflow('urgent-escalation.json', {
  'wf-urgent-escalation': 'constructor',
  'branch-priority': 'constructor',
  'notify-leads': 'toString',
  'wait-one-day': 'hasOwnProperty',
});
const received = workflow('ticket-received-email.json', { 'wf-ticket-received-email': 'toString', 'email-received': 'valueOf' });
const waiting = workflow('notify-waiting-on-us.json', { 'wf-notify-waiting-on-us': 'hasOwnProperty' });
const scenario = JSON.parse(renamed(readFileSync('src/examples/scenarios/email-ticket-life.json', 'utf8'), { 'email-ticket-life': 'constructor', ...PEOPLE })) as Scenario;
const workspace = JSON.parse(renamed(JSON.stringify(defaultWorkspace()), PEOPLE)) as Workspace;

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('tf-import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function appAlive(page: Page, where: string): Promise<void> {
  check((await page.locator('header.tf-header').isVisible()) && (await page.locator('.tf-panel-failure').count()) === 0, `${where}: the app blanked or a panel stopped`);
}

e2e('object ids: workflows, actions, scenarios, users and teams named constructor, toString, hasOwnProperty work everywhere', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();

  await importFile(page, 'object-ids.bundle.json', exportBundle({ workspace, workflows: [urgent, received, waiting], scenarios: [scenario] }));
  await page.getByRole('dialog').getByRole('button', { name: 'Replace everything' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  // Each workflow opens on the canvas, its bubbles with member-named ids selectable.
  for (const doc of [urgent, received, waiting]) {
    await page.getByRole('button', { name: doc.workflow.name, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: doc.workflow.name }).waitFor();
  }
  await page.getByRole('button', { name: urgent.workflow.name, exact: true }).first().click();
  for (const id of ['constructor', 'toString', 'hasOwnProperty']) {
    await page.locator(`.react-flow__node[data-id="${id}"]`).click();
    await page.getByRole('tab', { name: 'Settings', exact: true }).click();
    await appAlive(page, `the inspector of ${id}`);
  }
  await screenshot('object-ids-canvas');

  // A file with a free member-named id imports without a phantom conflict…
  const fresh = structuredClone(waiting);
  fresh.workflow.id = 'isPrototypeOf';
  fresh.workflow.name = 'Imported as isPrototypeOf';
  await importFile(page, 'fresh.workflow.json', JSON.stringify(fresh));
  await page.getByRole('heading', { level: 1, name: 'Imported as isPrototypeOf' }).waitFor();
  check((await page.getByText('A workflow with this id exists').count()) === 0, 'a free id was reported as taken');

  // …and one whose id is taken asks, and Replace works.
  const replacement = structuredClone(urgent);
  replacement.workflow.name = 'Replaced constructor';
  await importFile(page, 'constructor.workflow.json', JSON.stringify(replacement));
  const dialog = page.getByRole('dialog');
  await dialog.getByText('A workflow with this id exists').waitFor();
  await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Replaced constructor' }).waitFor();
  await page.locator('.react-flow__node[data-id="constructor"]').waitFor();
  await appAlive(page, 'after Replace');

  // A review link to a member-named id opens it read-only; one to an absent member name says so.
  await page.goto(`${baseUrl}#/review/toString`);
  await page.getByText('Review mode', { exact: true }).first().waitFor();
  await page.getByRole('heading', { level: 1, name: received.workflow.name }).waitFor();
  await page.goto(`${baseUrl}#/review/propertyIsEnumerable`);
  await page.getByText('The review link cannot be opened').first().waitFor();
  await appAlive(page, 'after a review link to an absent id');

  // Users and teams with such ids show in the settings.
  const hasField = (value: string) => page.waitForFunction((v) => [...document.querySelectorAll('input')].some((i) => i.value === v), value, { timeout: 10_000 });
  await page.goto(`${baseUrl}#/settings/users`);
  await hasField('Marco Rossi');
  await page.getByRole('button', { name: 'Teams', exact: true }).click();
  await hasField('Tier 1');
  await appAlive(page, 'the settings');

  // The scenario with id "constructor" runs.
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const panel = page.locator('.tf-sim');
  await panel.waitFor();
  await panel.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption({ label: scenario.name });
  await panel.getByRole('button', { name: 'Run to the end' }).click();
  await panel.getByText('Finished', { exact: true }).waitFor();
  await screenshot('object-ids-simulation');
});
