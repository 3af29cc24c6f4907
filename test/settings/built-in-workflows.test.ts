import { describe, expect, it } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type Workflow } from '../../src/model';
import { builtInStatusWorkflow, builtInWorkflowId, repeatedBuiltIns, statusActionWorkflow, statusWorkflows, type StatusActionSpec } from '../../src/settings/built-in-workflows';
import { SettingsError } from '../../src/settings/workspace-edits';

const workflows: Workflow[] = EXAMPLE_WORKFLOWS.map((e) => e.document.workflow);

describe('builtInStatusWorkflow', () => {
  it('[S-out] turns "an email is sent to a customer" into an email-sent-from-ticket workflow setting the target status', () => {
    const doc = builtInStatusWorkflow(defaultWorkspace(), 'support', 'onEmailSent');
    expect(doc.workflow).toMatchObject({
      id: 'builtin-support-email-sent',
      enrollment: {
        triggers: [{ type: 'emailSentFromTicket' }],
        filters: [{ conditions: [{ property: 'pipeline', operator: 'is', value: 'support' }] }],
        reenroll: true,
      },
      actions: [{ kind: 'setStatus', statusId: 'waiting-contact', next: null }],
    });
    expect(doc.workflow.startActionId).toBe(doc.workflow.actions[0]!.id);
    expect(doc.workflow.description).toContain('Waiting on contact');
  });

  it('[S-in] turns "a customer replies" into a contact-replied workflow', () => {
    const doc = builtInStatusWorkflow(defaultWorkspace(), 'support', 'onCustomerReply');
    expect(doc.workflow.enrollment.triggers).toEqual([{ type: 'contactReplied' }]);
    expect(doc.workflow.actions[0]).toMatchObject({ kind: 'setStatus', statusId: 'waiting-us' });
  });

  it('follows the edited target status', () => {
    const ws = defaultWorkspace();
    ws.pipelines[0]!.automation.onEmailSent = { enabled: false, statusId: 'closed' };
    const doc = builtInStatusWorkflow(ws, 'support', 'onEmailSent');
    expect(doc.workflow.actions[0]).toMatchObject({ statusId: 'closed' });
  });

  it('names the workflow in the language of the translator it is given', () => {
    const t = (key: string, p?: Record<string, string | number>) => `${key}|${p?.pipeline}`;
    expect(builtInStatusWorkflow(defaultWorkspace(), 'support', 'onEmailSent', t).workflow.name).toBe(
      'settings.builtIn.onEmailSent.name|Support pipeline',
    );
  });

  it('keeps ids valid for the longest pipeline ids', () => {
    expect(builtInWorkflowId('p'.repeat(128), 'onCustomerReply').length).toBeLessThanOrEqual(128);
  });

  it('refuses an unknown pipeline', () => {
    expect(() => builtInStatusWorkflow(defaultWorkspace(), 'billing', 'onEmailSent')).toThrow(SettingsError);
  });
});

