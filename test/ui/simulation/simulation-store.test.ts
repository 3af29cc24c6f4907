import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine';
import { SimulationSession, type SessionRequest, type SessionResponse } from '../../../src/ui/simulation/simulation-session';
import { CANCELLED, inThreadClient, type SimulationClient } from '../../../src/ui/simulation/simulation-client';
import { activeScenario, createSimulationStore, parseSavedScenarios, type RunInputs } from '../../../src/ui/simulation/simulation-store';
import { chatScenario, example, workflows, workspace } from './fixtures';

const inputs = (scenario = chatScenario()): RunInputs => ({ workspace, workflows, scenario });

describe('the simulation store', () => {
  it('runs to the end with the same result as simulate()', async () => {
    const store = createSimulationStore(inThreadClient());
    const i = inputs(example('email-ticket-life.json'));
    await store.getState().run('runToEnd', i);
    const s = store.getState();
    expect(s.snapshot?.done).toBe(true);
    expect(s.snapshot?.result).toEqual(simulate(i));
    expect(s.busy).toBeNull();
  });

  it('steps one event at a time, moving the clock', async () => {
    const store = createSimulationStore(inThreadClient());
    const i = inputs();
    await store.getState().run('stepEvent', i);
    expect(store.getState().snapshot).toMatchObject({ eventsApplied: 1, clock: '2026-01-05T09:00:00.000Z', last: { type: 'event' } });
    await store.getState().run('stepEvent', i);
    expect(store.getState().snapshot?.eventsApplied).toBe(2);
  });

  it('highlights the action it just ran, and selects that ticket so its path is known', async () => {
    const store = createSimulationStore(inThreadClient());
    const i = inputs();
    await store.getState().run('stepAction', i);
    const s = store.getState();
    expect(s.activeAction).toMatchObject({ ticket: 'ticket-1', workflow: 'wf-chat-ticket-acknowledge', action: 'email-chat-received', phase: 'ran' });
    expect(s.selectedTicket).toBe('ticket-1');
    expect(s.paths['wf-chat-ticket-acknowledge']?.actions).toEqual(['email-chat-received']);
  });

  it('steps through a given event and starts over on reset', async () => {
    const store = createSimulationStore(inThreadClient());
    const i = inputs();
    await store.getState().run({ type: 'stepThroughEvent', index: 1 }, i);
    expect(store.getState().snapshot?.eventsApplied).toBe(2);
    await store.getState().run('reset', i);
    expect(store.getState().snapshot).toMatchObject({ eventsApplied: 0, last: null, done: false });
    expect(store.getState().selectedTicket).toBeNull();
  });

  it('starts over when the inputs changed since the last step', async () => {
    const store = createSimulationStore(inThreadClient());
    await store.getState().run('stepEvent', inputs());
    await store.getState().run('stepEvent', inputs());
    // Another scenario object: the run is reloaded, so this is its first event again.
    expect(store.getState().snapshot?.eventsApplied).toBe(1);
  });

  it('discards the run when the user stops it', async () => {
    let release: (r: SessionResponse) => void = () => {};
    const pending: SimulationClient = {
      request: (req: SessionRequest) =>
        req.type === 'load' ? inThreadClient().request(req) : new Promise<SessionResponse>((resolve) => (release = resolve)),
      cancel: () => release({ type: 'failed', message: CANCELLED }),
      dispose() {},
    };
    const store = createSimulationStore(pending);
    const running = store.getState().run('runToEnd', inputs());
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().busy).toBe('run');
    store.getState().stop();
    await running;
    expect(store.getState()).toMatchObject({ busy: null, snapshot: null, failure: null });
  });

  it('reports a failed command instead of throwing, and is ready for the next one', async () => {
    const failing: SimulationClient = { request: async () => ({ type: 'failed', message: 'out of memory' }), cancel() {}, dispose() {} };
    const store = createSimulationStore(failing);
    await store.getState().run('runToEnd', inputs());
    expect(store.getState()).toMatchObject({ failure: 'out of memory', busy: null, snapshot: null });
  });

  it('keeps a library of scenarios, the saved one active', () => {
    const store = createSimulationStore(inThreadClient());
    const a = chatScenario();
    const b = { ...example('email-ticket-life.json') };
    store.getState().saveScenario(a);
    store.getState().saveScenario(b);
    expect(activeScenario(store.getState())?.id).toBe(b.id);
    store.getState().saveScenario({ ...a, name: 'Renamed' });
    expect(store.getState().scenarios.map((s) => s.name)).toEqual(['Renamed', b.name]);
    store.getState().deleteScenario(a.id);
    expect(store.getState().scenarios.map((s) => s.id)).toEqual([b.id]);
    store.getState().loadScenarios([a, b], a.id);
    expect(store.getState().activeScenarioId).toBe(a.id);
  });

  it('compares two versions of the workflows', async () => {
    const store = createSimulationStore(inThreadClient());
    const base = inputs(example('email-ticket-life.json'));
    const other = { ...base, workflows: base.workflows.filter((w) => w.id !== 'wf-ticket-closed-email') };
    await store.getState().compareWith('without the closed email', base, other);
    const c = store.getState().compare;
    expect(c?.status).toBe('done');
    expect(c?.status === 'done' && c.comparison.emails.onlyBase.length).toBeGreaterThan(0);
  });
});

describe('parseSavedScenarios', () => {
  it('keeps the valid scenarios and counts the damaged ones', () => {
    const good = chatScenario();
    expect(parseSavedScenarios([good, { ...good, events: 'none' }, 42])).toEqual({ scenarios: [good], dropped: 2 });
  });

  it('reads nothing stored as an empty library, and a stored non-list as one damaged entry', () => {
    expect(parseSavedScenarios(undefined)).toEqual({ scenarios: [], dropped: 0 });
    expect(parseSavedScenarios({ scenarios: [] })).toEqual({ scenarios: [], dropped: 1 });
  });
});

describe('SimulationSession', () => {
  it('answers an exception inside the engine as a failure', () => {
    const input = { ...inputs() };
    Object.defineProperty(input, 'scenario', {
      get() {
        throw new Error('broken input');
      },
    });
    expect(new SimulationSession().handle({ type: 'load', input })).toEqual({ type: 'failed', message: 'broken input' });
  });

  it('asks for a load before anything else', () => {
    expect(new SimulationSession().handle({ type: 'stepEvent' })).toEqual({ type: 'failed', message: 'No simulation is loaded yet.' });
  });
});
