import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { Orm } from './database';
import { accounts, invites, members, type Role } from './schema';
import { hashSecret, newId, newSecret } from './secrets';

/** An account as the rest of the server sees it (never with its password hash). */
export interface Account {
  id: string;
  email: string;
  name: string;
}

/** Emails are compared without case and surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function countAccounts(orm: Orm): Promise<number> {
  const [row] = await orm.select({ n: count() }).from(accounts);
  return Number(row?.n ?? 0);
}

export async function createAccount(orm: Orm, input: { email: string; name: string; passwordHash: string }): Promise<Account> {
  const [row] = await orm
    .insert(accounts)
    .values({ id: newId('acc_'), email: normalizeEmail(input.email), name: input.name, passwordHash: input.passwordHash })
    .returning({ id: accounts.id, email: accounts.email, name: accounts.name });
  if (!row) throw new Error('the account was not stored');
  return row;
}

/** The account with that email and its password hash, for signing in. */
export async function findAccountForSignIn(orm: Orm, email: string): Promise<(Account & { passwordHash: string }) | null> {
  const [row] = await orm
    .select({ id: accounts.id, email: accounts.email, name: accounts.name, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.email, normalizeEmail(email)));
  return row ?? null;
}

export async function getPasswordHash(orm: Orm, accountId: string): Promise<string | null> {
  const [row] = await orm.select({ h: accounts.passwordHash }).from(accounts).where(eq(accounts.id, accountId));
  return row?.h ?? null;
}

export async function setPasswordHash(orm: Orm, accountId: string, passwordHash: string): Promise<void> {
  await orm.update(accounts).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(accounts.id, accountId));
}

/** A member of a workspace: the account and its role there. */
export interface Member extends Account {
  role: Role;
  since: Date;
}

export async function addMember(orm: Orm, workspaceId: string, accountId: string, role: Role): Promise<void> {
  await orm.insert(members).values({ workspaceId, accountId, role });
}

export async function listMembers(orm: Orm, workspaceId: string): Promise<Member[]> {
  return orm
    .select({ id: accounts.id, email: accounts.email, name: accounts.name, role: members.role, since: members.createdAt })
    .from(members)
    .innerJoin(accounts, eq(accounts.id, members.accountId))
    .where(eq(members.workspaceId, workspaceId))
    .orderBy(asc(members.createdAt), asc(accounts.email));
}

export async function getMember(orm: Orm, workspaceId: string, accountId: string): Promise<Member | null> {
  const [row] = await orm
    .select({ id: accounts.id, email: accounts.email, name: accounts.name, role: members.role, since: members.createdAt })
    .from(members)
    .innerJoin(accounts, eq(accounts.id, members.accountId))
    .where(and(eq(members.workspaceId, workspaceId), eq(members.accountId, accountId)));
  return row ?? null;
}

export async function setRole(orm: Orm, workspaceId: string, accountId: string, role: Role): Promise<boolean> {
  const rows = await orm
    .update(members)
    .set({ role })
    .where(and(eq(members.workspaceId, workspaceId), eq(members.accountId, accountId)))
    .returning({ id: members.accountId });
  return rows.length > 0;
}

export async function removeMember(orm: Orm, workspaceId: string, accountId: string): Promise<boolean> {
  const rows = await orm
    .delete(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.accountId, accountId)))
    .returning({ id: members.accountId });
  return rows.length > 0;
}

export async function countAdmins(orm: Orm, workspaceId: string): Promise<number> {
  const [row] = await orm
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.role, 'admin')));
  return Number(row?.n ?? 0);
}

/** A one-time invitation: the token is returned once and stored hashed. */
export async function createInvite(
  orm: Orm,
  input: { workspaceId: string; email: string; role: Role; createdBy: string; ttlMs: number; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret('tfi_');
  const expiresAt = new Date((input.now ?? new Date()).getTime() + input.ttlMs);
  await orm.insert(invites).values({
    tokenHash: hashSecret(token),
    workspaceId: input.workspaceId,
    email: normalizeEmail(input.email),
    role: input.role,
    createdBy: input.createdBy,
    expiresAt,
  });
  return { token, expiresAt };
}

/** An invite still open (not accepted, not expired). */
export async function findOpenInvite(orm: Orm, token: string, now = new Date()) {
  const [row] = await orm
    .select()
    .from(invites)
    .where(and(eq(invites.tokenHash, hashSecret(token)), isNull(invites.acceptedAt), gt(invites.expiresAt, now)));
  return row ?? null;
}

/** Marks the invite used; false when another request used it first. */
export async function markInviteAccepted(orm: Orm, token: string, accountId: string): Promise<boolean> {
  const rows = await orm
    .update(invites)
    .set({ acceptedAt: new Date(), acceptedBy: accountId })
    .where(and(eq(invites.tokenHash, hashSecret(token)), isNull(invites.acceptedAt)))
    .returning({ t: invites.tokenHash });
  return rows.length > 0;
}
