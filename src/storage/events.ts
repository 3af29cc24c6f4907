import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Orm } from './database';
import { events } from './schema';

/** The NOTIFY channel live events travel on between instances sharing one PostgreSQL. */
export const EVENTS_CHANNEL = 'ticketflow_events';

/** A live event as clients receive it: its type, what it concerns, and its sequence number. */
export interface LiveEvent {
  type: string;
  seq: number;
  workflowId?: string;
  revision?: number;
  [key: string]: unknown;
}

/**
 * Journals an event in the current transaction and returns it with its sequence number. With
 * `notify`, a NOTIFY carrying it is queued too: PostgreSQL delivers it to every listening instance
 * when, and only if, the transaction commits.
 */
export async function appendEvent(
  orm: Orm,
  workspaceId: string,
  type: string,
  payload: Record<string, unknown>,
  options: { notify: boolean },
): Promise<LiveEvent> {
  const [row] = await orm.insert(events).values({ workspaceId, type, payload }).returning({ seq: events.seq });
  if (!row) throw new Error('the event was not stored');
  const event: LiveEvent = { ...payload, type, seq: row.seq };
  if (options.notify) await orm.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ workspaceId, event })})`);
  return event;
}

/** The events after `seq`, oldest first (a client that reconnects with Last-Event-ID catches up). */
export async function eventsAfter(orm: Orm, workspaceId: string, seq: number, limit = 1000): Promise<LiveEvent[]> {
  const rows = await orm
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), gt(events.seq, seq)))
    .orderBy(asc(events.seq))
    .limit(limit);
  return rows.map((r) => ({ ...r.payload, type: r.type, seq: r.seq }));
}

/** The latest sequence number (0 when none). */
export async function lastEventSeq(orm: Orm, workspaceId: string): Promise<number> {
  const [row] = await orm.select({ seq: sql<number>`coalesce(max(${events.seq}), 0)` }).from(events).where(eq(events.workspaceId, workspaceId));
  return Number(row?.seq ?? 0);
}
