import { and, asc, eq, sql } from 'drizzle-orm';
import type { Orm } from './database';
import { scenarios } from './schema';

/** A saved simulation scenario: its document as exported, and a version for If-Match. */
export interface ScenarioRow {
  id: string;
  name: string;
  document: string;
  version: number;
  updatedAt: Date;
}

const columns = { id: scenarios.id, name: scenarios.name, document: scenarios.document, version: scenarios.version, updatedAt: scenarios.updatedAt };

export async function listScenarios(orm: Orm, workspaceId: string): Promise<ScenarioRow[]> {
  return orm.select(columns).from(scenarios).where(eq(scenarios.workspaceId, workspaceId)).orderBy(asc(scenarios.name), asc(scenarios.id));
}

export async function getScenario(orm: Orm, workspaceId: string, id: string): Promise<ScenarioRow | null> {
  const [row] = await orm.select(columns).from(scenarios).where(and(eq(scenarios.workspaceId, workspaceId), eq(scenarios.id, id)));
  return row ?? null;
}

/**
 * Creates the scenario, or replaces it when `baseVersion` is its stored version (no base: create
 * only). 'stale' when the stored version differs or it already exists.
 */
export async function putScenario(
  orm: Orm,
  input: { workspaceId: string; id: string; name: string; document: string; baseVersion: number | null; updatedBy: string },
): Promise<{ ok: true; row: ScenarioRow; created: boolean } | { ok: false; current: number | null }> {
  if (input.baseVersion === null) {
    const rows = await orm
      .insert(scenarios)
      .values({ workspaceId: input.workspaceId, id: input.id, name: input.name, document: input.document, updatedBy: input.updatedBy })
      .onConflictDoNothing()
      .returning(columns);
    if (rows[0]) return { ok: true, row: rows[0], created: true };
  } else {
    const rows = await orm
      .update(scenarios)
      .set({ name: input.name, document: input.document, version: sql`${scenarios.version} + 1`, updatedAt: new Date(), updatedBy: input.updatedBy })
      .where(and(eq(scenarios.workspaceId, input.workspaceId), eq(scenarios.id, input.id), eq(scenarios.version, input.baseVersion)))
      .returning(columns);
    if (rows[0]) return { ok: true, row: rows[0], created: false };
  }
  const current = await getScenario(orm, input.workspaceId, input.id);
  return { ok: false, current: current?.version ?? null };
}

export async function deleteScenario(orm: Orm, workspaceId: string, id: string): Promise<boolean> {
  const rows = await orm.delete(scenarios).where(and(eq(scenarios.workspaceId, workspaceId), eq(scenarios.id, id))).returning({ id: scenarios.id });
  return rows.length > 0;
}
