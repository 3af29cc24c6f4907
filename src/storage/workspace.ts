import { and, eq, sql } from 'drizzle-orm';
import type { Orm } from './database';
import { workspaces } from './schema';

/** The team workspace: its name, the help-desk settings (a src/model Workspace) and a version for If-Match. */
export interface WorkspaceRow {
  id: string;
  name: string;
  settings: unknown;
  version: number;
  updatedAt: Date;
}

const columns = { id: workspaces.id, name: workspaces.name, settings: workspaces.settings, version: workspaces.version, updatedAt: workspaces.updatedAt };

export async function createWorkspace(orm: Orm, input: { id: string; name: string; settings: unknown }): Promise<WorkspaceRow> {
  const [row] = await orm.insert(workspaces).values(input).returning(columns);
  if (!row) throw new Error('the workspace was not stored');
  return row;
}

/** The first workspace (a server holds one team workspace), or null before setup. */
export async function firstWorkspace(orm: Orm): Promise<WorkspaceRow | null> {
  const [row] = await orm.select(columns).from(workspaces).orderBy(workspaces.createdAt).limit(1);
  return row ?? null;
}

export async function getWorkspace(orm: Orm, id: string): Promise<WorkspaceRow | null> {
  const [row] = await orm.select(columns).from(workspaces).where(eq(workspaces.id, id));
  return row ?? null;
}

/** Saves new settings when `baseVersion` is still the stored one; null when it is not (409). */
export async function saveWorkspace(
  orm: Orm,
  input: { id: string; baseVersion: number; settings: unknown; name?: string; updatedBy: string },
): Promise<WorkspaceRow | null> {
  const [row] = await orm
    .update(workspaces)
    .set({
      settings: input.settings,
      ...(input.name !== undefined ? { name: input.name } : {}),
      version: sql`${workspaces.version} + 1`,
      updatedAt: new Date(),
      updatedBy: input.updatedBy,
    })
    .where(and(eq(workspaces.id, input.id), eq(workspaces.version, input.baseVersion)))
    .returning(columns);
  return row ?? null;
}
