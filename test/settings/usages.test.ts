import { describe, expect, it } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type Workflow } from '../../src/model';
import { usagesOf, workflowsUsing, workspaceUsagesOf } from '../../src/settings/usages';

const workflows: Workflow[] = EXAMPLE_WORKFLOWS.map((e) => e.document.workflow);

/** A workflow that names entities only in filters: enrollment, unenrollment and a branch path. */
const filtered: Workflow = {
  id: 'wf-filters',
  name: 'Filters only',
  enrollment: {
    triggers: [{ type: 'statusChanged', toStatusId: 'new', fromStatusId: 'closed' }],
    filters: [{ conditions: [{ property: 'owner', operator: 'isAnyOf', value: ['u-sam', 'u-ana'] }] }],
    reenroll: false,
    unenroll: [{ conditions: [{ property: 'channel', operator: 'is', value: 'ch-chat' }] }],
  },
  actions: [
    {
      id: 'b1',
      kind: 'branch',
      paths: [{ id: 'p1', label: 'Mine', filters: [{ conditions: [{ property: 'status', operator: 'is', value: 'waiting-us' }] }], next: null }],
      defaultLabel: 'Otherwise',
      defaultNext: null,
    },
  ],
  startActionId: 'b1',
};

describe('usagesOf', () => {
  it('finds a status in a Set status action through its references()', () => {
    const closing = workflows.find((w) => w.id === 'wf-await-contact-reply')!;
    const at = closing.actions.findIndex((a) => a.kind === 'setStatus');
    expect(usagesOf({ type: 'status', id: 'closed' }, workflows)).toContainEqual({
      workflowId: 'wf-await-contact-reply',
      workflowName: closing.name,
      where: 'action',
      actionId: 'close',
      pointer: `/actions/${at}/statusId`,
    });
  });

  it('finds a status in a status-changed trigger and in unenrollment filters', () => {
    const where = usagesOf({ type: 'status', id: 'waiting-contact' }, workflows)
      .filter((u) => u.workflowId === 'wf-waiting-contact-reminder')
      .map((u) => [u.where, u.pointer]);
    expect(where).toEqual([
      ['trigger', '/enrollment/triggers/0/toStatusId'],
      ['unenroll', '/enrollment/unenroll/0/conditions/0/value'],
    ]);
  });

  it('finds statuses in the from-status of a trigger and in branch filters', () => {
    expect(usagesOf({ type: 'status', id: 'closed' }, [filtered]).map((u) => u.pointer)).toEqual(['/enrollment/triggers/0/fromStatusId']);
    expect(usagesOf({ type: 'status', id: 'waiting-us' }, [filtered])).toEqual([
      { workflowId: 'wf-filters', workflowName: 'Filters only', where: 'branch', actionId: 'b1', pointer: '/actions/0/paths/0/filters/0/conditions/0/value' },
    ]);
  });

  it('finds a user in a list-valued owner filter', () => {
    expect(usagesOf({ type: 'user', id: 'u-ana' }, [filtered]).map((u) => u.where)).toEqual(['filter']);
  });

  it('finds a channel in unenrollment filters', () => {
    expect(usagesOf({ type: 'channel', id: 'ch-chat' }, [filtered]).map((u) => u.where)).toEqual(['unenroll']);
  });

  it('finds teams and templates in actions', () => {
    expect(workflowsUsing({ type: 'team', id: 't-tier1' }, workflows).map((w) => w.id)).toEqual([
      'wf-notify-waiting-on-us',
      'wf-chat-ticket-acknowledge',
      'wf-route-by-priority',
    ]);
    expect(workflowsUsing({ type: 'template', id: 'tpl-closed' }, workflows).map((w) => w.id)).toEqual(['wf-ticket-closed-email']);
  });

  it('does not mistake an id of another kind for the entity', () => {
    expect(usagesOf({ type: 'user', id: 't-tier1' }, workflows)).toEqual([]);
    expect(usagesOf({ type: 'team', id: 'waiting-us' }, workflows)).toEqual([]);
  });
});

describe('workflowsUsing', () => {
  it('names each workflow once however often it refers to the entity', () => {
    expect(workflowsUsing({ type: 'status', id: 'waiting-contact' }, workflows).map((w) => w.id)).toEqual([
      'wf-waiting-contact-reminder',
      'wf-first-response-warning',
      'wf-await-contact-reply',
    ]);
  });
});

describe('workspaceUsagesOf', () => {
  it("finds a status in the pipeline's built-in status updates", () => {
    expect(workspaceUsagesOf({ type: 'status', id: 'waiting-us' }, defaultWorkspace())).toEqual([
      { where: 'automation', ownerId: 'support', ownerName: 'Support pipeline', pointer: '/pipelines/0/automation/onCustomerReply/statusId' },
    ]);
  });

  it('finds a user in team membership', () => {
    expect(workspaceUsagesOf({ type: 'user', id: 'u-marco' }, defaultWorkspace()).map((u) => u.ownerName)).toEqual(['Tier 1']);
  });

  it('finds channels routed to a pipeline', () => {
    const ws = defaultWorkspace();
    ws.channels[0] = { ...ws.channels[0]!, pipelineId: 'support' };
    expect(workspaceUsagesOf({ type: 'pipeline', id: 'support' }, ws).map((u) => u.pointer)).toEqual(['/channels/0/pipelineId']);
  });
});
