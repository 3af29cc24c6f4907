import { describe, expect, it } from 'vitest';
import { nextWeekdayTime } from '../../src/actions/delay';
import { action, at, chain, incoming, ms, run, text, traceLines, workflow } from '../engine/helpers';

const MONDAY_9 = Date.parse('2026-01-05T09:00:00Z');

describe('nextWeekdayTime', () => {
  it.each([
    ['later the same day', ['mon'], '17:30', '2026-01-05T17:30:00.000Z'],
    ['the next allowed day', ['wed', 'fri'], '08:00', '2026-01-07T08:00:00.000Z'],
    ['a week later when the moment is now', ['mon'], '09:00', '2026-01-12T09:00:00.000Z'],
    ['tomorrow when today is past', ['mon', 'tue'], '08:00', '2026-01-06T08:00:00.000Z'],
    ['across a weekend', ['sun'], '00:00', '2026-01-11T00:00:00.000Z'],
  ] as const)('%s', (_name, days, time, expected) => {
    expect(new Date(nextWeekdayTime(MONDAY_9, days, time)!).toISOString()).toBe(expected);
  });

  it('has no answer without days', () => {
    expect(nextWeekdayTime(MONDAY_9, [], '09:00')).toBeNull();
  });
});

describe('delay.run', () => {
  const notify = () => action('notify', 'tell', { recipients: { userIds: ['u-ana'], teamIds: [], owner: false } });

  it('waits a duration on the virtual clock, then continues', () => {
    const wf = workflow('wf-wait', { triggers: [{ type: 'ticketCreated' }], actions: chain(action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 2, unit: 'hours' } } }), notify()) });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => n.at)).toEqual([at(120)]);
    expect(r.trace.filter((t) => t.kind === 'delay' || t.kind === 'resume').map((t) => [t.kind, t.at])).toEqual([
      ['delay', ms(0)],
      ['resume', ms(120)],
    ]);
    expect(traceLines(r, 'delay')).toEqual(['Waits 2 hours; resumes at 2026-01-05 11:00 UTC.']);
  });

  it('waits until a day of the week and a time of day', () => {
    const wf = workflow('wf-until', { triggers: [{ type: 'ticketCreated' }], actions: chain(action('delay', 'wait', { wait: { type: 'until', days: ['wed'], time: '10:15' } }), notify()) });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => n.at)).toEqual(['2026-01-07T10:15:00.000Z']);
  });

  it('says "waits 1 day" for one day and "waits 3 days" for three, in every language', () => {
    const one = workflow('wf-one', { triggers: [{ type: 'ticketCreated' }], actions: chain(action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 1, unit: 'days' } } }), notify()) });
    const entry = run({ workflows: [one], events: [incoming(0, 'conv-1', 'th-1')] }).trace.find((e) => e.kind === 'delay')!;
    expect(text(entry)).toBe('Waits 1 day; resumes at 2026-01-06 09:00 UTC.');
    expect(text({ ...entry, params: { ...entry.params, amount: 3 } })).toMatch(/^Waits 3 days;/);
  });

  it('is still waiting when the scenario ends before the delay is over', () => {
    const wf = workflow('wf-long', { triggers: [{ type: 'ticketCreated' }], actions: chain(action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 2, unit: 'days' } } }), notify()) });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')], end: at(60) });
    expect(r.notifications).toEqual([]);
    expect(r.enrolled).toEqual([{ ticket: 'ticket-1', workflow: 'wf-long', action: 'tell', waitingUntil: at(2880) }]);
    expect(r.clock).toBe(at(60));
  });

  it('ends the path when the delay is the last action', () => {
    const wf = workflow('wf-last', { triggers: [{ type: 'ticketCreated' }], actions: [action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 5, unit: 'minutes' } } })] });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.history['ticket-1']!.enrollments.at(-1)).toMatchObject({ code: 'unenrollment.completed', at: ms(5), params: { reason: 'delayLast' } });
    expect(r.enrolled).toEqual([]);
  });
});
