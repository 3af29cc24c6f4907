import { describe, expect, it } from 'vitest';
import { action, at, incoming, ms, run, workflow } from '../engine/helpers';

describe('goto.run', () => {
  it('continues at its target, so a loop through a delay repeats until the ticket leaves, the moment it meets the criteria', () => {
    const wf = workflow('wf-loop', {
      triggers: [{ type: 'statusChanged', toStatusId: 'waiting-contact' }],
      unenroll: [{ conditions: [{ property: 'status', operator: 'isNot', value: 'waiting-contact' }] }],
      actions: [
        action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 1, unit: 'days' } }, next: 'nudge' }),
        action('sendEmail', 'nudge', { subject: 'Reminder {{ticket.id}}', body: 'Still there?', next: 'again' }),
        action('goto', 'again', { target: 'wait' }),
      ],
    });
    const r = run({
      workflows: [wf],
      events: [
        incoming(0, 'conv-1', 'th-1'),
        { type: 'setStatus', at: at(10), ticketId: 'ticket-1', statusId: 'waiting-contact' },
        { type: 'setStatus', at: at(3 * 1440 + 60), ticketId: 'ticket-1', statusId: 'waiting-us' },
      ],
    });
    expect(r.outbox.map((e) => e.at)).toEqual([at(1450), at(2890), at(4330)]);
    expect(r.history['ticket-1']!.actions.filter((a) => a.code === 'action.goto').map((a) => a.params.target)).toEqual(['wait', 'wait', 'wait']);
    // It leaves when the status changes (day 3, 10:00), not at the end of the delay it was waiting in.
    expect(r.history['ticket-1']!.enrollments.at(-1)).toMatchObject({ code: 'unenrollment.unenrolled', at: ms(4380), params: { when: 'change', delayCancelled: true } });
  });
});
