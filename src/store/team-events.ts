/**
 * The workspace's live event stream (`GET /api/v1/events`, server-sent events). EventSource
 * reconnects by itself after a dropped connection, but gives up for good on an HTTP error; this
 * wrapper reconnects in both cases with a growing delay, tells the caller each time the stream
 * is (re)opened so it can catch up on what it missed, and checks the events' `seq` for gaps.
 */

/** The event types the server sends. */
export const EVENT_TYPES = [
  'workflow.saved',
  'workflow.published',
  'workflow.deleted',
  'comment.created',
  'comment.updated',
  'presence',
  'workspace.saved',
] as const;
export type TeamEventType = (typeof EVENT_TYPES)[number];

/** One event: its type and data (`workflowId`, `revision`, `seq`, and what the type adds). */
export interface TeamEvent {
  type: TeamEventType;
  workflowId?: string;
  revision?: number;
  seq?: number;
  [key: string]: unknown;
}

/** The part of EventSource this module uses (the browser's, or a fake in tests). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (e: MessageEvent) => void): void;
  onopen: ((e: Event) => void) | null;
  onerror: ((e: Event) => void) | null;
  readonly readyState: number;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export const RECONNECT_DELAYS_MS = [500, 1000, 2000, 5000, 10000, 30000];

export interface EventStreamHandlers {
  onEvent(event: TeamEvent): void;
  /** The stream is open; `reconnect` when it was open before, so events may have been missed meanwhile. */
  onOpen(info: { reconnect: boolean }): void;
  /** A skipped `seq`: some events never arrived, so the caller should refetch. */
  onGap(): void;
  onDown?(): void;
}

export interface EventStream {
  close(): void;
  /** Whether the stream is open now. */
  readonly connected: boolean;
}

export function browserEventSource(url: string): EventSourceLike {
  return new EventSource(url, { withCredentials: true }) as unknown as EventSourceLike;
}

/** Opens the stream at `url` and keeps it open until `close()`. */
export function openEventStream(url: string, handlers: EventStreamHandlers, factory: EventSourceFactory = browserEventSource): EventStream {
  let source: EventSourceLike | null = null;
  let attempts = 0;
  let opened = false;
  let closed = false;
  let connected = false;
  let lastSeq: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const onMessage = (e: MessageEvent) => {
    let data: unknown;
    try {
      data = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
    } catch {
      return;
    }
    if (typeof data !== 'object' || data === null) return;
    const event = { ...(data as Record<string, unknown>), type: (data as { type?: string }).type ?? e.type } as TeamEvent;
    if (typeof event.seq === 'number') {
      if (lastSeq !== null && event.seq > lastSeq + 1) handlers.onGap();
      if (lastSeq === null || event.seq > lastSeq) lastSeq = event.seq;
    }
    handlers.onEvent(event);
  };

  function connect() {
    if (closed) return;
    const s = factory(url);
    source = s;
    for (const type of EVENT_TYPES) s.addEventListener(type, onMessage);
    s.onopen = () => {
      const reconnect = opened;
      opened = true;
      attempts = 0;
      connected = true;
      handlers.onOpen({ reconnect });
    };
    s.onerror = () => {
      if (connected) handlers.onDown?.();
      connected = false;
      // A closed source will not come back by itself (HTTP error); one still connecting retries itself,
      // but with its own fixed delay, so both are replaced on our schedule.
      s.close();
      if (source !== s || closed) return;
      source = null;
      const delay = RECONNECT_DELAYS_MS[Math.min(attempts, RECONNECT_DELAYS_MS.length - 1)]!;
      attempts++;
      timer = setTimeout(connect, delay);
    };
  }

  connect();
  return {
    close() {
      closed = true;
      connected = false;
      if (timer) clearTimeout(timer);
      source?.close();
      source = null;
    },
    get connected() {
      return connected;
    },
  };
}
