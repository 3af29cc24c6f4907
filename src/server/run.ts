import { Worker } from 'node:worker_threads';
import type { SimulationInput, SimulationResult } from '../engine';
import { ApiProblem } from './problems';

// The server runs from TypeScript sources through tsx (npm run dev, npm start, the tests); a worker
// thread starts without the parent's loader, so it loads the worker module through tsx's API.
const WORKER_URL = new URL('./simulate-worker.ts', import.meta.url).href;
const WORKER_BOOT = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}))`;

/**
 * Runs a simulation in a worker thread with a time limit. The engine's own budgets (the CLI's
 * defaults) bound actions, records and output; the limit bounds the wall-clock time, and a run
 * past it is stopped and answered with 503.
 */
export function simulateWithTimeLimit(input: SimulationInput, timeLimitMs: number): Promise<SimulationResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: input });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ApiProblem('time-limit', `The simulation ran longer than ${timeLimitMs / 1000} s and was stopped; shorten the scenario or its end.`));
    }, timeLimitMs);
    worker.once('message', (result: SimulationResult) => {
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
