import type { Workspace } from '../model';

/** A problem with a workspace beyond its schema, at a JSON pointer, with a stable code for the UI's message. */
export interface WorkspaceIssue {
  pointer: string;
  code: 'duplicate-id' | 'unknown-status' | 'unknown-user' | 'unknown-pipeline' | 'missing-built-in' | 'duplicate-built-in' | 'bad-email';
  params: Record<string, string>;
  /** English text naming what is wrong and where. */
  message: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;

function duplicates(items: readonly { id: string }[], pointer: string, what: string): WorkspaceIssue[] {
  const seen = new Set<string>();
  const out: WorkspaceIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      out.push({ pointer: `${pointer}/${i}/id`, code: 'duplicate-id', params: { id: item.id }, message: `Another ${what} already has the id "${item.id}" (${pointer}/${i}).` });
    }
    seen.add(item.id);
  });
  return out;
}

/**
 * What a schema-valid workspace still gets wrong: repeated ids, references to statuses, users or
 * pipelines it does not have, the two built-in templates missing or doubled, malformed user emails.
 */
export function workspaceIssues(ws: Workspace): WorkspaceIssue[] {
  const out: WorkspaceIssue[] = [
    ...duplicates(ws.pipelines, '/pipelines', 'pipeline'),
    ...duplicates(ws.users, '/users', 'user'),
    ...duplicates(ws.teams, '/teams', 'team'),
    ...duplicates(ws.channels, '/channels', 'channel'),
    ...duplicates(ws.templates, '/templates', 'template'),
    ...duplicates(ws.contacts, '/contacts', 'contact'),
  ];
  ws.pipelines.forEach((p, i) => {
    out.push(...duplicates(p.statuses, `/pipelines/${i}/statuses`, 'status of this pipeline'));
    for (const which of ['onEmailSent', 'onCustomerReply'] as const) {
      const id = p.automation[which].statusId;
      if (!p.statuses.some((s) => s.id === id)) {
        out.push({
          pointer: `/pipelines/${i}/automation/${which}/statusId`,
          code: 'unknown-status',
          params: { id },
          message: `Pipeline "${p.name}" updates tickets to status "${id}" (${which}), which it does not have.`,
        });
      }
    }
  });
  const userIds = new Set(ws.users.map((u) => u.id));
  ws.users.forEach((u, i) => {
    if (!EMAIL_RE.test(u.email)) {
      out.push({ pointer: `/users/${i}/email`, code: 'bad-email', params: { email: u.email }, message: `User "${u.name}" has "${u.email}" as email address, which is not one.` });
    }
  });
  ws.teams.forEach((team, i) =>
    team.memberIds.forEach((id, m) => {
      if (!userIds.has(id)) {
        out.push({ pointer: `/teams/${i}/memberIds/${m}`, code: 'unknown-user', params: { id }, message: `Team "${team.name}" lists user "${id}", who does not exist.` });
      }
    }),
  );
  const pipelineIds = new Set(ws.pipelines.map((p) => p.id));
  ws.channels.forEach((ch, i) => {
    if (ch.pipelineId !== undefined && !pipelineIds.has(ch.pipelineId)) {
      out.push({
        pointer: `/channels/${i}/pipelineId`,
        code: 'unknown-pipeline',
        params: { id: ch.pipelineId },
        message: `Channel "${ch.name}" sends tickets to pipeline "${ch.pipelineId}", which does not exist.`,
      });
    }
  });
  for (const builtIn of ['ticketReceived', 'ticketClosed'] as const) {
    const at = ws.templates.flatMap((t, i) => (t.builtIn === builtIn ? [i] : []));
    if (at.length === 0) {
      out.push({ pointer: '/templates', code: 'missing-built-in', params: { builtIn }, message: `The built-in template "${builtIn}" is missing.` });
    }
    for (const i of at.slice(1)) {
      out.push({ pointer: `/templates/${i}/builtIn`, code: 'duplicate-built-in', params: { builtIn }, message: `Only one template can be the built-in "${builtIn}".` });
    }
  }
  return out;
}
