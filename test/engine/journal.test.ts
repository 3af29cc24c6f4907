import { describe, expect, it } from 'vitest';
import { Simulation, simulate } from '../../src/engine';
import { codePair, Journal } from '../../src/engine/journal';
import { defaultWorkspace } from '../../src/model';
import { action, at, chain, incoming, scenario, workflow } from './helpers';

describe('Journal', () => {
  it('gives back each row as the entry it was added as, with every reference key present', () => {
    const j = new Journal();
    const params = { trigger: 'ticketCreated' };
    expect(j.add(10, 'enrollment', 'enrollment.enrolled', params, 'ticket-1', 'wf-a')).toBe(0);
    expect(j.add(20, 'event', 'event.closeTicket', { index: 3 })).toBe(1);
    expect(j.size).toBe(2);
    const entry = j.entry(0);
    expect(Object.keys(entry)).toEqual(['at', 'kind', 'code', 'ticket', 'workflow', 'action', 'params']);
    expect(entry).toEqual({ at: 10, kind: 'enrollment', code: 'enrollment.enrolled', ticket: 'ticket-1', workflow: 'wf-a', action: undefined, params });
    expect(entry.params).toBe(params);
    expect(JSON.stringify(j.entry(1))).toBe('{"at":20,"kind":"event","code":"event.closeTicket","params":{"index":3}}');
  });

  it("fills in an action's outcome after it was added, and builds each entry once", () => {
    const j = new Journal();
    const row = j.add(5, 'action', '', {}, 'ticket-1', 'wf-a', 'a1');
    j.settle(row, codePair('delay', 'action.delay.duration'), { minutes: 60 });
    expect(j.entry(row)).toMatchObject({ kind: 'delay', code: 'action.delay.duration', params: { minutes: 60 }, action: 'a1' });
    expect(j.entry(row)).toBe(j.entry(row));
    expect(j.entries([row, row])).toEqual([j.entry(row), j.entry(row)]);
  });

  it('keeps a code under each kind it comes with, and names rows added by number as by their ids', () => {
    const j = new Journal();
    const failed = codePair('action', 'action.failed');
    expect(codePair('action', 'action.failed')).toBe(failed);
    expect(codePair('error', 'action.failed')).not.toBe(failed);
    const ticket = j.ticketNo('ticket-9');
    const row = j.addIds(-1, 7, codePair('error', 'action.failed'), { message: 'm' }, ticket, j.workflowNo('wf-b'), j.actionNo('a3'));
    const same = j.add(7, 'error', 'action.failed', { message: 'm' }, 'ticket-9', 'wf-b', 'a3');
    const { params: _a, ...byNumber } = j.entry(row);
    const { params: _b, ...byId } = j.entry(same);
    expect(byNumber).toEqual(byId);
    expect(byNumber).toMatchObject({ kind: 'error', code: 'action.failed', ticket: 'ticket-9', workflow: 'wf-b', action: 'a3' });
    expect(j.add(8, 'action', 'action.failed', {})).toBe(2);
    expect(j.entry(2)).toMatchObject({ kind: 'action', code: 'action.failed', ticket: undefined });
    expect(j.ticketNo('ticket-9')).toBe(ticket);
  });

  it('makes the parameters of a row added for later when they are first read, once, and keeps it out of every chain', () => {
    const j = new Journal();
    const made: number[] = [];
    j.laterParams = (n) => (made.push(n), { index: n });
    const first = j.addAfter(-1, 1, 'status', 'status.changed', { to: 'open' }, 'ticket-1');
    const later = j.addLater(2, codePair('event', 'event.closeTicket'), 41, j.ticketNo('ticket-1'));
    expect(made).toEqual([]);
    expect(j.entry(later)).toMatchObject({ at: 2, kind: 'event', code: 'event.closeTicket', ticket: 'ticket-1', params: { index: 41 } });
    expect(j.paramsOf(later)).toBe(j.entry(later).params);
    expect(made).toEqual([41]);
    expect(j.chain(first)).toEqual([first]);
  });

  it('keeps chains of rows across chunks, the first of which grows as rows come', () => {
    const j = new Journal();
    const n = 40_000; // past the first chunk's first size (1,024) and two chunks of 16,384
    const last = [-1, -1, -1];
    for (let i = 0; i < n; i++) last[i % 3] = j.addAfter(last[i % 3]!, i, 'action', 'c', {}, `t${i % 3}`);
    expect(j.chain(-1)).toEqual([]);
    for (let k = 0; k < 3; k++) {
      const rows = j.chain(last[k]!);
      expect(rows.length).toBe(Math.ceil((n - k) / 3));
      expect(rows.every((row, i) => row === k + 3 * i && j.atOf(row) === row)).toBe(true);
    }
    expect(j.prevOf(0)).toBe(-1);
    expect(j.prevOf(j.add(1, 'event', 'e', {}))).toBe(-1);
  });

  it('gives the trace as the rows put in it, in row order, across chunks', () => {
    const j = new Journal();
    const traced: number[] = [];
    for (let i = 0; i < 35_000; i++) {
      const row = j.add(i, 'event', 'e', {});
      if (i % 5 !== 0) {
        j.trace(row);
        traced.push(row);
      }
    }
    expect(j.tracedRows()).toEqual(traced);
    expect(new Journal().tracedRows()).toEqual([]);
  });

  it('keeps rows across its chunks, read in any order', () => {
    const j = new Journal();
    const n = 40_000;
    for (let i = 0; i < n; i++) j.add(i * 1000, 'event', `code-${i % 7}`, { i }, `ticket-${i}`, i % 2 ? 'wf-odd' : undefined);
    expect(j.size).toBe(n);
    for (const row of [n - 1, 2_048, 2_047, 0, 1_023, 1_024, 4_095, 4_096, 8_191, 8_192, 16_383, 16_384, 32_767, 32_768, 12_345]) {
      expect(j.atOf(row)).toBe(row * 1000);
      expect(j.workflowOf(row)).toBe(row % 2 ? 'wf-odd' : undefined);
      expect(j.entry(row)).toMatchObject({ code: `code-${row % 7}`, ticket: `ticket-${row}`, params: { i: row } });
    }
  });
});

