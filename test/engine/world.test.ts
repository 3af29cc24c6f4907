import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../src/model';
import { iso, parseTime, World } from '../../src/engine/world';
import { action, chain, incoming, run, workflow } from './helpers';

describe('iso', () => {
  it('writes what Date#toISOString writes, also for moments sharing a cache slot', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 50 }), (laps) => {
        for (const lap of laps) {
          const ms = Date.parse('2026-01-05T09:00:00Z') + lap * 4096 * 60_000 + lap;
          expect(iso(ms)).toBe(new Date(ms).toISOString());
        }
      }),
    );
  });
});

describe('iso on whole minutes', () => {
  it('writes what Date#toISOString writes, across days, years and the edges of four-digit years', () => {
    const minute = 60_000;
    const lastFourDigit = Date.UTC(10000, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: Math.floor(lastFourDigit / minute) + 2_000_000 }), (n) => {
        const ms = n * minute;
        expect(iso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const ms of [0, -minute, lastFourDigit - minute, lastFourDigit, Date.UTC(2024, 1, 29, 23, 59), Date.UTC(2026, 0, 1)]) {
      expect(iso(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe('parseTime', () => {
  it('reads an ISO timestamp and says null for text that is not one', () => {
    expect(parseTime('2026-01-05T09:00:00Z')).toBe(1767603600000);
    expect(parseTime('soon')).toBeNull();
  });

  it('reads every time as Date.parse does, fields out of range included', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), two(14), two(33), two(26), two(61), two(61), fc.option(fc.integer({ min: 0, max: 999 })), fc.constantFrom('Z', 'z', '+01:00', ''))
      .map(([y, mo, d, h, mi, s, ms, zone]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}${ms === null ? '' : `.${String(ms).padStart(3, '0')}`}${zone}`);
    fc.assert(
      fc.property(stamp, (text) => {
        const expected = Date.parse(text);
        expect(parseTime(text)).toBe(Number.isNaN(expected) ? null : expected);
      }),
      { numRuns: 5000 },
    );
    for (const text of ['2026-02-30T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T24:00:01Z', '0099-12-31T23:59:59.999Z', '2026-1-05T09:00:00Z', '2026-01-05 09:00:00Z']) {
      const expected = Date.parse(text);
      expect(parseTime(text)).toBe(Number.isNaN(expected) ? null : expected);
    }
  });
});

describe('shared trace parameters', () => {
  it('are kept frozen under their code and values, and only there', () => {
    const world = new World(defaultWorkspace(), 0);
    expect(world.shared('delay.resumed', 'a2')).toBeUndefined();
    const kept = world.share('delay.resumed', 'a2', null, null, null, { next: 'a2' });
    expect(world.shared('delay.resumed', 'a2')).toBe(kept);
    expect(Object.isFrozen(kept)).toBe(true);
    expect(world.shared('delay.resumed', 'a3')).toBeUndefined();
    expect(world.shared('delay.resumed', null)).toBeUndefined();
    expect(world.shared('other', 'a2')).toBeUndefined();
    const none = world.share('delay.resumed', null, null, null, null, { next: null });
    expect(world.shared('delay.resumed', null)).toBe(none);
    expect(world.shared('delay.resumed', 'null')).toBeUndefined();
  });

  it('serve the entries of tickets that went through the same status change and the same delay', () => {
    const wf = workflow('wf-wait', {
      triggers: [{ type: 'ticketCreated' }],
      actions: chain(action('setStatus', 'a1', { statusId: 'waiting-contact' }), action('delay', 'a2', { wait: { type: 'duration', duration: { amount: 1, unit: 'hours' } } }), action('setStatus', 'a3', { statusId: 'closed' })),
    });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), incoming(1, 'conv-2', 'th-2')] });
    const of = (code: string, ticket: string) => r.trace.find((e) => e.code === code && e.ticket === ticket && e.workflow === 'wf-wait')!.params;
    expect(of('status.changed', 'ticket-1')).toEqual({ from: 'new', to: 'waiting-contact', by: 'wf-wait', closed: false, reopened: false });
    expect(of('status.changed', 'ticket-2')).toBe(of('status.changed', 'ticket-1'));
    expect(of('delay.resumed', 'ticket-2')).toBe(of('delay.resumed', 'ticket-1'));
    expect(of('delay.resumed', 'ticket-1')).toEqual({ next: 'a3' });
  });
});
