import { createHash } from 'node:crypto';
import { audit, scenarios, workflows, workspace as workspaceStore, type RevisionKind } from '../../storage';
import { z } from 'zod';
import { exportBundle, hasErrors } from '../../document';
import { TRASH_LIMIT, type Scenario, type WorkflowDocument } from '../../model';
import { PublishBodySchema, PublishedSchema, RevisionsSchema, SavedSchema, TrashSchema, WorkflowsSchema } from '../api-schemas';
import { actorOf, route, type AnyRoute, type RouteCall } from '../context';
import { importNotes, readScenario, readWorkflow, requireDocument, revisionBytes, workflowProblems } from '../core';
import { ApiProblem } from '../problems';
import { currentWorkspace, ifMatch, notModified, RevisionNumber, revisionBody, summary, workflowEtag } from './shared';

const TAG = 'Workflows';
const MessageQuery = { description: 'An optional message for the revision (history shows it).', schema: z.string().max(2000) };

/** Reads a workflow document body with the core; 422 when it cannot be read or its id differs. */
async function readBody(call: RouteCall<unknown>, expectedId?: string) {
  const ws = await currentWorkspace(call.ctx);
  const verdict = readWorkflow(call.text, ws.settings);
  const document = requireDocument(verdict, 'workflow document');
  if (expectedId !== undefined && document.workflow.id !== expectedId) {
    throw new ApiProblem('invalid-document', `The document is workflow "${document.workflow.id}", not "${expectedId}"; nothing was stored.`);
  }
  return { ws, verdict, document };
}

function author(call: RouteCall<unknown>) {
  const actor = actorOf(call.principal);
  return { author: actor.account, authorName: actor.name };
}

