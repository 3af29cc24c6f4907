import type { Problem } from '../document';
import type { SimulationResult } from '../engine';
import type { Scenario, Workflow, Workspace } from '../model';

/** A problem together with the file it was found in. */
export interface FileProblem extends Problem {
  /** The path of the file as given on the command line. */
  file: string;
}

/** The problems of one input file, and what else importing it said. */
export interface FileReport {
  file: string;
  problems: Problem[];
  /** The schemaVersion the document was migrated from, when it was older. */
  migratedFrom?: number;
  /** What migration and restore changed. */
  notes: string[];
}

/**
 * Control characters, and the invisible marks that reorder bidirectional text (embeddings and overrides
 * U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C): from a document, either
 * could break lines, drive the terminal or make a line read in another order than it is written.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Shows control and bidirectional formatting characters from documents as escapes, so names and texts print as they are. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning", or "" for no problems. */
function countProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

/** One problem on one line: severity, code, JSON pointer, action, message. */
export function formatProblem(p: Problem): string {
  const where = p.path === '' ? '(document)' : p.path;
  const action = p.actionId === undefined ? '' : ` [action ${p.actionId}]`;
  return `  ${p.severity} ${p.code} at ${where}${action}: ${p.message}`;
}

/** The text report of one file: a headline, then every problem and note. */
export function formatFileReport(report: FileReport): string {
  const migrated = report.migratedFrom === undefined ? '' : ` (migrated from schemaVersion ${report.migratedFrom})`;
  const headline = report.problems.length ? countProblems(report.problems) : 'valid';
  const lines = [`${report.file}: ${headline}${migrated}`];
  for (const p of report.problems) lines.push(formatProblem(p));
  for (const note of report.notes) lines.push(`  note: ${note}`);
  return lines.map(printable).join('\n') + '\n';
}

/** Problems of several files as one list, each problem naming its file. */
export function fileProblems(reports: readonly FileReport[]): FileProblem[] {
  return reports.flatMap((r) => r.problems.map((p) => ({ file: r.file, ...p })));
}

/** A virtual-clock time as "2026-01-05 09:00" (UTC), with seconds only when they are not zero. */
export function formatTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?Z$/.exec(iso);
  if (!m) return iso;
  return m[3] && m[3] !== '00' ? `${m[1]} ${m[2]}:${m[3]}` : `${m[1]} ${m[2]}`;
}

/** What the text report needs besides the result: the inputs, to name things. */
export interface SimulationContext {
  workspace: Workspace;
  scenario: Scenario;
  workflows: readonly Workflow[];
}

/** Names people by their name rather than their id, falling back to the id for unknown ones. */
function namer(ctx: SimulationContext): {
  user(id: string | null): string;
  contact(id: string | null): string;
  status(id: string): string;
} {
  const users = new Map(ctx.workspace.users.map((u) => [u.id, u.name]));
  const contacts = new Map([...ctx.workspace.contacts, ...ctx.scenario.initial.contacts].map((c) => [c.id, c.name]));
  const statuses = new Map(ctx.workspace.pipelines.flatMap((p) => p.statuses).map((s) => [s.id, s.label]));
  return {
    user: (id) => (id === null ? 'nobody' : (users.get(id) ?? id)),
    contact: (id) => (id === null ? 'none' : (contacts.get(id) ?? id)),
    status: (id) => statuses.get(id) ?? id,
  };
}

