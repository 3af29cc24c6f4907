import { events, rateLimits, sessions, type Database } from '../storage';

/** How long live events are kept for clients that reconnect (a week). */
export const EVENT_RETENTION_MS = 7 * 24 * 3600_000;

/**
 * Keeps the tables that only grow in bounds: expired sessions, rate-limit counters whose window
 * closed, and live events past their retention. Safe to run on every instance at once.
 */
export async function runMaintenance(db: Database, options: { rateWindowMs: number; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  await sessions.purgeExpiredSessions(db.orm, now);
  await rateLimits.pruneRateLimits(db.orm, new Date(now.getTime() - options.rateWindowMs));
  await events.pruneEvents(db.orm, new Date(now.getTime() - EVENT_RETENTION_MS));
}