describe('the result of a finished run', () => {
  const wf = workflow('wf-hello', {
    triggers: [{ type: 'ticketCreated' }],
    actions: chain(action('setStatus', 'a1', { statusId: 'waiting-contact' }), action('delay', 'a2', { wait: { type: 'duration', duration: { amount: 1, unit: 'hours' } } }), action('setStatus', 'a3', { statusId: 'closed' })),
  });
  const input = { workspace: defaultWorkspace(), workflows: [wf], scenario: scenario([incoming(0, 'conv-1', 'th-1'), incoming(5, 'conv-2', 'th-2')]) };

  it('reads the same as a snapshot taken before the end, byte for byte, trace and histories included', () => {
    const done = simulate(input);
    const sim = new Simulation(input);
    while (sim.stepAction()) {
      // steps until nothing is left
    }
    // A snapshot taken while stepping is built at once, from the same rows.
    const stepped = new Simulation(input);
    stepped.stepEvent();
    const early = stepped.result();
    expect(early.done).toBe(false);
    expect(early.trace.length).toBeGreaterThan(0);
    expect(JSON.stringify(sim.result())).toBe(JSON.stringify(done));
    expect(Object.keys(done)).toEqual(['clock', 'done', 'tickets', 'conversations', 'channels', 'outbox', 'inboxNotices', 'notifications', 'webhooks', 'history', 'enrolled', 'trace', 'errors', 'stats']);
  });

  it('shares the entry objects between the trace and the histories, and keeps them once read', () => {
    const r = simulate(input);
    const history = r.history['ticket-1']!;
    expect(history.actions.map((a) => a.action)).toEqual(['a1', 'a2', 'a3']);
    expect(r.trace).toBe(r.trace);
    for (const entry of [...history.actions, ...history.enrollments]) expect(r.trace).toContain(entry);
    expect(r.trace.find((e) => e.code === 'action.delay.duration')?.at).toBe(Date.parse(at(0)));
  });

  it('lets the trace and the histories be replaced like any property', () => {
    const r = simulate(input);
    r.trace = [];
    r.history = {};
    expect(JSON.parse(JSON.stringify(r))).toMatchObject({ trace: [], history: {} });
  });

  it('can be frozen before it is read, and still reads the same every time', () => {
    const r = Object.freeze(simulate(input));
    const trace = r.trace;
    expect(trace.length).toBeGreaterThan(0);
    expect(r.trace).toBe(trace);
    expect(JSON.stringify(r)).toBe(JSON.stringify(simulate(input)));
  });
});
