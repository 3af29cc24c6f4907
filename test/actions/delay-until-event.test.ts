import { describe, expect, it } from 'vitest';
import { semanticProblems } from '../../src/document/semantic';
import { defaultWorkspace } from '../../src/model/default-workspace';
import { action, at, incoming, ms, run, traceLines, workflow } from '../engine/helpers';

const tell = (id: string) => action('notify', id, { recipients: { userIds: ['u-ana'], teamIds: [], owner: false }, subject: id });

function awaitWorkflow(event: Parameters<typeof action<'delayUntilEvent'>>[2], unenroll = false) {
  return workflow('wf-await', {
    triggers: [{ type: 'ticketCreated' }],
    ...(unenroll ? { unenroll: [{ conditions: [{ property: 'priority', operator: 'is', value: 'urgent' }] }] } : {}),
    actions: [action('delayUntilEvent', 'wait', { timeout: { amount: 1, unit: 'days' }, happenedNext: 'yes', timeoutNext: 'no', ...event }), tell('yes'), tell('no')],
  });
}

describe('delayUntilEvent.run', () => {
  it('takes the "happened" path when the contact replies before the timeout', () => {
    const r = run({ workflows: [awaitWorkflow({ event: { type: 'contactReplied' } })], events: [incoming(0, 'conv-1', 'th-1'), incoming(90, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => [n.subject, n.at])).toEqual([['yes', at(90)]]);
    expect(r.trace.find((t) => t.code === 'delay.happened')).toMatchObject({ at: ms(90), params: { event: 'contactReplied', next: 'yes' } });
    expect(traceLines(r, 'delay')).toEqual(['Waits until the contact replies, at most until 2026-01-06 09:00 UTC.']);
  });

  it('takes the timeout path when nothing happens in time', () => {
    const r = run({ workflows: [awaitWorkflow({ event: { type: 'contactReplied' } })], events: [incoming(0, 'conv-1', 'th-1'), incoming(1500, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => [n.subject, n.at])).toEqual([['no', at(1440)]]);
    expect(r.trace.find((t) => t.code === 'delay.timedOut')).toMatchObject({ at: ms(1440), params: { next: 'no' } });
    expect(r.trace.some((t) => t.code === 'delay.happened')).toBe(false);
  });

  it('waits for the chosen status only: another status change does not count', () => {
    const wf = awaitWorkflow({ event: { type: 'statusChanged', toStatusId: 'closed' } });
    const other = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setStatus', at: at(30), ticketId: 'ticket-1', statusId: 'waiting-us' }] });
    expect(other.notifications.map((n) => n.subject)).toEqual(['no']);
    const closed = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setStatus', at: at(30), ticketId: 'ticket-1', statusId: 'closed' }] });
    expect(closed.notifications.map((n) => [n.subject, n.at])).toEqual([['yes', at(30)]]);
  });

  it('with no status chosen, any status change counts', () => {
    const r = run({
      workflows: [awaitWorkflow({ event: { type: 'statusChanged', toStatusId: null } })],
      events: [incoming(0, 'conv-1', 'th-1'), { type: 'setStatus', at: at(30), ticketId: 'ticket-1', statusId: 'waiting-us' }],
    });
    expect(r.notifications.map((n) => [n.subject, n.at])).toEqual([['yes', at(30)]]);
  });

  it('is cancelled when the ticket meets the unenrollment criteria while it waits, and takes neither path', () => {
    const r = run({
      workflows: [awaitWorkflow({ event: { type: 'contactReplied' } }, true)],
      events: [incoming(0, 'conv-1', 'th-1'), { type: 'setPriority', at: at(10), ticketId: 'ticket-1', priority: 'urgent' }, incoming(20, 'conv-1', 'th-1')],
    });
    expect(r.notifications).toEqual([]);
    expect(r.trace.find((t) => t.code === 'unenrollment.unenrolled')).toMatchObject({ at: ms(10), params: { delayCancelled: true } });
  });
});

describe('loops through a delay until an event', () => {
  it('[TF308] does not fire: a delay until an event always waits, for the event or its timeout', () => {
    const wf = workflow('wf-loop', {
      triggers: [{ type: 'ticketCreated' }],
      actions: [action('delayUntilEvent', 'wait', { happenedNext: 'back', timeoutNext: null }), action('goto', 'back', { target: 'wait' })],
    });
    expect(semanticProblems(wf, defaultWorkspace()).map((p) => p.code)).not.toContain('TF308');
  });
});