/** Pads each column but the last to its widest cell, so the rows line up. */
function table(rows: readonly string[][], indent = '  '): string[] {
  const widths: number[] = [];
  const cells = rows.map((row) => row.map(printable));
  for (const row of cells) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return cells.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

/**
 * Adds a titled section to the report. Lines are pushed one at a time: a long trace spread into push()
 * as arguments would overflow the call stack.
 */
function section(lines: string[], title: string, count: number, body: readonly string[]): void {
  lines.push('', `${title} (${count})`);
  if (count === 0) lines.push('  none');
  else for (const line of body) lines.push(line);
}

function via(workflow: string, action: string): string {
  return `(${workflow} › ${action})`;
}

/**
 * The simulation as text a person can follow: the inputs, then every trace line (time, ticket, what
 * happened and why), then the tickets, outbox, notifications, webhooks, open enrollments and errors.
 * Returned as lines (without line ends, shown with printable), so a long report can be written a part
 * at a time rather than as one string.
 */
export function simulationLines(result: SimulationResult, ctx: SimulationContext): string[] {
  const name = namer(ctx);
  const { scenario, workspace, workflows } = ctx;
  const lines: string[] = [
    `Scenario: ${scenario.name} (${scenario.id})`,
    `Workspace: ${workspace.name} (${workspace.id})`,
    `Workflows: ${workflows.length ? '' : 'none; only the built-in pipeline automation runs'}`.trimEnd(),
  ];
  for (const row of table(workflows.map((w) => [w.id, w.name]))) lines.push(row);
  lines.push(
    `Clock: ${formatTime(scenario.start)} → ${formatTime(result.clock)} UTC; ` +
      `${plural(result.stats.events, 'event')}, ${plural(result.stats.actions, 'action')}, ${plural(result.stats.timers, 'timer')}` +
      (result.done ? '' : '; stopped before the end'),
  );

  section(lines, 'Trace', result.trace.length, table(result.trace.map((t) => [formatTime(t.at), t.ticket ?? '-', t.kind, t.detail])));

  section(
    lines,
    'Tickets',
    result.tickets.length,
    result.tickets.flatMap((t) => {
      const sla = t.sla
        ? `SLA first response ${t.sla.firstResponse} (due ${formatTime(t.sla.firstResponseDue)}), close ${t.sla.close} (due ${formatTime(t.sla.closeDue)})`
        : 'SLA does not apply (in the conversations inbox)';
      const statuses = result.history[t.id]?.statuses.map((s) => name.status(s.to)) ?? [];
      const ticketLines = [
        `  ${t.id} "${t.subject}": ${t.statusLabel}, owner ${name.user(t.owner)}, priority ${t.priority}, contact ${name.contact(t.contact)}`,
        `    source ${t.source ?? 'none'}${t.channel ? ` on ${t.channel}` : ''}, created ${formatTime(t.createdAt)}` +
          (t.closedAt ? `, closed ${formatTime(t.closedAt)}` : '') +
          (t.reopened ? ', reopened' : ''),
        `    ${sla}`,
      ];
      if (statuses.length) ticketLines.push(`    statuses: ${statuses.join(' → ')}`);
      return ticketLines;
    }),
  );

  section(
    lines,
    'Outbox',
    result.outbox.length,
    table(result.outbox.map((e) => [formatTime(e.at), e.ticket, `to ${e.to}`, `"${e.subject}" ${via(e.workflow, e.action)}`])),
  );

  section(
    lines,
    'Notifications',
    result.notifications.length,
    table(
      result.notifications.map((n) => [
        formatTime(n.at),
        n.ticket,
        n.recipient === null ? 'skipped' : `to ${name.user(n.recipient)}`,
        `${n.skipped ?? `"${n.subject}"`} ${via(n.workflow, n.action)}`,
      ]),
    ),
  );

  if (result.webhooks.length) {
    section(
      lines,
      'Webhooks (recorded, not sent)',
      result.webhooks.length,
      table(result.webhooks.map((w) => [formatTime(w.at), w.ticket, `${w.method} ${w.url}`, via(w.workflow, w.action)])),
    );
  }

  if (result.enrolled.length) {
    section(
      lines,
      'Still enrolled',
      result.enrolled.length,
      table(
        result.enrolled.map((e) => [
          e.ticket,
          e.workflow,
          e.action === null ? 'at the end' : `next ${e.action}`,
          e.waitingUntil ? `waiting until ${formatTime(e.waitingUntil)}` : '',
        ]),
      ),
    );
  }

  section(
    lines,
    'Errors',
    result.errors.length,
    result.errors.map((e) => {
      const about = [e.ticket, e.workflow, e.action].filter((x) => x !== undefined).join(' › ');
      return `  ${formatTime(e.at)}  ${e.code}${about ? ` (${about})` : ''}: ${e.message}`;
    }),
  );

  for (let i = 0; i < lines.length; i++) lines[i] = printable(lines[i]!);
  return lines;
}
