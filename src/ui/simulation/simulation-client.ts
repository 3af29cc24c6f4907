import type { SessionRequest, SessionResponse, SimulationSession } from './simulation-session';
import type { WorkerRequest, WorkerResponse } from './simulation.worker';

/** Talks to one simulation session, off the main thread when the browser has workers. */
export interface SimulationClient {
  /** Sends a request; requests are answered in order. */
  request(request: SessionRequest): Promise<SessionResponse>;
  /**
   * Abandons the work under way (a long run the user stopped). Pending requests resolve as failed,
   * and the session is empty afterwards: the next request must be a load.
   */
  cancel(): void;
  /** Frees the worker. */
  dispose(): void;
}

/** The message a cancelled request resolves with. */
export const CANCELLED = 'cancelled';

/**
 * Runs the session on the calling thread (tests and browsers without module workers). The engine is
 * imported with the first request, so the app's first paint never waits for it.
 */
export function inThreadClient(): SimulationClient {
  let session: Promise<SimulationSession> | null = null;
  return {
    // Always a promise, never a synchronous answer, so callers behave the same as with the worker.
    request(request) {
      session ??= import('./simulation-session').then((m) => new m.SimulationSession());
      return session.then((s) => s.handle(request));
    },
    cancel() {
      session = null;
    },
    dispose() {},
  };
}

/** Runs the session in a module worker, so a long simulation never freezes the panel. */
export function workerClient(makeWorker: () => Worker): SimulationClient {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, (response: SessionResponse) => void>();
  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ type: 'failed', message });
    pending.clear();
  };
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const resolve = pending.get(e.data.id);
      pending.delete(e.data.id);
      resolve?.(e.data.response);
    };
    w.onerror = (e) => {
      e.preventDefault();
      failAll(e.message || 'The simulation worker stopped unexpectedly.');
      w.terminate();
      if (worker === w) worker = null;
    };
    worker = w;
    return w;
  };
  return {
    request(request) {
      const w = ensure();
      const id = ++nextId;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        w.postMessage({ id, request } satisfies WorkerRequest);
      });
    },
    cancel() {
      worker?.terminate();
      worker = null;
      failAll(CANCELLED);
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll(CANCELLED);
    },
  };
}

/** The client the panel uses: the worker where the browser has one, otherwise in-thread. */
export function defaultClient(): SimulationClient {
  if (typeof Worker === 'undefined') return inThreadClient();
  return workerClient(() => new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' }));
}
