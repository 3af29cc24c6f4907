import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Orm } from './database';
import { accounts, revisions, workflows, type RevisionKind } from './schema';

/** A workflow as listed: which revision is the head (draft) and which, if any, is live. */
export interface WorkflowRow {
  id: string;
  name: string;
  head: number;
  published: number | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  updatedAt: Date;
  updatedBy: string | null;
  updatedByName: string | null;
}

/** A revision's metadata (DESIGN revision model), without its document. */
export interface RevisionInfo {
  workflowId: string;
  number: number;
  base: number | null;
  kind: RevisionKind;
  author: string | null;
  authorName: string;
  createdAt: Date;
  message: string | null;
}

/** A revision with its document: the exported bytes, without comments. */
export interface Revision extends RevisionInfo {
  document: string;
}

const workflowColumns = {
  id: workflows.id,
  name: workflows.name,
  head: workflows.head,
  published: workflows.published,
  publishedAt: workflows.publishedAt,
  publishedBy: workflows.publishedBy,
  updatedAt: workflows.updatedAt,
  updatedBy: workflows.updatedBy,
  updatedByName: accounts.name,
};

const revisionInfoColumns = {
  workflowId: revisions.workflowId,
  number: revisions.number,
  base: revisions.base,
  kind: revisions.kind,
  author: revisions.author,
  authorName: revisions.authorName,
  createdAt: revisions.createdAt,
  message: revisions.message,
};

/** The workflows not deleted, by name; with `publishedOnly`, only those with a live revision. */
export async function listWorkflows(orm: Orm, workspaceId: string, options: { publishedOnly?: boolean } = {}): Promise<WorkflowRow[]> {
  return orm
    .select(workflowColumns)
    .from(workflows)
    .leftJoin(accounts, eq(accounts.id, workflows.updatedBy))
    .where(and(eq(workflows.workspaceId, workspaceId), isNull(workflows.deletedAt), options.publishedOnly ? isNotNull(workflows.published) : undefined))
    .orderBy(asc(workflows.name), asc(workflows.id));
}

export async function getWorkflow(orm: Orm, workspaceId: string, id: string): Promise<WorkflowRow | null> {
  const [row] = await orm
    .select(workflowColumns)
    .from(workflows)
    .leftJoin(accounts, eq(accounts.id, workflows.updatedBy))
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, id), isNull(workflows.deletedAt)));
  return row ?? null;
}

export async function getRevision(orm: Orm, workspaceId: string, workflowId: string, number: number): Promise<Revision | null> {
  const [row] = await orm
    .select({ ...revisionInfoColumns, document: revisions.document })
    .from(revisions)
    .where(and(eq(revisions.workspaceId, workspaceId), eq(revisions.workflowId, workflowId), eq(revisions.number, number)));
  return row ?? null;
}

/** Every revision of a workflow, newest first. */
export async function listRevisions(orm: Orm, workspaceId: string, workflowId: string): Promise<RevisionInfo[]> {
  return orm
    .select(revisionInfoColumns)
    .from(revisions)
    .where(and(eq(revisions.workspaceId, workspaceId), eq(revisions.workflowId, workflowId)))
    .orderBy(desc(revisions.number));
}

/** Who made a revision and why. */
export interface RevisionInput {
  document: string;
  name: string;
  kind: RevisionKind;
  message: string | null;
  author: string | null;
  authorName: string;
}

/**
 * Creates a workflow with its first revision. A workflow that was deleted comes back with its
 * history: the new revision follows the last one. Null when a live workflow has the id.
 */
export async function createWorkflow(orm: Orm, workspaceId: string, id: string, input: RevisionInput): Promise<RevisionInfo | null> {
  const [existing] = await orm
    .select({ head: workflows.head, deletedAt: workflows.deletedAt })
    .from(workflows)
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, id)))
    .for('update');
  if (existing && existing.deletedAt === null) return null;
  const number = existing ? existing.head + 1 : 1;
  const now = new Date();
  if (existing) {
    await orm
      .update(workflows)
      .set({ name: input.name, head: number, published: null, publishedAt: null, publishedBy: null, deletedAt: null, updatedAt: now, updatedBy: input.author })
      .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, id)));
  } else {
    await orm.insert(workflows).values({ workspaceId, id, name: input.name, head: number, createdAt: now, updatedAt: now, updatedBy: input.author });
  }
  return insertRevision(orm, workspaceId, id, number, existing ? existing.head : null, input, now);
}

