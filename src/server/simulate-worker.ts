import { parentPort, workerData } from 'node:worker_threads';
import { simulate } from '../engine';
import type { SimulationInput } from '../engine';

// Runs one simulation off the server's event loop, so a long run is stopped by terminating this
// thread when the time limit passes (run.ts), and never blocks other requests.
const input = workerData as SimulationInput;
parentPort?.postMessage(simulate(input));
