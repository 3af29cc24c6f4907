import { simulate, Simulation, type RunningAction, type SimulationInput, type SimulationResult, type StepInfo } from '../../engine';

/** What the panel asks of a simulation running in the worker (or in-thread when there is no worker). */
export type SessionRequest =
  | { type: 'load'; input: SimulationInput }
  | { type: 'reset' }
  | { type: 'stepEvent' }
  | { type: 'stepAction' }
  /** Steps events until the scenario event with this index has been applied (or nothing is left). */
  | { type: 'stepThroughEvent'; index: number }
  | { type: 'runToEnd' }
  /** Two complete runs of the same scenario, for the compare view. */
  | { type: 'compare'; base: SimulationInput; other: SimulationInput };

/** The state of a loaded simulation after a request. */
export interface SessionSnapshot {
  result: SimulationResult;
  /** The action that runs next, when one is queued. */
  running: RunningAction | null;
  done: boolean;
  clock: string;
  /** How many scenario events have been applied. */
  eventsApplied: number;
  /** What the last step did; null after a load, a reset or a run to the end. */
  last: StepInfo | null;
}

/** The answer to a request. */
export type SessionResponse =
  | { type: 'snapshot'; snapshot: SessionSnapshot }
  | { type: 'compared'; base: SimulationResult; other: SimulationResult }
  | { type: 'failed'; message: string };

/**
 * One simulation and the requests that drive it. The worker wraps it; without a worker (tests, old
 * browsers) the client calls it directly, so both paths run the same code.
 */
export class SimulationSession {
  private sim: Simulation | null = null;

  /** Answers a request; an exception inside the engine comes back as a failure, never as a throw. */
  handle(request: SessionRequest): SessionResponse {
    try {
      return this.dispatch(request);
    } catch (e) {
      return { type: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  }

  private dispatch(request: SessionRequest): SessionResponse {
    if (request.type === 'load') {
      this.sim = new Simulation(request.input);
      return this.snapshot(null);
    }
    if (request.type === 'compare') {
      return { type: 'compared', base: simulate(request.base), other: simulate(request.other) };
    }
    const sim = this.sim;
    if (!sim) return { type: 'failed', message: 'No simulation is loaded yet.' };
    switch (request.type) {
      case 'reset':
        sim.reset();
        return this.snapshot(null);
      case 'stepEvent':
        return this.snapshot(sim.stepEvent());
      case 'stepAction':
        return this.snapshot(sim.stepAction());
      case 'stepThroughEvent': {
        let last: StepInfo | null = null;
        // Counted from the steps rather than re-read from a snapshot, which copies the whole world.
        let applied = sim.result().stats.events;
        while (applied <= request.index) {
          const step = sim.stepEvent();
          if (step === null) break;
          if (step.type === 'event') applied++;
          last = step;
        }
        return this.snapshot(last);
      }
      case 'runToEnd':
        sim.runToEnd();
        return this.snapshot(null);
    }
  }

  private snapshot(last: StepInfo | null): SessionResponse {
    const sim = this.sim!;
    const result = sim.result();
    return {
      type: 'snapshot',
      snapshot: { result, running: sim.running, done: sim.done, clock: sim.clock, eventsApplied: result.stats.events, last },
    };
  }
}
