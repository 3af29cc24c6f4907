import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Orm } from './database';
import { accounts, apiTokens, type TokenScope } from './schema';
import { hashSecret, newId, newSecret } from './secrets';

/** An API token as listed (never with its secret). */
export interface ApiToken {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: Date;
  createdBy: string;
  createdByName: string;
  lastUsedAt: Date | null;
}

/** Creates a token; the secret ("tf_…") is returned this once and stored hashed. */
export async function createToken(
  orm: Orm,
  input: { workspaceId: string; name: string; scope: TokenScope; createdBy: string },
): Promise<{ id: string; secret: string }> {
  const secret = newSecret('tf_');
  const id = newId('tok_');
  await orm.insert(apiTokens).values({ id, workspaceId: input.workspaceId, name: input.name, scope: input.scope, tokenHash: hashSecret(secret), createdBy: input.createdBy });
  return { id, secret };
}

export async function listTokens(orm: Orm, workspaceId: string): Promise<ApiToken[]> {
  return orm
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      createdBy: apiTokens.createdBy,
      createdByName: accounts.name,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.createdBy))
    .where(and(eq(apiTokens.workspaceId, workspaceId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

/** The live token of a secret; records its use. */
export async function useToken(orm: Orm, secret: string, now = new Date()): Promise<{ id: string; name: string; scope: TokenScope; workspaceId: string } | null> {
  const rows = await orm
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.tokenHash, hashSecret(secret)), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope, workspaceId: apiTokens.workspaceId });
  return rows[0] ?? null;
}

export async function revokeToken(orm: Orm, workspaceId: string, id: string): Promise<{ name: string } | null> {
  const rows = await orm
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ name: apiTokens.name });
  return rows[0] ?? null;
}
