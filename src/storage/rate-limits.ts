import { eq, sql } from 'drizzle-orm';
import type { Orm } from './database';
import { rateLimits } from './schema';

/**
 * Counts one attempt under `key` in a fixed window of `windowMs` and returns the count so far in the
 * window (the first attempt of a new window counts 1). One statement, so concurrent attempts on any
 * instance are all counted.
 */
export async function hitRateLimit(orm: Orm, key: string, windowMs: number, now = new Date()): Promise<{ count: number; resetAt: Date }> {
  const windowOpen = new Date(now.getTime() - windowMs);
  const [row] = await orm
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowOpen.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowOpen.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  if (!row) throw new Error('the rate-limit counter was not stored');
  return { count: row.count, resetAt: new Date(row.windowStart.getTime() + windowMs) };
}

/** Forgets the attempts under `key` (after a successful sign-in). */
export async function clearRateLimit(orm: Orm, key: string): Promise<void> {
  await orm.delete(rateLimits).where(eq(rateLimits.key, key));
}