describe('statusActionWorkflow', () => {
  const ws = defaultWorkspace();

  it('[S-status-actions] sends the Ticket closed template when a ticket reaches Closed', () => {
    const doc = statusActionWorkflow(ws, 'support', 'closed', { kind: 'sendEmail', template: 'ticketClosed' }, { includeChat: false, takenIds: [] });
    expect(doc.workflow).toMatchObject({
      id: 'wf-support-closed-1',
      name: 'Send "Ticket closed" when a ticket reaches Closed',
      enrollment: {
        triggers: [{ type: 'statusChanged', toStatusId: 'closed' }],
        filters: [{ conditions: [{ property: 'pipeline', operator: 'is', value: 'support' }] }],
      },
      actions: [{ kind: 'sendEmail', templateId: 'tpl-closed' }],
    });
  });

  it('[S-status-actions] notifies a user, a team and the owner', () => {
    const doc = statusActionWorkflow(
      ws,
      'support',
      'waiting-us',
      { kind: 'notify', userIds: ['u-ana'], teamIds: ['t-tier1'], owner: true },
      { includeChat: false, takenIds: [] },
    );
    expect(doc.workflow.name).toBe('Notify Ana García, Tier 1, the ticket owner when a ticket reaches Waiting on us');
    expect(doc.workflow.actions[0]).toMatchObject({ kind: 'notify', recipients: { userIds: ['u-ana'], teamIds: ['t-tier1'], owner: true } });
  });

  it('[S-chat] names Chat and Messenger as sources only when asked to include them, in a group of their own', () => {
    const spec = { kind: 'sendEmail', template: 'ticketReceived' } as const;
    const plain = statusActionWorkflow(ws, 'support', 'new', spec, { includeChat: false, takenIds: [] });
    const chat = statusActionWorkflow(ws, 'support', 'new', spec, { includeChat: true, takenIds: [] });
    expect(JSON.stringify(plain.workflow.enrollment)).not.toContain('chat');
    expect(chat.workflow.enrollment.filters).toEqual([
      plain.workflow.enrollment.filters[0],
      {
        conditions: [
          { property: 'pipeline', operator: 'is', value: 'support' },
          { property: 'source', operator: 'isAnyOf', value: ['chat', 'messenger'] },
        ],
      },
    ]);
  });

  it('picks a workflow id not yet taken', () => {
    const spec = { kind: 'sendEmail', template: 'ticketClosed' } as const;
    const doc = statusActionWorkflow(ws, 'support', 'closed', spec, { includeChat: false, takenIds: ['wf-support-closed-1', 'wf-support-closed-2'] });
    expect(doc.workflow.id).toBe('wf-support-closed-3');
  });

  it('refuses a notification without recipients', () => {
    const spec: StatusActionSpec = { kind: 'notify', userIds: [], teamIds: [], owner: false };
    expect(() => statusActionWorkflow(ws, 'support', 'closed', spec, { includeChat: false, takenIds: [] })).toThrow(/at least one recipient/);
  });

  it('refuses a status the pipeline does not have', () => {
    const spec = { kind: 'sendEmail', template: 'ticketClosed' } as const;
    expect(() => statusActionWorkflow(ws, 'support', 'gone', spec, { includeChat: false, takenIds: [] })).toThrow(/no status "gone"/);
  });

  it('refuses when the built-in template is missing', () => {
    const bare = { ...ws, templates: ws.templates.filter((t) => t.builtIn !== 'ticketClosed') };
    const spec = { kind: 'sendEmail', template: 'ticketClosed' } as const;
    expect(() => statusActionWorkflow(bare, 'support', 'closed', spec, { includeChat: false, takenIds: [] })).toThrow(/ticketClosed/);
  });
});

describe('statusWorkflows', () => {
  it('lists the workflows enrolled when a ticket enters the status', () => {
    expect(statusWorkflows(workflows, 'support', 'closed').map((w) => w.id)).toEqual(['wf-ticket-closed-email']);
    expect(statusWorkflows(workflows, 'support', 'waiting-contact').map((w) => w.id)).toEqual(['wf-waiting-contact-reminder', 'wf-await-contact-reply']);
  });

  it('leaves out workflows whose filters admit only another pipeline', () => {
    const created = statusActionWorkflow(defaultWorkspace(), 'support', 'closed', { kind: 'sendEmail', template: 'ticketClosed' }, { includeChat: false, takenIds: [] });
    expect(statusWorkflows([created.workflow], 'support', 'closed')).toHaveLength(1);
    expect(statusWorkflows([created.workflow], 'billing', 'closed')).toHaveLength(0);
  });
});

describe('repeatedBuiltIns', () => {
  const copy = builtInStatusWorkflow(defaultWorkspace(), 'support', 'onEmailSent').workflow;

  it('finds a workflow that sets a status on the email trigger of an enabled built-in', () => {
    expect(repeatedBuiltIns(defaultWorkspace(), copy)).toEqual([{ pipelineId: 'support', which: 'onEmailSent' }]);
  });

  it('lets a copy be once the built-in is off, or when it sets no status or admits another pipeline only', () => {
    const off = defaultWorkspace();
    off.pipelines[0]!.automation.onEmailSent.enabled = false;
    expect(repeatedBuiltIns(off, copy)).toEqual([]);
    const notify = statusActionWorkflow(defaultWorkspace(), 'support', 'new', { kind: 'notify', userIds: [], teamIds: [], owner: true }, { includeChat: false, takenIds: [] }).workflow;
    expect(repeatedBuiltIns(defaultWorkspace(), { ...notify, enrollment: { ...notify.enrollment, triggers: [{ type: 'emailSentFromTicket' }] } })).toEqual([]);
    const elsewhere = { ...copy, enrollment: { ...copy.enrollment, filters: [{ conditions: [{ property: 'pipeline' as const, operator: 'is' as const, value: 'sales' }] }] } };
    expect(repeatedBuiltIns(defaultWorkspace(), elsewhere)).toEqual([]);
  });
});
