import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ACTIONS, type Action, type ActionKind } from '../../src/actions';
import type { WorkflowDocument } from '../../src/model';

/** The text of a file in test/fixtures/documents. */
export function fixtureText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url)), 'utf8');
}

/** A new action of a kind (its defaults), with some settings replaced. */
export function action<K extends ActionKind>(kind: K, id: string, settings: Partial<Extract<Action, { kind: K }>> = {}): Action {
  return { ...ACTIONS[kind].create(id), ...settings } as Action;
}

/** A complete action of each kind that needs nothing more, leading to `next`. */
export const complete = {
  email: (id: string, next: string | null = null) => action('sendEmail', id, { templateId: 'tpl-received', next }),
  status: (id: string, next: string | null = null) => action('setStatus', id, { statusId: 'waiting-us', next }),
  delay: (id: string, next: string | null = null) => action('delay', id, { next }),
  goto: (id: string, target: string) => action('goto', id, { target }),
  branch: (id: string, paths: { id: string; next: string | null }[], defaultNext: string | null = null) =>
    action('branch', id, {
      paths: paths.map((p) => ({
        id: p.id,
        label: p.id,
        filters: [{ conditions: [{ property: 'priority', operator: 'is', value: 'urgent' }] }],
        next: p.next,
      })),
      defaultNext,
    }),
};

/** A workflow document around actions: one ticket-created trigger, the first action as start. */
export function workflowDoc(actions: Action[], changes: Partial<WorkflowDocument['workflow']> = {}): WorkflowDocument {
  return {
    format: 'ticketflow.workflow',
    schemaVersion: 3,
    workflow: {
      id: 'wf',
      name: 'Test workflow',
      enrollment: { triggers: [{ type: 'ticketCreated' }], filters: [], reenroll: false, unenroll: [] },
      actions,
      startActionId: actions[0]?.id ?? null,
      ...changes,
    },
  };
}

/** Freezes a value and everything inside it, so that a mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * A valid workflow of `units` × 10 actions: each unit branches (urgent tickets notify the leads and
 * jump to the unit's delay), waits, emails, sets status, priority and a webhook, then either loops
 * back to its delay or goes on to the next unit. Every action has a layout position.
 */
export function largeWorkflowDoc(units: number): WorkflowDocument {
  const actions: Action[] = [];
  const urgent = [{ conditions: [{ property: 'priority' as const, operator: 'is' as const, value: 'urgent' }] }];
  for (let i = 0; i < units; i++) {
    const next = i + 1 < units ? `b${i + 1}` : null;
    actions.push(
      action('branch', `b${i}`, { paths: [{ id: 'urgent', label: 'Urgent', filters: urgent, next: `n${i}` }], defaultNext: `d${i}` }),
      action('notify', `n${i}`, { recipients: { userIds: ['u-ana'], teamIds: ['t-leads'], owner: true }, next: `g${i}` }),
      action('goto', `g${i}`, { target: `d${i}` }),
      action('delay', `d${i}`, { next: `e${i}` }),
      action('sendEmail', `e${i}`, { templateId: 'tpl-received', next: `s${i}` }),
      action('setStatus', `s${i}`, { statusId: 'waiting-contact', next: `p${i}` }),
      action('setProperty', `p${i}`, { change: { property: 'priority', priority: 'high' }, next: `w${i}` }),
      action('webhook', `w${i}`, { url: `https://hooks.acme.test/unit/${i}`, body: '{"ticket": "{{ticket.id}}"}', next: `c${i}` }),
      action('branch', `c${i}`, { paths: [{ id: 'again', label: 'Again', filters: urgent, next: `y${i}` }], defaultNext: next }),
      action('goto', `y${i}`, { target: `d${i}` }),
    );
  }
  const doc = workflowDoc(actions);
  doc.layout = { positions: Object.fromEntries([['trigger', { x: 0, y: 0 }], ...actions.map((a, i) => [a.id, { x: (i % 3) * 240, y: i * 120 }])]) };
  return doc;
}
