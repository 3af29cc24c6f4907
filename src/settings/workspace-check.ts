import type { Workspace } from '../model';

/**
 * A settings rule a schema-valid workspace breaks, at a JSON pointer, with a stable code for the
 * UI's translated message. The document layer's workspaceProblems() covers ids and references;
 * these are the rules the settings pages add on top.
 */
export interface WorkspaceIssue {
  pointer: string;
  code: 'missing-built-in' | 'duplicate-built-in' | 'bad-email';
  params: Record<string, string>;
  /** English text naming what is wrong and where. */
  message: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;

/**
 * Each of the two built-in templates exactly once (the Automate tab's status actions send them), and
 * user email addresses that look like addresses (notifications go to them).
 */
export function workspaceIssues(ws: Workspace): WorkspaceIssue[] {
  const out: WorkspaceIssue[] = [];
  ws.users.forEach((u, i) => {
    if (!EMAIL_RE.test(u.email)) {
      out.push({ pointer: `/users/${i}/email`, code: 'bad-email', params: { email: u.email }, message: `User "${u.name}" has "${u.email}" as email address, which is not one.` });
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
