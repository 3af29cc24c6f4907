import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Workspace } from '../../model';
import { workspace as workspaceStore } from '../../storage';
import type { RevisionInfo, WorkflowRow } from '../../storage/workflows';
import type { ServerContext } from '../context';
import { ApiProblem } from '../problems';

/** The help-desk settings of the team workspace, which documents are checked against. */
export async function currentWorkspace(ctx: ServerContext): Promise<{ id: string; settings: Workspace }> {
  const id = await ctx.workspaceId();
  const row = await workspaceStore.getWorkspace(ctx.db.orm, id);
  if (!row) throw new ApiProblem('not-set-up', 'The workspace is missing.');
  return { id, settings: row.settings as Workspace };
}

/**
 * The version a request says it changed, from If-Match: an ETag this server gave ("wf.r12",
 * "ws.v3") or a bare number. 428 when missing, 400 when unreadable.
 */
export function ifMatch(request: FastifyRequest, what: string): number {
  const header = request.headers['if-match'];
  if (header === undefined) throw new ApiProblem('precondition-required', `Send If-Match with the ${what} you started from, so a newer one is never overwritten.`);
  const match = /^\s*(?:W\/)?"?(?:.*\.[rv])?(\d+)"?\s*$/.exec(String(header));
  if (!match) throw new ApiProblem('bad-request', `If-Match "${String(header).slice(0, 100)}" names no ${what}; send the ETag you received.`);
  return Number(match[1]);
}

/** Whether If-None-Match names this ETag (then the answer is 304). */
export function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag);
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return String(header)
    .split(',')
    .map((s) => s.trim().replace(/^W\//, ''))
    .some((s) => s === etag || s === '*');
}

export function workflowEtag(id: string, revision: number): string {
  return `"${id}.r${revision}"`;
}

export function summary(row: WorkflowRow) {
  return {
    id: row.id,
    name: row.name,
    head: row.head,
    published: row.published,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy ? { id: row.updatedBy, name: row.updatedByName ?? '' } : null,
  };
}

export function revisionBody(r: RevisionInfo, published: number | null) {
  return {
    workflowId: r.workflowId,
    number: r.number,
    base: r.base,
    kind: r.kind,
    author: r.author,
    authorName: r.authorName,
    createdAt: r.createdAt.toISOString(),
    message: r.message,
    published: r.number === published,
  };
}

/** A positive integer from a query parameter, or 400. */
export const RevisionNumber = z.coerce.number().int().min(1);
