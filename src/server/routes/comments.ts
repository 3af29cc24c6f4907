import { audit, comments, workflows } from '../../storage';
import type { StoredThread } from '../../storage/comments';
import { CommentBodySchema, CommentPatchSchema, CommentsSchema, CommentThreadSchema, ReplyBodySchema } from '../api-schemas';
import { actorOf, route, type AnyRoute } from '../context';
import { ApiProblem } from '../problems';

const TAG = 'Comments';

function threadBody(t: StoredThread) {
  return {
    id: t.id,
    workflowId: t.workflowId,
    target: t.target,
    revision: t.revision,
    resolved: t.resolved,
    resolvedBy: t.resolvedBy,
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    messages: t.messages.map((m) => ({ id: m.id, author: m.author.id, authorName: m.author.name, at: m.at.toISOString(), text: m.text })),
  };
}

export const commentRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/workflows/:id/comments',
    permission: 'team',
    tag: TAG,
    summary: 'The comment threads of a workflow, including those on actions a later revision removed',
    responses: { 200: { description: 'The threads, oldest first.', schema: CommentsSchema }, 404: { description: 'No such workflow.' } },
    handler: async ({ ctx, params }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      if (!(await workflows.getWorkflow(ctx.db.orm, workspaceId, id))) throw new ApiProblem('not-found', `No workflow has the id "${id}".`);
      return { comments: (await comments.listThreads(ctx.db.orm, workspaceId, id)).map(threadBody) };
    },
  }),
  route({
    method: 'POST',
    url: '/workflows/:id/comments',
    permission: 'comment',
    tag: TAG,
    summary: 'Start a thread on an action bubble or the trigger card',
    body: CommentBodySchema,
    responses: {
      201: { description: 'The new thread.', schema: CommentThreadSchema },
      200: { description: 'The thread stored earlier under the same key (nothing was added).', schema: CommentThreadSchema },
      404: { description: 'No such workflow.' },
    },
    handler: async ({ ctx, params, body, principal, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      const actor = actorOf(principal);
      let status = 201;
      const thread = await ctx.transaction(async (tx, emit) => {
        const wf = await workflows.getWorkflow(tx, workspaceId, id);
        if (!wf) throw new ApiProblem('not-found', `No workflow has the id "${id}".`);
        // A thread sent again under the same key (a retry, the same local thread sent twice) is the one stored first.
        const known = body.key ? await comments.findThread(tx, workspaceId, id, body.key) : null;
        if (known) {
          status = 200;
          return known;
        }
        const threadId = await comments.createThread(tx, { workspaceId, workflowId: id, target: body.target, revision: wf.head, author: actor.account ?? '', text: body.text, origin: body.key, messageOrigin: body.messageKey });
        await audit.appendAudit(tx, { workspaceId, actor, action: 'comment.created', target: threadId, detail: { workflowId: id, target: body.target } });
        const made = await comments.getThread(tx, workspaceId, threadId);
        if (!made) throw new Error('the new thread is missing');
        await emit('comment.created', { workflowId: id, revision: wf.head, thread: threadBody(made) });
        return made;
      });
      reply.code(status);
      return threadBody(thread);
    },
  }),
  route({
    method: 'POST',
    url: '/comments/:id/replies',
    permission: 'comment',
    tag: TAG,
    summary: 'Reply in a thread',
    body: ReplyBodySchema,
    responses: {
      201: { description: 'The thread with the reply.', schema: CommentThreadSchema },
      200: { description: 'The thread, which already held the reply sent under the same key (nothing was added).', schema: CommentThreadSchema },
      404: { description: 'No such thread.' },
    },
    handler: async ({ ctx, params, body, principal, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      const actor = actorOf(principal);
      let status = 201;
      const thread = await ctx.transaction(async (tx, emit) => {
        const before = await comments.getThread(tx, workspaceId, id);
        if (!before) throw new ApiProblem('not-found', `No comment thread has the id "${id}".`);
        // A reply sent again under the same key is not stored twice.
        if (body.key && comments.hasMessage(before, body.key)) {
          status = 200;
          return before;
        }
        await comments.addReply(tx, id, actor.account ?? '', body.text, body.key);
        await audit.appendAudit(tx, { workspaceId, actor, action: 'comment.replied', target: id });
        const t = await comments.getThread(tx, workspaceId, id);
        if (!t) throw new Error('the thread is missing');
        await emit('comment.updated', { workflowId: t.workflowId, thread: threadBody(t) });
        return t;
      });
      reply.code(status);
      return threadBody(thread);
    },
  }),
  route({
    method: 'PATCH',
    url: '/comments/:id',
    permission: 'comment',
    tag: TAG,
    summary: 'Resolve or reopen a thread',
    body: CommentPatchSchema,
    responses: { 200: { description: 'The thread.', schema: CommentThreadSchema }, 404: { description: 'No such thread.' } },
    handler: async ({ ctx, params, body, principal }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      const actor = actorOf(principal);
      const thread = await ctx.transaction(async (tx, emit) => {
        if (!(await comments.setResolved(tx, workspaceId, id, body.resolved, actor.account ?? ''))) throw new ApiProblem('not-found', `No comment thread has the id "${id}".`);
        await audit.appendAudit(tx, { workspaceId, actor, action: body.resolved ? 'comment.resolved' : 'comment.reopened', target: id });
        const t = await comments.getThread(tx, workspaceId, id);
        if (!t) throw new Error('the thread is missing');
        await emit('comment.updated', { workflowId: t.workflowId, thread: threadBody(t) });
        return t;
      });
      return threadBody(thread);
    },
  }),
];
