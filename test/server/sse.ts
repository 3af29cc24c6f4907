import type { Client } from './harness';

/** One event read from the stream. */
export interface StreamEvent {
  id: number;
  type: string;
  data: Record<string, unknown> & { type: string; seq: number };
  receivedAt: number;
}

/** An open GET /events stream, read as an EventSource would. */
export interface EventStream {
  status: number;
  events: StreamEvent[];
  /** Resolves with the first event (already received or to come) that `match` accepts. */
  next(match: (e: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves once the stream has ended (the server closed it). */
  ended: Promise<void>;
  close(): void;
}

export async function openStream(client: Client, options: { lastEventId?: number } = {}): Promise<EventStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (client.credentials.cookie) headers.cookie = client.credentials.cookie;
  if (client.credentials.bearer) headers.authorization = `Bearer ${client.credentials.bearer}`;
  if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
  const response = await fetch(`${client.base}/api/v1/events`, { headers, signal: controller.signal });
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const ended = (async () => {
    if (!reader) return;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
          }
          if (fields.data === undefined) continue;
          events.push({ id: Number(fields.id), type: fields.event ?? 'message', data: JSON.parse(fields.data), receivedAt: performance.now() });
          for (const wake of [...waiters]) wake();
        }
      }
    } catch {
      // Aborted by close(), or the connection dropped.
    } finally {
      for (const wake of [...waiters]) wake();
    }
  })();
  let finished = false;
  void ended.then(() => {
    finished = true;
  });
  return {
    status: response.status,
    events,
    ended,
    close: () => controller.abort(),
    next: (match, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (found) {
            cleanup();
            resolve(found);
          } else if (finished) {
            cleanup();
            reject(new Error(`the stream ended before the event came (received: ${events.map((e) => e.type).join(', ') || 'none'})`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no such event within ${timeoutMs} ms (received: ${events.map((e) => `${e.type}#${e.id}`).join(', ') || 'none'})`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
  };
}
