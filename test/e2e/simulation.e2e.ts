import type { Locator, Page } from 'playwright-core';
import { simulate, type SimulationResult } from '../../src/engine';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type Scenario } from '../../src/model';
import { e2e } from './harness';

// What a first start of the app holds: the default workspace and the example workflows.
const workspace = defaultWorkspace();
const workflows = EXAMPLE_WORKFLOWS.map((x) => x.document.workflow);

/** The result the engine gives in Node for the same inputs as the app. */
function expected(scenario: Scenario): SimulationResult {
  return simulate({ workspace, workflows, scenario });
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

function same<T>(actual: T, wanted: T, what: string): void {
  const a = JSON.stringify(actual);
  const w = JSON.stringify(wanted);
  if (a !== w) throw new Error(`${what}: expected ${w}, got ${a}`);
}

/** Opens the app on the simulation tab of the bottom area. */
async function openPanel(page: Page, baseUrl: string): Promise<Locator> {
  await page.goto(baseUrl);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const panel = page.locator('.tf-sim');
  await panel.waitFor();
  return panel;
}

async function addExample(panel: Locator, name: string): Promise<void> {
  await panel.getByRole('combobox', { name: 'Example', exact: true }).selectOption({ label: name });
  await panel.getByRole('button', { name: 'Add example' }).click();
  await panel.getByRole('combobox', { name: 'Scenario', exact: true }).locator('option:checked', { hasText: name }).waitFor({ state: 'attached' });
}

async function runToEnd(panel: Locator): Promise<void> {
  await panel.getByRole('button', { name: 'Run to the end' }).click();
  await panel.getByText('Finished', { exact: true }).waitFor();
}

async function tab(panel: Locator, name: RegExp): Promise<void> {
  await panel.getByRole('tab', { name }).click();
}

e2e('simulation: each example scenario gives the outbox, notifications and final statuses of simulate()', async ({ page, baseUrl, screenshot }) => {
  const panel = await openPanel(page, baseUrl);
  for (const { scenario, file } of EXAMPLE_SCENARIOS) {
    const want = expected(scenario);
    await addExample(panel, scenario.name);
    await runToEnd(panel);

    await tab(panel, /^Outbox/);
    if (want.outbox.length) {
      const subjects = await panel.locator('.tf-sim-outbox__list strong').allTextContents();
      same(subjects, want.outbox.map((e) => e.subject), `${file}: outbox subjects`);
      const frame = panel.locator('iframe.tf-sim-email');
      same(await frame.getAttribute('sandbox'), '', `${file}: preview sandbox`);
      const doc = (await frame.getAttribute('srcdoc')) ?? '';
      check(doc.includes("default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"), `${file}: the preview has no CSP`);
      check(!/<script/i.test(doc), `${file}: the preview holds a script`);
    } else {
      await panel.getByText('No automated email was sent.').waitFor();
    }

    await tab(panel, /^Notifications/);
    const byRecipient = new Map<string, number>();
    for (const n of want.notifications) if (n.recipient) byRecipient.set(n.recipient, (byRecipient.get(n.recipient) ?? 0) + 1);
    for (const [id, count] of byRecipient) {
      const name = workspace.users.find((u) => u.id === id)!.name;
      await panel.getByRole('heading', { name: `${name} (${count})`, exact: true }).waitFor();
    }
    const skipped = want.notifications.filter((n) => n.recipient === null).length;
    if (skipped) await panel.getByRole('heading', { name: `Skipped (${skipped})`, exact: true }).waitFor();

    await tab(panel, /^Board/);
    const pipeline = workspace.pipelines[0]!;
    for (const status of pipeline.statuses) {
      const column = panel.getByRole('region', { name: new RegExp(`^${status.label}: \\d+ tickets$`) });
      const ids = await column.locator('.tf-sim-card .tf-sim-link').allTextContents();
      same(ids, want.tickets.filter((t) => t.status === status.id).map((t) => t.id), `${file}: tickets in ${status.label}`);
    }
    await screenshot(`simulation-${file.replace('.json', '')}`);
    await tab(panel, /^Scenario/);
  }
});

e2e('simulation: stepping through a scenario moves the highlight along the canvas', async ({ page, baseUrl, screenshot }) => {
  const panel = await openPanel(page, baseUrl);
  await page.getByRole('button', { name: 'Acknowledge chat conversations', exact: true }).click();
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] [data-sim]`);
  await addExample(panel, EXAMPLE_SCENARIOS.find((x) => x.file === 'chat-and-messenger.json')!.scenario.name);

  await panel.getByRole('button', { name: 'Step one event' }).click();
  await panel.getByText(/^Next: Send email: Ticket received in "Acknowledge chat conversations" for ticket ticket-1$/).waitFor();
  await node('email-chat-received').and(page.locator('[data-sim="active"]')).waitFor();
  await screenshot('simulation-step-1');

  await panel.getByRole('button', { name: 'Step one action' }).click();
  await panel.getByRole('button', { name: 'Step one action' }).click();
  await node('notify-chat-tier1').and(page.locator('[data-sim="active"]')).waitFor();
  // The action run before stays marked as part of the ticket's path.
  await node('email-chat-received').and(page.locator('[data-sim="path"]')).waitFor();
  await page.locator('.react-flow__node[data-id="trigger"] [data-sim="path"]').waitFor();
  await screenshot('simulation-step-2');

  await panel.getByRole('button', { name: 'Reset' }).click();
  await panel.getByText('0 of 6 events applied').waitFor();
  await page.locator('.react-flow__node [data-sim]').first().waitFor({ state: 'detached' });
});

e2e('simulation: a channel move through the guided dialog, refused first, then run end to end', async ({ page, baseUrl, screenshot }) => {
  const panel = await openPanel(page, baseUrl);
  await panel.getByRole('button', { name: 'New empty' }).click();
  await panel.getByRole('button', { name: 'Move a channel to the help desk…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move a channel to the help desk' });
  await dialog.getByText('Only super admins can move a channel.').first().waitFor();

  // A user who is not a super admin is refused before anything is confirmed.
  await dialog.getByLabel('Moved by').selectOption('u-marco');
  await dialog.getByRole('checkbox', { name: 'I understand that the move cannot be stopped or undone.' }).check();
  await dialog.getByRole('alert').filter({ hasText: 'Only super admins can move a channel.' }).waitFor();
  check(await dialog.getByRole('button', { name: 'Add and run to the move' }).isDisabled(), 'a refused move can be confirmed');
  // WhatsApp cannot move either.
  await dialog.getByLabel('Moved by').selectOption('u-ana');
  await dialog.getByLabel('Channel', { exact: true }).selectOption('ch-whatsapp');
  await dialog.getByRole('alert').filter({ hasText: 'This kind of channel cannot move to the help desk.' }).waitFor();

  await dialog.getByLabel('Channel', { exact: true }).selectOption('ch-sales');
  await dialog.getByRole('radio', { name: 'All conversations of sales@acme.test' }).check();
  await dialog.getByLabel('Open conversations become tickets with status').selectOption('waiting-us');
  await dialog.getByLabel('Closed conversations become tickets with status').selectOption('closed');
  await dialog.getByLabel('Takes (minutes)').fill('60');
  await screenshot('simulation-move-dialog');
  await dialog.getByRole('button', { name: 'Add and run to the move' }).click();
  await dialog.waitFor({ state: 'detached' });
  await panel.getByRole('status').filter({ hasText: '"sales@acme.test" is moving to the help desk.' }).waitFor();

  // A conversation arrives on the channel while it moves.
  await panel.getByRole('button', { name: 'Add event' }).click();
  const form = panel.getByRole('form', { name: 'Incoming message' });
  await form.getByLabel('Channel', { exact: true }).selectOption('ch-sales');
  await form.getByLabel('Subject').fill('Arrived mid-move');
  await form.getByLabel('Message').fill('Hello sales');
  await form.getByRole('button', { name: 'Save', exact: true }).click();

  await runToEnd(panel);
  await tab(panel, /^Board/);
  await panel.getByText(/^sales@acme\.test \(Email\): help desk — moved /).waitFor();
  await tab(panel, /^Tickets/);
  await panel.getByRole('button', { name: /Arrived mid-move/ }).click();
  await panel.getByRole('article', { name: 'Ticket ticket-1' }).getByText('help desk', { exact: true }).waitFor();
  await tab(panel, /^Trace/);
  await panel.getByText(/arrived while .+ is moving: detected and moved to the help desk/).waitFor();
  await screenshot('simulation-move-done');
});
