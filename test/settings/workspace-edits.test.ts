import { describe, expect, it } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, WorkspaceSchema, type Workflow } from '../../src/model';
import { workspaceProblems } from '../../src/document';
import { workspaceIssues } from '../../src/settings/workspace-check';
import {
  addChannel,
  addPipeline,
  addStatus,
  addTeam,
  addTemplate,
  addUser,
  moveStatus,
  removeItem,
  removePipeline,
  removeStatus,
  renamePipeline,
  SettingsError,
  statusUsage,
  uniqueId,
  updateItem,
  updateStatus,
} from '../../src/settings/workspace-edits';

const workflows: Workflow[] = EXAMPLE_WORKFLOWS.map((e) => e.document.workflow);
const labels = (ws: ReturnType<typeof defaultWorkspace>, i = 0) => ws.pipelines[i]!.statuses.map((s) => s.label);

function refusal(fn: () => unknown): SettingsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SettingsError) return e;
    throw e;
  }
  throw new Error('expected a SettingsError');
}

/** Every edit must leave a workspace that passes the schema and the semantic checks. */
function valid(ws: ReturnType<typeof defaultWorkspace>) {
  expect(WorkspaceSchema.safeParse(ws).success).toBe(true);
  expect(workspaceProblems(ws)).toEqual([]);
  expect(workspaceIssues(ws)).toEqual([]);
  return ws;
}

describe('uniqueId', () => {
  it('makes a readable id from a label, accents and symbols removed', () => {
    expect(uniqueId('Esperando al cliente (¡urgente!)', [], 'x')).toBe('esperando-al-cliente-urgente');
  });

  it('numbers a label already taken', () => {
    expect(uniqueId('Closed', ['closed', 'closed-2'], 'x')).toBe('closed-3');
  });

  it('falls back when nothing of the label is usable', () => {
    expect(uniqueId('<<>>', [], 'status')).toBe('status');
  });
});

describe('addStatus', () => {
  it('puts a new open status before the first closed one', () => {
    const { workspace, statusId } = addStatus(defaultWorkspace(), 'support', 'On hold', 'open');
    expect(statusId).toBe('on-hold');
    expect(labels(valid(workspace))).toEqual(['New', 'Waiting on contact', 'Waiting on us', 'On hold', 'Closed']);
  });

  it('puts a new closed status at the end', () => {
    const { workspace } = addStatus(defaultWorkspace(), 'support', 'Spam', 'closed');
    expect(labels(workspace).at(-1)).toBe('Spam');
  });

  it('never reuses a status id of another pipeline', () => {
    const two = addPipeline(defaultWorkspace(), 'Billing').workspace;
    const { statusId } = addStatus(two, 'billing', 'Closed', 'closed');
    expect(statusId).toBe('closed-2');
  });

  it('never changes the workspace it was given', () => {
    const ws = defaultWorkspace();
    addStatus(ws, 'support', 'On hold', 'open');
    expect(ws).toEqual(defaultWorkspace());
  });

  it('refuses an unknown pipeline', () => {
    expect(refusal(() => addStatus(defaultWorkspace(), 'nope', 'X', 'open')).code).toBe('not-found');
  });
});

describe('updateStatus', () => {
  it('renames a status and keeps its id', () => {
    const ws = updateStatus(defaultWorkspace(), 'support', 'waiting-us', { label: 'Needs us' });
    expect(ws.pipelines[0]!.statuses[2]).toEqual({ id: 'waiting-us', label: 'Needs us', category: 'open' });
  });

  it('changes the category', () => {
    expect(updateStatus(defaultWorkspace(), 'support', 'new', { category: 'closed' }).pipelines[0]!.statuses[0]!.category).toBe('closed');
  });
});

describe('moveStatus', () => {
  it('reorders statuses', () => {
    expect(labels(moveStatus(defaultWorkspace(), 'support', 'closed', 0))).toEqual(['Closed', 'New', 'Waiting on contact', 'Waiting on us']);
    expect(labels(moveStatus(defaultWorkspace(), 'support', 'new', 2))).toEqual(['Waiting on contact', 'Waiting on us', 'New', 'Closed']);
  });

  it('refuses a position outside the pipeline', () => {
    expect(refusal(() => moveStatus(defaultWorkspace(), 'support', 'new', 4)).message).toMatch(/Position 4 is outside/);
  });
});

describe('removeStatus', () => {
  it('deletes a status nothing uses', () => {
    const { workspace } = addStatus(defaultWorkspace(), 'support', 'On hold', 'open');
    expect(labels(valid(removeStatus(workspace, 'support', 'on-hold', workflows)))).not.toContain('On hold');
  });

  it("refuses while the pipeline's built-in status updates move tickets to it", () => {
    const e = refusal(() => removeStatus(defaultWorkspace(), 'support', 'waiting-us', []));
    expect([e.code, e.params.users]).toEqual(['status-in-use', 'onCustomerReply']);
  });

  it('refuses while workflows use it, naming them', () => {
    const e = refusal(() => removeStatus(defaultWorkspace(), 'support', 'closed', workflows));
    expect(e.code).toBe('status-in-use');
    expect(e.message).toContain('Send "Ticket closed" when a ticket is closed');
  });

  it("refuses the pipeline's last status", () => {
    let ws = defaultWorkspace();
    ws.pipelines[0]!.statuses = [ws.pipelines[0]!.statuses[0]!];
    ws = { ...ws };
    expect(refusal(() => removeStatus(ws, 'support', 'new', [])).code).toBe('last-status');
  });
});

