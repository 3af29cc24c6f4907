import { SimulationSession, type SessionRequest, type SessionResponse } from './simulation-session';

/** A message to the worker: a request and the id its answer carries back. */
export interface WorkerRequest {
  id: number;
  request: SessionRequest;
}

/** A message from the worker. */
export interface WorkerResponse {
  id: number;
  response: SessionResponse;
}

// The project's lib is DOM, not WebWorker; these two members are all the worker scope needs.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

const session = new SimulationSession();

scope.onmessage = (e) => {
  scope.postMessage({ id: e.data.id, response: session.handle(e.data.request) });
};
