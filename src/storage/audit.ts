import { and, desc, eq, lt } from 'drizzle-orm';
import type { Orm } from './database';
import { auditLog } from './schema';

/** Who acted: an account, an API token, or nobody yet (setup, a failed sign-in). */
export interface Actor {
  account: string | null;
  token: string | null;
  name: string;
}

/** One line of the audit log. */
export interface AuditEntry {
  seq: number;
  at: Date;
  actor: Actor;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export async function appendAudit(
  orm: Orm,
  input: { workspaceId: string; actor: Actor; action: string; target?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await orm.insert(auditLog).values({
    workspaceId: input.workspaceId,
    actorAccount: input.actor.account,
    actorToken: input.actor.token,
    actorName: input.actor.name,
    action: input.action,
    target: input.target ?? null,
    detail: input.detail ?? {},
  });
}

/** The newest entries first; `before` pages back from a sequence number. */
export async function listAudit(orm: Orm, workspaceId: string, options: { limit: number; before?: number }): Promise<AuditEntry[]> {
  const rows = await orm
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), options.before !== undefined ? lt(auditLog.seq, options.before) : undefined))
    .orderBy(desc(auditLog.seq))
    .limit(options.limit);
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: { account: r.actorAccount, token: r.actorToken, name: r.actorName },
    action: r.action,
    target: r.target,
    detail: r.detail,
  }));
}
