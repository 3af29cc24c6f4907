import type { Scenario } from '../model/scenario';
import type { Workspace } from '../model/workspace';
import { addProblems, problem, type Problem } from './codes';
import { pointer } from './json-pointer';

/** Problems for list items whose id an earlier item already has. */
function duplicateIds(items: readonly { id: string }[], base: string, what: string, pipeline?: string): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) out.push(problem('TF401', `${base}/${i}/id`, { what, id: item.id, ...(pipeline === undefined ? {} : { pipeline }) }));
    seen.add(item.id);
  });
  return out;
}

function unknown(path: string, what: string, id: string): Problem {
  return problem('TF402', path, { where: `The value at ${path}`, what, id });
}

/**
 * Rules of a workspace beyond its JSON Schema: unique ids in each list (and of statuses within a
 * pipeline), team members who are users, channel pipelines that exist, and built-in status
 * automations whose status is in their own pipeline.
 */
export function workspaceProblems(ws: Workspace): Problem[] {
  const out: Problem[] = [
    ...duplicateIds(ws.pipelines, '/pipelines', 'pipeline'),
    ...duplicateIds(ws.users, '/users', 'user'),
    ...duplicateIds(ws.teams, '/teams', 'team'),
    ...duplicateIds(ws.contacts, '/contacts', 'contact'),
    ...duplicateIds(ws.channels, '/channels', 'channel'),
    ...duplicateIds(ws.templates, '/templates', 'template'),
  ];
  const users = new Set(ws.users.map((u) => u.id));
  const pipelines = new Set(ws.pipelines.map((p) => p.id));
  ws.pipelines.forEach((p, i) => {
    addProblems(out, duplicateIds(p.statuses, `/pipelines/${i}/statuses`, `status of pipeline "${p.name}"`, p.name));
    const statuses = new Set(p.statuses.map((s) => s.id));
    for (const key of ['onEmailSent', 'onCustomerReply'] as const) {
      const id = p.automation[key].statusId;
      if (!statuses.has(id)) out.push(unknown(`/pipelines/${i}/automation/${key}/statusId`, `status of pipeline "${p.name}"`, id));
    }
  });
  ws.teams.forEach((t, i) =>
    t.memberIds.forEach((id, k) => {
      if (!users.has(id)) out.push(unknown(`/teams/${i}/memberIds/${k}`, 'user', id));
    }),
  );
  ws.channels.forEach((c, i) => {
    if (c.pipelineId !== undefined && !pipelines.has(c.pipelineId)) out.push(unknown(`/channels/${i}/pipelineId`, 'pipeline', c.pipelineId));
  });
  return out;
}

/** The events that act on a ticket, named by ticketId or ticketOf. */
const TICKET_EVENTS: ReadonlySet<string> = new Set(['setStatus', 'setOwner', 'setPriority', 'closeTicket', 'reopenTicket']);

/**
 * Rules of a scenario beyond its JSON Schema: events in time order from the start, unique ids in the
 * initial state, and (given a workspace) channels, users, statuses and pipelines that exist in it.
 * Tickets and conversations that events create on the way cannot be known here and are not checked.
 */
export function scenarioProblems(scenario: Scenario, workspace?: Workspace): Problem[] {
  const out: Problem[] = [
    ...duplicateIds(scenario.initial.contacts, '/initial/contacts', 'contact'),
    ...duplicateIds(scenario.initial.conversations, '/initial/conversations', 'conversation'),
    ...duplicateIds(scenario.initial.tickets, '/initial/tickets', 'ticket'),
  ];
  if (scenario.end !== undefined && Date.parse(scenario.end) < Date.parse(scenario.start)) {
    out.push(problem('TF404', '/end', { end: scenario.end, start: scenario.start }));
  }
  // The moment each event must not precede: the start (event 0), else the latest event in order so far.
  let previous = { at: Date.parse(scenario.start), words: `the scenario start (${scenario.start})`, event: 0, moment: scenario.start };
  scenario.events.forEach((e, i) => {
    const at = Date.parse(e.at);
    if (at < previous.at) {
      out.push(problem('TF403', pointer('events', i, 'at'), { index: i + 1, at: e.at, before: previous.words, previous: previous.event, previousAt: previous.moment }));
    } else previous = { at, words: `event ${i + 1} (${e.at})`, event: i + 1, moment: e.at };
  });
  // An event on a ticket names it by id or as the ticket of a conversation, exactly one of the two; a
  // conversation must exist by then (initially, or started by an earlier incoming message).
  const conversations = new Set(scenario.initial.conversations.map((c) => c.id));
  scenario.events.forEach((e, i) => {
    if (e.type === 'incomingMessage') conversations.add(e.conversationId);
    if (!TICKET_EVENTS.has(e.type)) return;
    const ref = e as { ticketId?: string; ticketOf?: string };
    const where = { index: i + 1, type: e.type };
    if (ref.ticketId !== undefined && ref.ticketOf !== undefined) {
      out.push(problem('TF405', pointer('events', i, 'ticketOf'), { ...where, how: `gives both ticketId "${ref.ticketId}" and ticketOf "${ref.ticketOf}"`, ticketId: ref.ticketId, ticketOf: ref.ticketOf }));
    } else if (ref.ticketId === undefined && ref.ticketOf === undefined) {
      out.push(problem('TF405', pointer('events', i, 'ticketId'), { ...where, how: 'names no ticket' }));
    } else if (ref.ticketOf !== undefined && !conversations.has(ref.ticketOf)) {
      out.push(problem('TF406', pointer('events', i, 'ticketOf'), { ...where, conversation: ref.ticketOf }));
    }
  });
  if (!workspace) return out;
  const channels = new Set(workspace.channels.map((c) => c.id));
  const users = new Set(workspace.users.map((u) => u.id));
  const pipelines = new Set(workspace.pipelines.map((p) => p.id));
  const statuses = new Set(workspace.pipelines.flatMap((p) => p.statuses.map((s) => s.id)));
  const check = (set: Set<string>, what: string, id: string | null | undefined, ...path: (string | number)[]) => {
    if (typeof id === 'string' && !set.has(id)) out.push(unknown(pointer(...path), what, id));
  };
  scenario.initial.conversations.forEach((c, i) =>
    c.channelHistory.forEach((id, k) => check(channels, 'channel', id, 'initial', 'conversations', i, 'channelHistory', k)),
  );
  scenario.initial.tickets.forEach((t, i) => {
    check(pipelines, 'pipeline', t.pipelineId, 'initial', 'tickets', i, 'pipelineId');
    check(statuses, 'status', t.statusId, 'initial', 'tickets', i, 'statusId');
    check(users, 'user', t.ownerId, 'initial', 'tickets', i, 'ownerId');
  });
  scenario.events.forEach((e, i) => {
    if ('channelId' in e) check(channels, 'channel', e.channelId, 'events', i, 'channelId');
    if ('userId' in e) check(users, 'user', e.userId, 'events', i, 'userId');
    if (e.type === 'setStatus') check(statuses, 'status', e.statusId, 'events', i, 'statusId');
    if (e.type === 'setOwner') check(users, 'user', e.ownerId, 'events', i, 'ownerId');
    if (e.type === 'moveChannel') {
      check(statuses, 'status', e.openStatusId, 'events', i, 'openStatusId');
      check(statuses, 'status', e.closedStatusId, 'events', i, 'closedStatusId');
    }
  });
  return out;
}
