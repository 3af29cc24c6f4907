import type { Database } from '../storage';
import { events as eventStore } from '../storage';
import type { LiveEvent } from '../storage/events';

type Subscriber = (event: LiveEvent) => void;

/** How many recent sequence numbers are remembered to drop an event seen twice. */
const RECENT = 4096;

/**
 * Fans live events out to the subscribers of this instance. Events are journaled in the events
 * table in the transaction that makes them. With the embedded database there is one instance, and a
 * committed event is handed over directly. With a PostgreSQL server the transaction also NOTIFYs,
 * every instance LISTENs, and an instance whose LISTEN connection dropped reads the journal from the
 * last event it saw once it listens again, so no instance misses an event.
 */
export class EventBus {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly recent = new Map<string, { seqs: Set<number>; order: number[]; last: number }>();
  private stop: (() => Promise<void>) | null = null;
  /** Whether transactions should NOTIFY (a PostgreSQL server). */
  readonly notifies: boolean;

  constructor(private readonly db: Database) {
    this.notifies = db.kind === 'postgres';
  }

  async start(): Promise<void> {
    if (!this.notifies) return;
    this.stop = await this.db.listen(
      eventStore.EVENTS_CHANNEL,
      (payload) => {
        const { workspaceId, event } = JSON.parse(payload) as { workspaceId: string; event: LiveEvent };
        this.dispatch(workspaceId, event);
      },
      () => void this.catchUp(),
    );
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.stop = null;
    this.subscribers.clear();
  }

  /** Called after a transaction that journaled `event` committed. */
  committed(workspaceId: string, event: LiveEvent): void {
    if (!this.notifies) this.dispatch(workspaceId, event);
  }

  /** Adds a subscriber that has seen the events up to `sinceSeq` (so a reconnect catches up from there). */
  subscribe(workspaceId: string, subscriber: Subscriber, sinceSeq = 0): () => void {
    const seen = this.seen(workspaceId);
    seen.last = Math.max(seen.last, sinceSeq);
    let set = this.subscribers.get(workspaceId);
    if (!set) this.subscribers.set(workspaceId, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
    };
  }

  /** Subscribers on this instance (for the bench and tests). */
  subscriberCount(workspaceId: string): number {
    return this.subscribers.get(workspaceId)?.size ?? 0;
  }

  private dispatch(workspaceId: string, event: LiveEvent): void {
    const seen = this.seen(workspaceId);
    if (seen.seqs.has(event.seq)) return;
    seen.seqs.add(event.seq);
    seen.order.push(event.seq);
    seen.last = Math.max(seen.last, event.seq);
    if (seen.order.length > RECENT) seen.seqs.delete(seen.order.shift() ?? 0);
    for (const subscriber of this.subscribers.get(workspaceId) ?? []) subscriber(event);
  }

  private seen(workspaceId: string): { seqs: Set<number>; order: number[]; last: number } {
    let seen = this.recent.get(workspaceId);
    if (!seen) this.recent.set(workspaceId, (seen = { seqs: new Set(), order: [], last: 0 }));
    return seen;
  }

  /** After the LISTEN connection came back: what was journaled meanwhile, in order. */
  private async catchUp(): Promise<void> {
    for (const [workspaceId, seen] of this.recent) {
      // Transactions commit out of sequence order, so look back a little before the last one seen.
      const missed = await eventStore.eventsAfter(this.db.orm, workspaceId, Math.max(0, seen.last - 256)).catch(() => []);
      for (const event of missed) this.dispatch(workspaceId, event);
    }
  }
}
