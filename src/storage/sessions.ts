import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Orm } from './database';
import { accounts, sessions } from './schema';
import { hashSecret, newSecret } from './secrets';
import type { Account } from './accounts';

/** A signed-in session: the cookie value is returned once, the database keeps its hash. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(orm: Orm, accountId: string, ttlMs: number, now = new Date()): Promise<NewSession> {
  const token = newSecret('tfs_');
  const csrfToken = newSecret('');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await orm.insert(sessions).values({ idHash: hashSecret(token), accountId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** The live session of a cookie value, with its account; null when unknown or expired. */
export async function findSession(orm: Orm, token: string, now = new Date()): Promise<{ account: Account; csrfToken: string; expiresAt: Date; idHash: string } | null> {
  const [row] = await orm
    .select({ id: accounts.id, email: accounts.email, name: accounts.name, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt, idHash: sessions.idHash })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.idHash, hashSecret(token)), gt(sessions.expiresAt, now)));
  if (!row) return null;
  return { account: { id: row.id, email: row.email, name: row.name }, csrfToken: row.csrfToken, expiresAt: row.expiresAt, idHash: row.idHash };
}

export async function deleteSession(orm: Orm, token: string): Promise<void> {
  await orm.delete(sessions).where(eq(sessions.idHash, hashSecret(token)));
}

/** Signs an account out everywhere but the session kept (after a password change). */
export async function deleteOtherSessions(orm: Orm, accountId: string, keepIdHash: string | null): Promise<void> {
  await orm
    .delete(sessions)
    .where(keepIdHash ? and(eq(sessions.accountId, accountId), ne(sessions.idHash, keepIdHash)) : eq(sessions.accountId, accountId));
}

/** Drops expired sessions. */
export async function purgeExpiredSessions(orm: Orm, now = new Date()): Promise<void> {
  await orm.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** A live session by its stored hash. */
export async function findSessionByHash(orm: Orm, idHash: string, now = new Date()): Promise<{ csrfToken: string; expiresAt: Date } | null> {
  const [row] = await orm
    .select({ csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
  return row ?? null;
}