async function insertRevision(orm: Orm, workspaceId: string, workflowId: string, number: number, base: number | null, input: RevisionInput, now: Date): Promise<RevisionInfo> {
  const [row] = await orm
    .insert(revisions)
    .values({ workspaceId, workflowId, number, base, kind: input.kind, author: input.author, authorName: input.authorName, createdAt: now, message: input.message, document: input.document })
    .returning(revisionInfoColumns);
  if (!row) throw new Error('the revision was not stored');
  return row;
}

/** The outcome of a save on a base revision. */
export type SaveOutcome =
  | { ok: true; revision: RevisionInfo; published: number | null }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'stale'; current: number };

/**
 * Adds a revision on `base`. The head moves only if it still is `base` (one conditional UPDATE, so
 * of several saves on the same base exactly one wins, on any instance); the others are told the
 * current head. Run it inside a transaction so the revision and the head move together.
 */
export async function saveRevision(orm: Orm, workspaceId: string, workflowId: string, base: number, input: RevisionInput): Promise<SaveOutcome> {
  const now = new Date();
  const [moved] = await orm
    .update(workflows)
    .set({ head: sql`${workflows.head} + 1`, name: input.name, updatedAt: now, updatedBy: input.author })
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, workflowId), eq(workflows.head, base), isNull(workflows.deletedAt)))
    .returning({ head: workflows.head, published: workflows.published });
  if (!moved) {
    const current = await getWorkflow(orm, workspaceId, workflowId);
    return current ? { ok: false, reason: 'stale', current: current.head } : { ok: false, reason: 'missing' };
  }
  return { ok: true, revision: await insertRevision(orm, workspaceId, workflowId, moved.head, base, input, now), published: moved.published };
}

/** Makes `revision` the live one (the caller has validated it); false when the workflow is gone. */
export async function publishRevision(orm: Orm, workspaceId: string, workflowId: string, revision: number, by: string): Promise<boolean> {
  const rows = await orm
    .update(workflows)
    .set({ published: revision, publishedAt: new Date(), publishedBy: by })
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, workflowId), isNull(workflows.deletedAt)))
    .returning({ id: workflows.id });
  return rows.length > 0;
}

export async function unpublish(orm: Orm, workspaceId: string, workflowId: string): Promise<boolean> {
  const rows = await orm
    .update(workflows)
    .set({ published: null, publishedAt: null, publishedBy: null })
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, workflowId), isNull(workflows.deletedAt)))
    .returning({ id: workflows.id });
  return rows.length > 0;
}

/** Deletes a workflow (its revisions stay, so recreating the id keeps history); false when already gone. */
export async function deleteWorkflow(orm: Orm, workspaceId: string, workflowId: string, by: string): Promise<boolean> {
  const rows = await orm
    .update(workflows)
    .set({ deletedAt: new Date(), published: null, publishedAt: null, publishedBy: null, updatedBy: by })
    .where(and(eq(workflows.workspaceId, workspaceId), eq(workflows.id, workflowId), isNull(workflows.deletedAt)))
    .returning({ id: workflows.id });
  return rows.length > 0;
}

/** A deleted workflow as the trash lists it: when it was deleted, and the document of its last revision. */
export interface DeletedWorkflow {
  id: string;
  name: string;
  head: number;
  deletedAt: Date;
  /** The head revision's exported bytes, without comments. */
  document: string;
}

/**
 * The deleted workflows, the most recently deleted first, at most `limit`. Deleting keeps every
 * revision, so each comes with its head's document; creating the id again brings it back with its history.
 */
export async function listDeleted(orm: Orm, workspaceId: string, limit: number): Promise<DeletedWorkflow[]> {
  const rows = await orm
    .select({ id: workflows.id, name: workflows.name, head: workflows.head, deletedAt: workflows.deletedAt, document: revisions.document })
    .from(workflows)
    .innerJoin(revisions, and(eq(revisions.workspaceId, workflows.workspaceId), eq(revisions.workflowId, workflows.id), eq(revisions.number, workflows.head)))
    .where(and(eq(workflows.workspaceId, workspaceId), isNotNull(workflows.deletedAt)))
    .orderBy(desc(workflows.deletedAt), asc(workflows.id))
    .limit(limit);
  return rows.flatMap((r) => (r.deletedAt ? [{ ...r, deletedAt: r.deletedAt }] : []));
}