describe('statusUsage', () => {
  it('lists the built-in updates and the workflows that use a status', () => {
    expect(statusUsage(defaultWorkspace(), 'support', 'waiting-contact', workflows)).toEqual({
      automation: ['onEmailSent'],
      workflows: [
        { id: 'wf-waiting-contact-reminder', name: 'Remind the contact every 2 days while we wait on them' },
        { id: 'wf-first-response-warning', name: 'Warn the owner an hour before the first-response due time' },
        { id: 'wf-await-contact-reply', name: 'Close tickets the contact does not answer within 3 days' },
      ],
    });
  });
});

describe('pipelines', () => {
  it('adds a valid pipeline with an open and a closed status', () => {
    const { workspace, pipelineId } = addPipeline(defaultWorkspace(), 'Billing');
    expect(pipelineId).toBe('billing');
    expect(valid(workspace).pipelines[1]!.statuses.map((s) => s.category)).toEqual(['open', 'closed']);
  });

  it('renames a pipeline', () => {
    expect(renamePipeline(defaultWorkspace(), 'support', 'Help').pipelines[0]!.name).toBe('Help');
  });

  it('deletes a pipeline nothing uses', () => {
    const { workspace } = addPipeline(defaultWorkspace(), 'Billing');
    expect(removePipeline(workspace, 'billing', workflows).pipelines.map((p) => p.id)).toEqual(['support']);
  });

  it('refuses the last pipeline', () => {
    expect(refusal(() => removePipeline(defaultWorkspace(), 'support', [])).code).toBe('last-pipeline');
  });

  it('refuses a pipeline that channels send tickets to', () => {
    let { workspace } = addPipeline(defaultWorkspace(), 'Billing');
    workspace = updateItem(workspace, 'channels', 'ch-sales', { pipelineId: 'billing' });
    expect(refusal(() => removePipeline(workspace, 'billing', [])).params.users).toBe('sales@acme.test');
  });

  it('refuses a pipeline whose statuses workflows use', () => {
    const { workspace } = addPipeline(defaultWorkspace(), 'Billing');
    const wf: Workflow = { ...workflows[0]!, name: 'Billing flow', enrollment: { ...workflows[0]!.enrollment, triggers: [{ type: 'statusChanged', toStatusId: 'billing-new' }] } };
    expect(refusal(() => removePipeline(workspace, 'billing', [wf])).params.users).toBe('Billing flow');
  });
});

describe('list rows', () => {
  it('adds users, teams, channels and templates with fresh ids', () => {
    let ws = defaultWorkspace();
    const u = addUser(ws, 'Ana García', 'ana2@acme.test');
    ws = u.workspace;
    const t = addTeam(ws, 'Tier 1');
    ws = t.workspace;
    const c = addChannel(ws, 'whatsapp', 'Support line');
    ws = c.workspace;
    const tpl = addTemplate(ws, 'Survey', 'How did we do?', 'Hi {{contact.name}}');
    ws = tpl.workspace;
    expect([u.id, t.id, c.id, tpl.id]).toEqual(['u-ana-garcia', 't-tier-1', 'ch-support-line', 'tpl-survey']);
    expect(ws.users.at(-1)).toMatchObject({ helpDeskAccess: false, superAdmin: false });
    expect(ws.channels.at(-1)).toMatchObject({ location: 'inbox', createTickets: false });
    valid(ws);
  });

  it('updates one row and leaves the others', () => {
    const ws = updateItem(defaultWorkspace(), 'users', 'u-sam', { helpDeskAccess: true });
    expect(ws.users.map((u) => u.helpDeskAccess)).toEqual([true, true, true, true]);
  });

  it('refuses to update a missing row', () => {
    expect(refusal(() => updateItem(defaultWorkspace(), 'teams', 't-x', { name: 'X' })).message).toBe('There is no team "t-x".');
  });

  it('takes a removed user out of every team', () => {
    const ws = valid(removeItem(defaultWorkspace(), 'users', 'u-marco'));
    expect(ws.teams[0]!.memberIds).toEqual(['u-claire']);
  });

  it('keeps the built-in templates', () => {
    expect(refusal(() => removeItem(defaultWorkspace(), 'templates', 'tpl-closed')).code).toBe('built-in-template');
  });

  it('removes a custom template', () => {
    const { workspace, id } = addTemplate(defaultWorkspace(), 'Survey', 's', 'b');
    expect(removeItem(workspace, 'templates', id).templates).toHaveLength(2);
  });
});
