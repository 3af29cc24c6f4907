import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS, Simulation, simulate } from '../../src/engine';
import { EXAMPLE_SCENARIOS } from '../../src/examples';
import { defaultWorkspace, type Workflow } from '../../src/model';
import hostileLoop from '../fixtures/hostile/goto-loop-every-minute.json';
import { action, agentEmail, at, chain, incoming, run, scenario, text, traceLines, webhookEveryMinute, workflow } from './helpers';

const acknowledge = workflow('wf-ack', {
  triggers: [{ type: 'ticketCreated' }],
  actions: chain(
    action('sendEmail', 'ack', { templateId: 'tpl-received' }),
    action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 1, unit: 'hours' } } }),
    action('notify', 'tell', { recipients: { userIds: ['u-ana'], teamIds: [], owner: false } }),
  ),
});

const events = [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket'), incoming(20, 'conv-2', 'th-1', 'ch-email', 'c-lu')];

function stepper(workflows: Workflow[] = [acknowledge]): Simulation {
  return new Simulation({ workspace: defaultWorkspace(), workflows, scenario: scenario(events) });
}

describe('Simulation', () => {
  it('steps one event at a time, leaving the actions it queues for the next step', () => {
    const sim = stepper();
    expect(sim.clock).toBe(at(0));
    expect(sim.running).toBeNull();
    expect(sim.stepEvent()).toMatchObject({ type: 'event', at: at(0) });
    expect(sim.running).toEqual({ ticket: 'ticket-1', workflow: 'wf-ack', action: 'ack' });
    expect(sim.result().outbox).toEqual([]);
    expect(sim.stepEvent()).toMatchObject({ type: 'event', at: at(10) });
    expect(sim.result().outbox).toHaveLength(1);
  });

  it('steps one action at a time, applying events until an action is queued', () => {
    const sim = stepper();
    const first = sim.stepAction()!;
    expect(first).toMatchObject({ type: 'action', at: at(0), ticket: 'ticket-1', workflow: 'wf-ack', action: 'ack' });
    expect(first.entry).toMatchObject({ code: 'action.sendEmail.sent', kind: 'action' });
    expect(text(first.entry)).toContain('Sent "We received your request');
    expect(sim.running).toEqual({ ticket: 'ticket-1', workflow: 'wf-ack', action: 'wait' });
    expect(sim.stepAction()).toMatchObject({ action: 'wait', at: at(0) });
    expect(sim.running).toBeNull();
    expect(sim.stepAction()).toMatchObject({ action: 'ack', ticket: 'ticket-2', at: at(20) });
    expect(sim.pathOf('ticket-1', 'wf-ack')).toEqual(['ack', 'wait']);
  });

  it('reports timers as steps and ends with null once nothing is left', () => {
    const sim = stepper();
    const kinds: string[] = [];
    for (let step = sim.stepEvent(); step; step = sim.stepEvent()) kinds.push(`${step.type}@${step.at}`);
    expect(kinds).toContain(`timer@${at(60)}`);
    expect(sim.done).toBe(true);
    expect(sim.stepAction()).toBeNull();
    expect(sim.result().done).toBe(true);
  });

  it('runs to the end with the same result as simulate, and resets to the start', () => {
    const sim = stepper();
    sim.stepAction();
    const partial = sim.result();
    expect(partial.done).toBe(false);
    const full = sim.runToEnd();
    expect(full).toEqual(simulate({ workspace: defaultWorkspace(), workflows: [acknowledge], scenario: scenario(events) }));
    sim.reset();
    expect(sim.clock).toBe(at(0));
    expect(sim.result().tickets).toEqual([]);
    expect(sim.runToEnd()).toEqual(full);
  });

  it('gives snapshots that later steps do not change', () => {
    const sim = stepper();
    sim.stepEvent();
    const before = sim.result();
    const copy = JSON.stringify(before);
    sim.runToEnd();
    expect(JSON.stringify(before)).toBe(copy);
  });
});

describe('simulate', () => {
  it('never changes its input', () => {
    const freeze = <T>(value: T): T => {
      if (value && typeof value === 'object') {
        Object.freeze(value);
        for (const v of Object.values(value)) freeze(v);
      }
      return value;
    };
    const input = freeze({
      workspace: defaultWorkspace(),
      workflows: [acknowledge],
      scenario: scenario([...events, { type: 'moveChannel', at: at(30), userId: 'u-ana', channelId: 'ch-sales', history: 'all', openStatusId: 'new', closedStatusId: 'closed', durationMinutes: 5 }]),
    });
    const before = JSON.stringify(input);
    expect(() => simulate(input)).not.toThrow();
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('determinism', () => {
  it('gives the same trace and result, byte for byte, for the same input', () => {
    const input = () => ({ workspace: defaultWorkspace(), workflows: [acknowledge], scenario: scenario(events) });
    expect(JSON.stringify(simulate(input()))).toBe(JSON.stringify(simulate(input())));
  });

  it('does not read the real clock', () => {
    const realNow = Date.now;
    Date.now = () => {
      throw new Error('the engine read the real clock');
    };
    try {
      expect(() => simulate({ workspace: defaultWorkspace(), workflows: [acknowledge], scenario: scenario(events) })).not.toThrow();
    } finally {
      Date.now = realNow;
    }
  });

  it('runs events listed out of order sorted by time, and says so', () => {
    const r = run({ events: [incoming(10, 'conv-2', 'th-1'), incoming(0, 'conv-1', 'th-1')] });
    expect(r.tickets.map((t) => t.conversation)).toEqual(['conv-1', 'conv-2']);
    expect(r.errors.map((e) => [e.code, e.event])).toEqual([['scenario.unsorted', 1]]);
  });

  it('fires timers due at the same moment as an event before the event', () => {
    const wf = workflow('wf-delay', {
      triggers: [{ type: 'ticketCreated' }],
      actions: chain(action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 10, unit: 'minutes' } } }), action('setStatus', 'set', { statusId: 'waiting-us' })),
    });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setStatus', at: at(10), ticketId: 'ticket-1', statusId: 'closed' }] });
    expect(r.history['ticket-1']!.statuses.map((s) => s.to)).toEqual(['new', 'waiting-us', 'closed']);
  });
});

describe('the runaway guard', () => {
  const pingPong = [
    workflow('wf-ping', { triggers: [{ type: 'statusChanged', toStatusId: 'waiting-us' }], reenroll: true, actions: [action('setStatus', 'to-contact', { statusId: 'waiting-contact' })] }),
    workflow('wf-pong', { triggers: [{ type: 'statusChanged', toStatusId: 'waiting-contact' }], reenroll: true, actions: [action('setStatus', 'to-us', { statusId: 'waiting-us' })] }),
  ];
  // The same, each waiting a minute first: never more than a few actions a minute, so the per-minute limit never trips.
  const aMinute = (id: string) => action('delay', id, { wait: { type: 'duration', duration: { amount: 1, unit: 'minutes' } } });
  const slowPingPong = [
    workflow('wf-slow-ping', { triggers: [{ type: 'statusChanged', toStatusId: 'waiting-us' }], reenroll: true, actions: chain(aMinute('w'), action('setStatus', 'to-contact', { statusId: 'waiting-contact' })) }),
    workflow('wf-slow-pong', { triggers: [{ type: 'statusChanged', toStatusId: 'waiting-contact' }], reenroll: true, actions: chain(aMinute('w'), action('setStatus', 'to-us', { statusId: 'waiting-us' })) }),
  ];
  const waitingOnUs = { type: 'setStatus' as const, at: at(1), ticketId: 'ticket-1', statusId: 'waiting-us' };

  it('stops two workflows setting a status back and forth, naming both', () => {
    const r = run({ workflows: pingPong, events: [incoming(0, 'conv-1', 'th-1'), agentEmail(5, 'conv-1', 'th-1', 'ticket'), incoming(100, 'conv-2', 'th-1', 'ch-email', 'c-lu')] });
    const guard = r.errors.filter((e) => e.code === 'guard.runaway');
    expect(guard).toHaveLength(1);
    expect(guard[0]!.ticket).toBe('ticket-1');
    // It says exactly what it counted: 100 actions of this ticket in this minute, by workflow.
    expect(guard[0]!.params).toMatchObject({ counted: 100, limit: 100, per: 'minute', workflows: 'wf-ping:50,wf-pong:50' });
    expect(guard[0]!.message).toContain('it ran 100 actions within the virtual minute from 2026-01-05T09:05:00.000Z, the limit per ticket and minute, and was about to run one more');
    expect(guard[0]!.message).toContain('Actions counted, by workflow: "Workflow wf-ping" (wf-ping): 50, "Workflow wf-pong" (wf-pong): 50');
    const line = traceLines(r, 'error')[0]!;
    expect(line).toBe(
      "Runaway automation stopped on ticket ticket-1: it ran 100 actions within the virtual minute from 2026-01-05 09:05 UTC (the limit per ticket and minute) and was about to run one more. Actions counted by workflow: wf-ping 50, wf-pong 50. The ticket's runs are stopped and it enrolls in nothing for the rest of this minute.",
    );
    expect(r.history['ticket-1']!.actions).toHaveLength(100);
    expect(r.enrolled).toEqual([]);
    // The rest of the scenario still runs.
    expect(r.tickets.map((t) => t.id)).toEqual(['ticket-1', 'ticket-2']);
  });

  it('stops a go-to loop without a delay, naming its workflow', () => {
    const loop = workflow('wf-loop', {
      triggers: [{ type: 'ticketCreated' }],
      actions: [action('webhook', 'hook', { url: 'https://example.test/x', next: 'again' }), action('goto', 'again', { target: 'hook' })],
    });
    const r = run({ workflows: [loop], events: [incoming(0, 'conv-1', 'th-1')], options: { maxActionsPerTicketMinute: 30 } });
    expect(r.errors.map((e) => e.code)).toEqual(['guard.runaway']);
    expect(r.errors[0]!.params).toMatchObject({ counted: 30, workflows: 'wf-loop:30' });
    expect(r.webhooks).toHaveLength(15);
  });

  it('lets a go-to loop with a delay run as long as the scenario lasts', () => {
    const r = run({ workflows: [webhookEveryMinute('wf-tick')], events: [incoming(0, 'conv-1', 'th-1')], end: at(600) });
    expect(r.errors).toEqual([]);
    expect(r.webhooks).toHaveLength(600);
  });

  it('stops a ping-pong through one-minute delays over a year at the limit of actions per ticket, naming both workflows', () => {
    const year = at(365 * 24 * 60);
    const r = run({
      workflows: slowPingPong,
      events: [incoming(0, 'conv-1', 'th-1'), waitingOnUs, incoming(60 * 24 * 200, 'conv-2', 'th-1', 'ch-email', 'c-lu')],
      end: year,
      options: { maxActionsPerTicket: 400 },
    });
    expect(r.done).toBe(true);
    expect(r.clock).toBe(year);
    expect(r.errors.map((e) => e.code)).toEqual(['guard.runaway']);
    const guard = r.errors[0]!;
    expect(guard.ticket).toBe('ticket-1');
    expect(guard.message).toContain('it ran 400 actions in this simulation, the limit per ticket, and was about to run one more');
    expect(guard.message).toContain('busiest first: "Workflow wf-slow-ping" (wf-slow-ping): 200, "Workflow wf-slow-pong" (wf-slow-pong): 200');
    const history = r.history['ticket-1']!;
    expect(history.actions).toHaveLength(400);
    expect(r.enrolled).toEqual([]);
    // After the guard, the ticket's status changes still offer triggers, and every one is turned down.
    const after = history.enrollments.filter((e) => e.at > Date.parse(guard.at));
    expect(after.every((e) => e.code === 'enrollment.rejected' && e.params.reason === 'halted')).toBe(true);
    // Another ticket later in the year is not affected.
    expect(r.tickets.map((t) => t.id)).toEqual(['ticket-1', 'ticket-2']);
    expect(r.trace.length).toBeLessThan(2000);
  });

  it('keeps a year of slow ping-pong bounded with the default limit of 10,000 actions per ticket', () => {
    const r = run({
      workflows: slowPingPong,
      events: [incoming(0, 'conv-1', 'th-1'), waitingOnUs],
      end: at(365 * 24 * 60),
    });
    expect(r.errors.map((e) => e.code)).toEqual(['guard.runaway']);
    expect(r.errors[0]!.params).toMatchObject({ counted: 10_000, per: 'simulation' });
    expect(r.stats.actions).toBe(10_000);
    expect(r.trace.length).toBeLessThan(40_000);
    expect(JSON.stringify(r).length).toBeLessThan(20_000_000);
  });

  it('stops the hostile go-to loop through one-minute delays on the tickets of a week-long example', () => {
    const loop = (hostileLoop as unknown as { workflow: Workflow }).workflow;
    const { scenario: week } = EXAMPLE_SCENARIOS.find((e) => e.file === 'email-ticket-life.json')!;
    const r = simulate({ workspace: defaultWorkspace(), workflows: [loop], scenario: week, options: { trace: false, maxActionsPerTicket: 1000 } });
    expect(r.tickets).not.toEqual([]);
    const stopped = r.errors.filter((e) => e.code === 'guard.runaway');
    expect(stopped.map((e) => e.ticket)).toEqual(r.tickets.map((t) => t.id));
    for (const e of stopped) expect(e.message).toContain('"Hostile test workflow" (wf-hostile): 1000');
    for (const t of r.tickets) expect(r.history[t.id]!.actions).toHaveLength(1000);
  });

  it('stops the whole simulation at the step limit, naming the busiest workflows', () => {
    const r = run({ workflows: [acknowledge], events, options: { maxSteps: 4 } });
    expect(r.done).toBe(true);
    expect(r.errors.map((e) => e.code)).toEqual(['guard.maxSteps']);
    expect(r.errors[0]!.message).toMatch(/stopped after 4 steps without finishing; busiest workflows: "Workflow wf-ack" \(wf-ack, \d+ actions\)/);
  });
});

describe('options', () => {
  it('can leave the trace out and still record errors and histories', () => {
    const r = run({ workflows: [acknowledge], events, options: { trace: false } });
    expect(r.trace).toEqual([]);
    expect(r.history['ticket-1']!.actions.map((a) => a.action)).toEqual(['ack', 'wait', 'tell']);
    expect(r.stats).toEqual({ events: 3, timers: expect.any(Number), actions: 6 });
  });
});

describe('budgets of a run', () => {
  const tick = webhookEveryMinute('wf-tick');

  it('has documented defaults', () => {
    expect(DEFAULT_BUDGETS).toEqual({ maxActions: 5_000_000, maxRecords: 5_000_000, maxOutputBytes: 200_000_000 });
  });

  it('ends a run that hits its action budget with guard.budget, naming the busiest workflows, and keeps the result so far', () => {
    const r = run({ workflows: [tick, acknowledge], events: [incoming(0, 'conv-1', 'th-1')], end: at(600), options: { budgets: { maxActions: 50 } } });
    expect(r.errors.map((e) => e.code)).toEqual(['guard.budget']);
    expect(r.errors[0]!.params).toMatchObject({ budget: 'maxActions', limit: 50, busiest: [{ workflow: 'wf-tick', actions: expect.any(Number) }, { workflow: 'wf-ack', actions: expect.any(Number) }] });
    expect(r.stats.actions).toBe(50);
    expect(r.webhooks.length).toBeGreaterThan(10);
    expect(traceLines(r, 'error')[0]).toMatch(/^The simulation stopped at its budget maxActions of 50 \(50 used\) without finishing; busiest workflows \(actions run\): wf-tick \d+, wf-ack \d+\./);
  });

  it('ends a run that hits its record or output budget', () => {
    const records = run({ workflows: [tick], events: [incoming(0, 'conv-1', 'th-1')], end: at(600), options: { budgets: { maxRecords: 200 } } });
    expect(records.errors.map((e) => e.params.budget)).toEqual(['maxRecords']);
    const output = run({ workflows: [tick], events: [incoming(0, 'conv-1', 'th-1')], end: at(600), options: { trace: false, budgets: { maxOutputBytes: 1000 } } });
    expect(output.errors.map((e) => e.params.budget)).toEqual(['maxOutputBytes']);
    expect(output.webhooks.length).toBeLessThan(60);
  });

  it('does not stop a run that stays within its budgets', () => {
    const r = run({ workflows: [tick], events: [incoming(0, 'conv-1', 'th-1')], end: at(600), options: { budgets: { maxActions: 10_000 } } });
    expect(r.errors).toEqual([]);
    expect(r.webhooks).toHaveLength(600);
  });

  it('bounds a team fanned out many times: a notify of every member, over and over', () => {
    const fan = workflow('wf-fan', {
      triggers: [{ type: 'ticketCreated' }],
      actions: [
        action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 1, unit: 'minutes' } }, next: 'tell' }),
        action('notify', 'tell', { recipients: { userIds: [], teamIds: ['t-tier1', 't-leads'], owner: false }, body: 'x'.repeat(5000), next: 'again' }),
        action('goto', 'again', { target: 'wait' }),
      ],
    });
    const r = run({ workflows: [fan], events: [incoming(0, 'conv-1', 'th-1')], end: at(60 * 24 * 30), options: { trace: false, budgets: { maxOutputBytes: 2_000_000 } } });
    expect(r.errors.map((e) => e.code)).toEqual(['guard.budget']);
    expect(JSON.stringify(r).length).toBeLessThan(4_000_000);
  });
});