export const workflowRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/bundle',
    permission: 'read',
    tag: TAG,
    summary: 'The whole workspace in one file: help desk, workflows and scenarios (a ticketflow.bundle)',
    description:
      'With state=published (the default for API tokens) the live revision of each published workflow, which is what a backend pulls in CI; with state=head the drafts. Deterministic bytes, ETag over the revisions it holds.',
    query: { state: { description: 'published or head.', schema: z.enum(['published', 'head']) } },
    responses: { 200: { description: 'The bundle.', schema: z.record(z.string(), z.unknown()) }, 304: { description: 'Not modified.' } },
    handler: async ({ ctx, query, principal, request, reply }) => {
      const ws = await currentWorkspace(ctx);
      const live = query.state === 'published' || (principal.kind === 'token' && query.state !== 'head');
      const rows = await workflows.listWorkflows(ctx.db.orm, ws.id, { publishedOnly: live });
      const documents: WorkflowDocument[] = [];
      const held: string[] = [];
      for (const row of rows) {
        const number = live ? row.published : row.head;
        if (number === null) continue;
        const revision = await workflows.getRevision(ctx.db.orm, ws.id, row.id, number);
        const doc = revision ? readWorkflow(revision.document, ws.settings).value : null;
        if (doc) {
          documents.push(doc);
          held.push(`${row.id}.r${number}`);
        }
      }
      const stored = await scenarios.listScenarios(ctx.db.orm, ws.id);
      const scenarioDocs = stored.map((s) => readScenario(s.document, ws.settings).value).filter((s): s is Scenario => s !== null);
      const wsRow = await workspaceStore.getWorkspace(ctx.db.orm, ws.id);
      const tag = `"bundle.${createHash('sha256').update([`ws.v${wsRow?.version ?? 0}`, ...held, ...stored.map((s) => `${s.id}.v${s.version}`)].join(',')).digest('hex').slice(0, 32)}"`;
      if (notModified(request, reply, tag)) {
        reply.code(304);
        return null;
      }
      reply.type('application/json; charset=utf-8');
      return exportBundle({ workspace: ws.settings, workflows: documents, scenarios: scenarioDocs });
    },
  }),
  route({
    method: 'GET',
    url: '/workflows',
    permission: 'read',
    tag: TAG,
    summary: 'The workflows, with their head (draft) and published (live) revisions',
    description: 'With state=published only the live ones. An API token always gets only the live ones.',
    query: { state: { description: '"published" for the live workflows only.', schema: z.enum(['published', 'all']) } },
    responses: { 200: { description: 'The workflows.', schema: WorkflowsSchema } },
    handler: async ({ ctx, query, principal }) => {
      const publishedOnly = query.state === 'published' || principal.kind === 'token';
      return { workflows: (await workflows.listWorkflows(ctx.db.orm, await ctx.workspaceId(), { publishedOnly })).map(summary) };
    },
  }),
  route({
    method: 'POST',
    url: '/workflows',
    permission: 'edit',
    tag: TAG,
    summary: 'Create a workflow from a document (revision 1)',
    description: 'The body is a workflow document (any supported schemaVersion); the core reads and checks it first. "enabled" in the file never publishes.',
    document: { schema: 'workflow', description: 'A workflow document.' },
    query: { kind: { description: 'create (default) or import.', schema: z.enum(['create', 'import']) }, message: MessageQuery },
    responses: {
      201: { description: 'Stored; the problems are what the core found (errors block publishing, not saving).', schema: SavedSchema },
      409: { description: 'A workflow with this id exists.' },
      422: { description: 'The core could not read the document.' },
    },
    handler: async (call) => {
      const { ctx, reply, query } = call;
      const { ws, verdict, document } = await readBody(call);
      const id = document.workflow.id;
      const kind: RevisionKind = query.kind === 'import' ? 'import' : 'create';
      const revision = await ctx.transaction(async (tx, emit) => {
        const made = await workflows.createWorkflow(tx, ws.id, id, { document: revisionBytes(document), name: document.workflow.name, kind, message: query.message ?? null, ...author(call) });
        if (!made) throw new ApiProblem('exists', `A workflow with the id "${id}" exists; save a revision of it with PUT /api/v1/workflows/${id}.`);
        await audit.appendAudit(tx, { workspaceId: ws.id, actor: actorOf(call.principal), action: 'workflow.created', target: id, detail: { revision: made.number, kind } });
        await emit('workflow.saved', { workflowId: id, revision: made.number, base: made.base, kind, authorName: made.authorName });
        return made;
      });
      reply.code(201).header('location', `/api/v1/workflows/${encodeURIComponent(id)}`).header('etag', workflowEtag(id, revision.number));
      return { revision: revisionBody(revision, null), problems: verdict.problems, notes: [...verdict.notes, ...importNotes(document, revision.number)] };
    },
  }),
  route({
    method: 'GET',
    url: '/workflows/:id',
    permission: 'read',
    tag: TAG,
    summary: 'The exact exported bytes of a revision',
    description:
      'Without revision: the live (published) revision for API tokens and with state=published, the head (draft) otherwise. ETag "<id>.r<n>"; If-None-Match gives 304. X-Revision and X-Published-Revision say which.',
    query: {
      revision: { description: 'Any revision number.', schema: RevisionNumber },
      state: { description: '"published" for the live revision.', schema: z.enum(['published', 'head']) },
    },
    headers: { 'if-none-match': { description: 'An ETag received before.' } },
    responses: {
      200: { description: 'The workflow document, without comments.', document: 'workflow' },
      304: { description: 'Not modified.' },
      404: { description: 'No such workflow or revision, or (live) the workflow is not published.' },
    },
    handler: async ({ ctx, params, query, principal, request, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      const wf = await workflows.getWorkflow(ctx.db.orm, workspaceId, id);
      if (!wf) throw new ApiProblem('not-found', `No workflow has the id "${id}".`);
      let number: number;
      if (query.revision !== undefined) number = RevisionNumber.parse(query.revision);
      else if (query.state === 'published' || (principal.kind === 'token' && query.state !== 'head')) {
        if (wf.published === null) throw new ApiProblem('not-found', `Workflow "${id}" is not published (it is off).`);
        number = wf.published;
      } else number = wf.head;
      const revision = await workflows.getRevision(ctx.db.orm, workspaceId, id, number);
      if (!revision) throw new ApiProblem('not-found', `Workflow "${id}" has no revision ${number}; its latest is ${wf.head}.`);
      reply.header('x-revision', String(number)).header('x-published-revision', wf.published === null ? 'none' : String(wf.published)).header('cache-control', 'no-cache');
      if (notModified(request, reply, workflowEtag(id, number))) {
        reply.code(304);
        return null;
      }
      reply.type('application/json; charset=utf-8');
      return revision.document;
    },
  }),
  route({
    method: 'PUT',
    url: '/workflows/:id',
    permission: 'edit',
    tag: TAG,
    summary: 'Save a new revision on a base revision',
    description:
      'If-Match names the base revision. A stale base is refused with 409 and the current revision, never overwritten. The core reads the document first: one it cannot read is 422; the problems it finds come back (errors block publishing, not saving).',
    document: { schema: 'workflow', description: 'The workflow document (comments are ignored: they have their own routes).' },
    headers: { 'if-match': { description: 'The ETag (or number) of the base revision.', required: true } },
    query: { kind: { description: 'save (default), checkpoint (autosave), restore or publish.', schema: z.enum(['save', 'checkpoint', 'restore', 'publish']) }, message: MessageQuery },
    responses: {
      200: { description: 'Stored as the new head.', schema: SavedSchema },
      409: { description: 'The base is not the head any more; current is the head.' },
      422: { description: 'The core could not read the document.' },
      428: { description: 'If-Match is missing.' },
    },
    handler: async (call) => {
      const { ctx, params, query, request, reply } = call;
      const id = params.id ?? '';
      const base = ifMatch(request, 'revision');
      const { ws, verdict, document } = await readBody(call, id);
      const kind = (query.kind ?? 'save') as RevisionKind;
      const outcome = await ctx.transaction(async (tx, emit) => {
        const saved = await workflows.saveRevision(tx, ws.id, id, base, { document: revisionBytes(document), name: document.workflow.name, kind, message: query.message ?? null, ...author(call) });
        if (!saved.ok) return saved;
        await audit.appendAudit(tx, { workspaceId: ws.id, actor: actorOf(call.principal), action: 'workflow.saved', target: id, detail: { revision: saved.revision.number, base, kind } });
        await emit('workflow.saved', { workflowId: id, revision: saved.revision.number, base, kind, authorName: saved.revision.authorName });
        return saved;
      });
      if (!outcome.ok) {
        if (outcome.reason === 'missing') throw new ApiProblem('not-found', `No workflow has the id "${id}"; create it with POST /api/v1/workflows.`);
        throw new ApiProblem('conflict', `Revision ${base} is not the latest: revision ${outcome.current} was saved since. Nothing was overwritten.`, { current: outcome.current });
      }
      reply.header('etag', workflowEtag(id, outcome.revision.number));
      return { revision: revisionBody(outcome.revision, outcome.published), problems: verdict.problems, notes: verdict.notes };
    },
  }),
  route({
    method: 'DELETE',
    url: '/workflows/:id',
    permission: 'edit',
    tag: TAG,
    summary: 'Delete a workflow (it stops being live; its revisions are kept)',
    headers: { 'if-match': { description: 'Optional: the revision the deletion was decided on; 409 when a newer one exists.' } },
    responses: { 204: { description: 'Deleted.' }, 404: { description: 'No such workflow.' }, 409: { description: 'A newer revision was saved since the one named.' } },
    handler: async ({ ctx, params, principal, reply, request }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      const base = request.headers['if-match'] === undefined ? null : ifMatch(request, 'revision');
      await ctx.transaction(async (tx, emit) => {
        if (base !== null) {
          const wf = await workflows.getWorkflow(tx, workspaceId, id);
          if (wf && wf.head !== base) throw new ApiProblem('conflict', `Revision ${base} is not the latest: revision ${wf.head} was saved since. Nothing was deleted.`, { current: wf.head });
        }
        if (!(await workflows.deleteWorkflow(tx, workspaceId, id, actorOf(principal).account ?? ''))) throw new ApiProblem('not-found', `No workflow has the id "${id}".`);
        await audit.appendAudit(tx, { workspaceId, actor: actorOf(principal), action: 'workflow.deleted', target: id });
        await emit('workflow.deleted', { workflowId: id });
      });
      reply.code(204);
      return null;
    },
  }),
  route({
    method: 'GET',
    url: '/trash',
    permission: 'edit',
    tag: TAG,
    summary: 'The deleted workflows, most recently deleted first (at most 50), each with its last revision',
    description:
      'Deleting keeps every revision, so a deleted workflow can come back: create it again under its id (POST /workflows) and its history continues. This list is what the app\'s trash shows after a reload.',
    responses: { 200: { description: 'The deleted workflows.', schema: TrashSchema } },
    handler: async ({ ctx }) => {
      const workspaceId = await ctx.workspaceId();
      const rows = await workflows.listDeleted(ctx.db.orm, workspaceId, TRASH_LIMIT);
      return {
        workflows: rows.map((r) => ({ id: r.id, name: r.name, revision: r.head, deletedAt: r.deletedAt.toISOString(), document: JSON.parse(r.document) as Record<string, unknown> })),
      };
    },
  }),
  route({
    method: 'GET',
    url: '/workflows/:id/revisions',
    permission: 'read',
    tag: TAG,
    summary: 'Every revision of a workflow, newest first',
    responses: { 200: { description: 'The revisions.', schema: RevisionsSchema }, 404: { description: 'No such workflow.' } },
    handler: async ({ ctx, params }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      const wf = await workflows.getWorkflow(ctx.db.orm, workspaceId, id);
      if (!wf) throw new ApiProblem('not-found', `No workflow has the id "${id}".`);
      const list = await workflows.listRevisions(ctx.db.orm, workspaceId, id);
      return { workflowId: id, head: wf.head, published: wf.published, revisions: list.map((r) => revisionBody(r, wf.published)) };
    },
  }),
  route({
    method: 'POST',
    url: '/workflows/:id/publish',
    permission: 'edit',
    tag: TAG,
    summary: 'Publish a revision: it becomes the live one',
    description: 'The core checks the revision against the workspace as it is now; any error refuses it with 422 and the problems.',
    body: PublishBodySchema,
    responses: {
      200: { description: 'Published.', schema: PublishedSchema },
      404: { description: 'No such workflow or revision.' },
      422: { description: 'The revision has errors.' },
    },
    handler: async ({ ctx, params, body, principal }) => {
      const ws = await currentWorkspace(ctx, { fresh: true });
      const id = params.id ?? '';
      const revision = await workflows.getRevision(ctx.db.orm, ws.id, id, body.revision);
      if (!revision || !(await workflows.getWorkflow(ctx.db.orm, ws.id, id))) throw new ApiProblem('not-found', `Workflow "${id}" has no revision ${body.revision}.`);
      const verdict = readWorkflow(revision.document, ws.settings);
      const problems = verdict.value ? workflowProblems(verdict.value as WorkflowDocument, ws.settings) : verdict.problems;
      if (hasErrors(problems)) {
        throw new ApiProblem('invalid-document', `Revision ${body.revision} of "${id}" has errors, so it was not published; fix them and save.`, { problems });
      }
      const actor = actorOf(principal);
      return ctx.transaction(async (tx, emit) => {
        if (!(await workflows.publishRevision(tx, ws.id, id, body.revision, actor.account ?? ''))) throw new ApiProblem('not-found', `No workflow has the id "${id}".`);
        await audit.appendAudit(tx, { workspaceId: ws.id, actor, action: 'workflow.published', target: id, detail: { revision: body.revision } });
        await emit('workflow.published', { workflowId: id, revision: body.revision, published: body.revision, authorName: actor.name });
        const wf = await workflows.getWorkflow(tx, ws.id, id);
        return { workflowId: id, published: wf?.published ?? null, publishedAt: wf?.publishedAt?.toISOString() ?? null };
      });
    },
  }),
  route({
    method: 'DELETE',
    url: '/workflows/:id/publish',
    permission: 'edit',
    tag: TAG,
    summary: 'Unpublish: the workflow is off (no live revision)',
    responses: { 200: { description: 'Unpublished.', schema: PublishedSchema }, 404: { description: 'No such workflow.' } },
    handler: async ({ ctx, params, principal }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      const actor = actorOf(principal);
      return ctx.transaction(async (tx, emit) => {
        if (!(await workflows.unpublish(tx, workspaceId, id))) throw new ApiProblem('not-found', `No workflow has the id "${id}".`);
        await audit.appendAudit(tx, { workspaceId, actor, action: 'workflow.unpublished', target: id });
        await emit('workflow.published', { workflowId: id, revision: null, published: null, authorName: actor.name });
        return { workflowId: id, published: null, publishedAt: null };
      });
    },
  }),
];
