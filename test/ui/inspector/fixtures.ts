import { vi } from 'vitest';
import { defaultWorkspace, WorkflowSchema, type Workflow } from '../../../src/model';

/** The default workspace: Support pipeline, Ana/Marco/Claire/Sam, Tier 1 and Support leads, the two built-in templates. */
export const workspace = defaultWorkspace();

/** A valid workflow holding one action of every kind, linked into one graph. */
export const workflow: Workflow = WorkflowSchema.parse({
  id: 'wf-all',
  name: 'Every kind',
  enrollment: {
    triggers: [{ type: 'ticketCreated' }],
    filters: [],
    reenroll: false,
    unenroll: [],
  },
  startActionId: 'email',
  actions: [
    { id: 'email', kind: 'sendEmail', templateId: 'tpl-received', subject: '', body: '', next: 'notify' },
    {
      id: 'notify',
      kind: 'notify',
      recipients: { userIds: ['u-ana'], teamIds: [], owner: false },
      subject: 'New ticket',
      body: 'Have a look.',
      next: 'status',
    },
    { id: 'status', kind: 'setStatus', statusId: 'waiting-us', next: 'prop' },
    { id: 'prop', kind: 'setProperty', change: { property: 'priority', priority: 'high' }, next: 'wait' },
    { id: 'wait', kind: 'delay', wait: { type: 'duration', duration: { amount: 2, unit: 'hours' } }, next: 'split' },
    {
      id: 'split',
      kind: 'branch',
      paths: [
        {
          id: 'p1',
          label: 'Urgent',
          filters: [{ conditions: [{ property: 'priority', operator: 'is', value: 'urgent' }] }],
          next: 'hook',
        },
        { id: 'p2', label: 'By email', filters: [{ conditions: [{ property: 'source', operator: 'is', value: 'email' }] }], next: null },
      ],
      defaultLabel: 'Otherwise',
      defaultNext: 'back',
    },
    { id: 'hook', kind: 'webhook', method: 'POST', url: 'https://example.test/hook', body: '{}', next: null },
    { id: 'back', kind: 'goto', target: 'wait' },
  ],
});

/** Fresh spies for every Inspector callback. */
export function inspectorCallbacks() {
  return {
    onChangeEnrollment: vi.fn(),
    onChangeWorkflowMeta: vi.fn(),
    onChangeAction: vi.fn(),
    onCloneAndDelete: vi.fn(),
    onClose: vi.fn(),
  };
}
