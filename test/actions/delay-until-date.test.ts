import { describe, expect, it } from 'vitest';
import { semanticProblems } from '../../src/document/semantic';
import { defaultWorkspace } from '../../src/model/default-workspace';
import type { ActionRunContext } from '../../src/actions/types';
import { delayUntilDate } from '../../src/actions/delay-until-date';
import { action, at, chain, incoming, ms, run, text, traceLines, workflow } from '../engine/helpers';

const notify = () => action('notify', 'tell', { recipients: { userIds: ['u-ana'], teamIds: [], owner: false } });

function dateDelay(settings: Parameters<typeof action<'delayUntilDate'>>[2]) {
  return workflow('wf-date', { triggers: [{ type: 'ticketCreated' }], actions: chain(action('delayUntilDate', 'wait', settings), notify()) });
}

describe('delayUntilDate.run', () => {
  it('waits until an offset before an SLA due time (medium: first response due after 8 hours)', () => {
    const wf = dateDelay({ property: 'firstResponseDue', offset: { amount: 1, unit: 'hours', direction: 'before' } });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => n.at)).toEqual([at(420)]);
    expect(r.trace.filter((t) => t.kind === 'delay').map((t) => [t.code, t.params])).toEqual([
      ['action.delayUntilDate.waits', { property: 'firstResponseDue', offset: -1, unit: 'hours', until: ms(420) }],
    ]);
    expect(traceLines(r, 'delay')).toEqual(['Waits until 1 hour before its first-response due time; resumes at 2026-01-05 16:00 UTC.']);
  });

  it('waits until an offset after the created time', () => {
    const wf = dateDelay({ property: 'createdAt', offset: { amount: 2, unit: 'days', direction: 'after' } });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => n.at)).toEqual([at(2880)]);
  });

  it('goes on at once, and says so, when the date is already past', () => {
    const wf = dateDelay({ property: 'createdAt', offset: { amount: 0, unit: 'minutes', direction: 'after' } });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => n.at)).toEqual([at(0)]);
    const entry = r.trace.find((t) => t.code === 'action.delayUntilDate.past');
    expect(entry?.params).toEqual({ property: 'createdAt', offset: 0, unit: 'minutes', date: ms(0) });
    expect(r.trace.some((t) => t.kind === 'delay')).toBe(false);
  });

  it('goes on at once, and says so, when the ticket has no such date (no SLA applies to it)', () => {
    const a = action('delayUntilDate', 'wait', { property: 'closeDue', offset: { amount: 1, unit: 'hours', direction: 'before' }, next: 'tell' });
    const notes: [string, unknown][] = [];
    const waits: number[] = [];
    const ctx = {
      now: ms(0),
      fact: () => null,
      slaDue: () => null,
      waitUntil: (t: number) => waits.push(t),
      note: (code: string, params: unknown) => notes.push([code, params]),
    } as unknown as ActionRunContext;
    expect(delayUntilDate.run(a, ctx)).toBe('tell');
    expect(waits).toEqual([]);
    expect(notes).toEqual([['action.delayUntilDate.unknown', { property: 'closeDue' }]]);
    expect(text({ at: ms(0), kind: 'action', code: 'action.delayUntilDate.unknown', params: { property: 'closeDue' } })).toBe(
      'The ticket has no close due time: goes on at once.',
    );
  });

  it('does not say the date is unknown when the ticket has its SLA', () => {
    const wf = dateDelay({ property: 'closeDue', offset: { amount: 1, unit: 'hours', direction: 'before' } });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.trace.some((t) => t.code === 'action.delayUntilDate.unknown')).toBe(false);
    expect(r.notifications.map((n) => n.at)).toEqual([at(4260)]);
  });

  it('is cancelled when the ticket meets the unenrollment criteria while it waits', () => {
    const wf = workflow('wf-date', {
      triggers: [{ type: 'ticketCreated' }],
      unenroll: [{ conditions: [{ property: 'priority', operator: 'is', value: 'urgent' }] }],
      actions: chain(action('delayUntilDate', 'wait', { property: 'createdAt', offset: { amount: 1, unit: 'days', direction: 'after' } }), notify()),
    });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setPriority', at: at(60), ticketId: 'ticket-1', priority: 'urgent' }] });
    expect(r.notifications).toEqual([]);
    expect(r.trace.find((t) => t.code === 'unenrollment.unenrolled')).toMatchObject({ at: ms(60), params: { when: 'change', delayCancelled: true } });
  });
});


describe('loops through a delay until a date', () => {
  it('[TF308] a go-to loop whose only wait is a delay until a date is a loop without a delay (a past date goes on at once)', () => {
    const wf = workflow('wf-loop', {
      triggers: [{ type: 'ticketCreated' }],
      actions: [action('delayUntilDate', 'wait', { next: 'tell' }), { ...notify(), next: 'back' }, action('goto', 'back', { target: 'wait' })],
    });
    expect(semanticProblems(wf, defaultWorkspace()).map((p) => p.code)).toContain('TF308');
  });
});
