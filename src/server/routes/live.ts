import { z } from 'zod';
import { audit, events as eventStore } from '../../storage';
import type { LiveEvent } from '../../storage/events';
import { AuditSchema, LiveEventSchema, PresenceBodySchema, PresenceSchema } from '../api-schemas';
import { actorOf, route, type AnyRoute } from '../context';
import { ApiProblem } from '../problems';
import { events } from '../../storage/schema';
import { and, desc, eq, gt } from 'drizzle-orm';

/** How long a presence report holds without a new one (clients report every 30 s while open). */
export const PRESENCE_TTL_MS = 60_000;
/** A comment line that keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

function sse(event: LiveEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

export const liveRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/events',
    permission: 'read',
    tag: 'Live',
    summary: 'The live event stream of the workspace (Server-Sent Events)',
    description:
      'Each event: "id: <seq>", "event: <type>", "data: <json>" with type, seq, workflowId, revision… Reconnect with Last-Event-ID (EventSource does) to receive what was missed. Types: workflow.saved, workflow.published, workflow.deleted, comment.created, comment.updated, presence, workspace.saved, scenario.saved.',
    headers: { 'last-event-id': { description: 'The last seq received; the stream starts after it.' } },
    query: { since: { description: 'Like Last-Event-ID, for clients that cannot send headers.', schema: z.coerce.number().int().min(0) } },
    responses: { 200: { description: 'text/event-stream of events.', schema: LiveEventSchema, stream: true } },
    handler: async ({ ctx, request, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const header = request.headers['last-event-id'] ?? (request.query as { since?: string }).since;
      const since = header !== undefined && /^\d+$/.test(String(header)) ? Number(header) : null;
      const start = since ?? (await eventStore.lastEventSeq(ctx.db.orm, workspaceId));
      const raw = reply.raw;
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...(reply.getHeaders() as Record<string, string>),
      });
      raw.write(`retry: 1000\n: seq ${start}\n\n`);
      const sent = new Set<number>();
      const buffered: LiveEvent[] = [];
      let replaying = true;
      const send = (event: LiveEvent) => {
        if (sent.has(event.seq)) return;
        sent.add(event.seq);
        if (sent.size > 4096) sent.delete(sent.values().next().value ?? 0);
        raw.write(sse(event));
      };
      const unsubscribe = ctx.bus.subscribe(workspaceId, (event) => (replaying ? buffered.push(event) : send(event)), start);
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      if (since !== null) for (const event of await eventStore.eventsAfter(ctx.db.orm, workspaceId, since)) send(event);
      replaying = false;
      for (const event of buffered.splice(0)) send(event);
      return reply;
    },
  }),
  route({
    method: 'POST',
    url: '/presence',
    permission: 'team',
    tag: 'Live',
    summary: 'Say that you are viewing or editing a workflow (or left it)',
    description: `Send it when it changes and every 30 s while it holds; a report lapses after ${PRESENCE_TTL_MS / 1000} s. Others receive a presence event.`,
    body: PresenceBodySchema,
    responses: { 204: { description: 'Recorded.' } },
    handler: async ({ ctx, body, principal, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const actor = actorOf(principal);
      await ctx.transaction((_tx, emit) =>
        emit('presence', { workflowId: body.workflowId, account: actor.account, name: actor.name, state: body.state, at: new Date().toISOString() }),
      );
      reply.code(204);
      return null;
    },
  }),
  route({
    method: 'GET',
    url: '/presence',
    permission: 'team',
    tag: 'Live',
    summary: 'Who is viewing or editing which workflow now',
    responses: { 200: { description: 'The current presence.', schema: PresenceSchema } },
    handler: async ({ ctx }) => {
      const workspaceId = await ctx.workspaceId();
      const rows = await ctx.db.orm
        .select()
        .from(events)
        .where(and(eq(events.workspaceId, workspaceId), eq(events.type, 'presence'), gt(events.at, new Date(Date.now() - PRESENCE_TTL_MS))))
        .orderBy(desc(events.seq));
      const latest = new Map<string, Record<string, unknown>>();
      for (const r of rows) {
        const key = `${String(r.payload.account)}\u0000${String(r.payload.workflowId)}`;
        if (!latest.has(key)) latest.set(key, r.payload);
      }
      const presence = [...latest.values()]
        .filter((p) => p.state !== 'left')
        .map((p) => ({ workflowId: String(p.workflowId), account: String(p.account), name: String(p.name), state: p.state as 'viewing' | 'editing', at: String(p.at) }));
      return { presence };
    },
  }),
  route({
    method: 'GET',
    url: '/audit',
    permission: 'audit',
    tag: 'Audit',
    summary: 'Who did what, when: newest first',
    query: {
      limit: { description: 'At most this many entries (default 100, at most 1000).', schema: z.coerce.number().int().min(1).max(1000) },
      before: { description: 'Entries before this seq (to page back).', schema: z.coerce.number().int().min(1) },
    },
    responses: { 200: { description: 'The entries.', schema: AuditSchema } },
    handler: async ({ ctx, query }) => {
      const limit = query.limit === undefined ? 100 : Number(query.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ApiProblem('bad-request', 'limit must be a whole number from 1 to 1000.');
      const before = query.before === undefined ? undefined : Number(query.before);
      const entries = await audit.listAudit(ctx.db.orm, await ctx.workspaceId(), before === undefined ? { limit } : { limit, before });
      return { entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  }),
];
