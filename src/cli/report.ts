import { hasErrors, type Problem } from '../document';
import { formatTraceTime, labelsOf, renderTraceEntry, type LabelLookup, type SimulationResult, type TraceEntry } from '../engine';
import type { Language } from './args';
import { coreTranslator } from './words';
import type { Scenario, Workflow, Workspace } from '../model';

/** The kinds of file the CLI tells apart by their "format". */
export type DocumentFormat = 'workflow' | 'workspace' | 'scenario' | 'bundle';

/** A problem together with the file it was found in. */
export interface FileProblem extends Problem {
  /** The path of the file as given on the command line ("-" for standard input). */
  file: string;
}

/** The verdict on one input file and what else reading it said. */
export interface FileReport {
  /** The path as given on the command line or found in a directory; "-" is standard input. */
  file: string;
  /** What the file holds, by its "format"; null when it could not be read or is not a Ticketflow file. */
  format: DocumentFormat | null;
  /** The file could not be read at all (missing, a permission, an I/O error). */
  unreadable: boolean;
  problems: Problem[];
  /** The schemaVersion the document was migrated from, when it was older. */
  migratedFrom: number | null;
  /** What migration (and, for fix, repair) changed. */
  notes: string[];
  /** Problems the library counted but did not list (its TF001 marker), and how many of them are errors. */
  unlisted?: { count: number; errors: number };
}

/** Most problems listed in full for one file; the rest are counted. */
export const PROBLEMS_PER_FILE = 200;
/** Most problems listed in full in one report, over all its files. */
export const PROBLEMS_PER_REPORT = 2000;
/** Most notes listed for one file. */
export const NOTES_PER_FILE = 200;

/** A file is valid when it was read as a Ticketflow document and no problem is an error. */
export function isValid(report: FileReport): boolean {
  return !report.unreadable && report.format !== null && !hasErrors(report.problems) && !report.unlisted?.errors;
}

/**
 * How many problems a report still lists in full: at most PROBLEMS_PER_FILE of each file and
 * PROBLEMS_PER_REPORT in all. A report's size is then bounded whatever the input.
 */
export class ListingBudget {
  private left: number;

  constructor(total = PROBLEMS_PER_REPORT, private readonly perFile = PROBLEMS_PER_FILE) {
    this.left = total;
  }

  /** The problems of one file to list, and how many are left out (`unlisted` more were never listed by the library). */
  take<T>(problems: readonly T[], unlisted = 0): { listed: T[]; more: number } {
    const n = Math.min(problems.length, this.perFile, this.left);
    this.left -= n;
    return { listed: problems.slice(0, n), more: problems.length - n + unlisted };
  }
}

/** Most characters of one message, note, path or id a report shows; the rest is counted. */
export const TEXT_PER_ITEM = 1000;

/**
 * A text cut to TEXT_PER_ITEM characters, saying how many were left out: a message that quotes a huge
 * input value cannot make the report huge, however many times it is repeated.
 */
export function clip(text: string): string {
  if (text.length <= TEXT_PER_ITEM) return text;
  let end = TEXT_PER_ITEM;
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}… (${count(text.length - end)} more characters)`;
}

/** A problem as a report lists it: every text in it clipped. */
function listedProblem<T extends Problem>(p: T): T {
  // The params are for renderers (the text report in another language); the --json report keeps its shape.
  const { params: _params, ...rest } = p;
  const out = { ...rest, message: clip(p.message), path: clip(p.path) } as T;
  if (p.actionId !== undefined) out.actionId = clip(p.actionId);
  return out;
}

/** The notes of one file to list, and how many are left out. */
function cappedNotes(notes: readonly string[]): { listed: readonly string[]; more: number } {
  const listed = notes.length <= NOTES_PER_FILE ? notes : notes.slice(0, NOTES_PER_FILE);
  return { listed: listed.map(clip), more: notes.length - listed.length };
}

/** "12,345" */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** The entry of one file in the --json report, with its problems capped by the budget. */
export function fileJson(report: FileReport, budget: ListingBudget): Record<string, unknown> {
  const { listed, more } = budget.take(report.problems, report.unlisted?.count);
  const notes = cappedNotes(report.notes);
  const entry: Record<string, unknown> = {
    file: report.file,
    format: report.format,
    valid: isValid(report),
    migratedFrom: report.migratedFrom,
    notes: notes.more ? [...notes.listed, `… and ${count(notes.more)} more notes`] : notes.listed,
    problems: listed.map(listedProblem),
  };
  if (report.unreadable) entry.unreadable = true;
  if (more) entry.more = more;
  return entry;
}

/** Problems of several files as one list, each naming its file, capped by the budget; `more` counts the rest. */
export function fileProblems(reports: readonly FileReport[], budget: ListingBudget): { problems: FileProblem[]; more: number } {
  const problems: FileProblem[] = [];
  let more = 0;
  for (const r of reports) {
    const taken = budget.take(r.problems, r.unlisted?.count);
    for (const p of taken.listed) problems.push(listedProblem({ file: r.file, ...p }));
    more += taken.more;
  }
  return { problems, more };
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

const EN_PLURALS = new Intl.PluralRules('en');

/** "1 event", "5 events": the noun by English's plural rules (Intl.PluralRules). */
function plural(count: number, word: string): string {
  return `${count} ${EN_PLURALS.select(count) === 'one' ? word : `${word}s`}`;
}

/** "2 errors, 1 warning", or "" for no problems; `unlisted` counts those the library did not list. */
function countProblems(problems: readonly Problem[], unlisted = { count: 0, errors: 0 }): string {
  let errors = unlisted.errors;
  for (const p of problems) if (p.severity === 'error') errors++;
  const warnings = problems.length + unlisted.count - errors;
  const words = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
  return [errors ? words(errors, 'error') : '', warnings ? words(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

/** One problem on one line: severity, code, JSON pointer, action, message. */
export function formatProblem(p: Problem): string {
  const where = p.path === '' ? '(document)' : p.path;
  const action = p.actionId === undefined ? '' : ` [action ${p.actionId}]`;
  return `  ${p.severity} ${p.code} at ${where}${action}: ${p.message}`;
}

/** The headline of a file's report: "a.json: workflow, valid", "b.json: scenario, 2 errors (migrated from schemaVersion 1)". */
export function headline(report: FileReport): string {
  if (report.unreadable) {
    const reason = report.problems[0]?.message ?? 'The file cannot be read.';
    return `${clip(report.file)}: cannot be read: ${reason.replace(/^The file cannot be read: /, '').replace(/\.$/, '')}`;
  }
  const migrated = report.migratedFrom === null ? '' : ` (migrated from schemaVersion ${report.migratedFrom})`;
  const verdict = report.problems.length || report.unlisted?.count ? countProblems(report.problems, report.unlisted) : 'valid';
  const code = report.problems[0]?.code;
  const kind = report.format ?? (code === 'TF104' || code === 'TF105' ? 'not a Ticketflow file' : 'not read');
  return `${clip(report.file)}: ${kind}, ${verdict}${migrated}`;
}

/**
 * The text report of one file as lines: a headline, then its problems (capped by the budget, with
 * "… and 123 more problems") and notes (at most NOTES_PER_FILE).
 */
export function fileLines(report: FileReport, budget: ListingBudget): string[] {
  const lines = [headline(report)];
  if (!report.unreadable) {
    const { listed, more } = budget.take(report.problems, report.unlisted?.count);
    for (const p of listed) lines.push(formatProblem(listedProblem(p)));
    if (more) lines.push(`  … and ${count(more)} more ${more === 1 ? 'problem' : 'problems'}`);
  }
  const notes = cappedNotes(report.notes);
  for (const note of notes.listed) lines.push(`  note: ${note}`);
  if (notes.more) lines.push(`  … and ${count(notes.more)} more notes`);
  return lines.map(printable);
}

/** The closing line of a report on several files. */
export function summaryLine(reports: { valid: number; invalid: number; unreadable: number }): string {
  const total = reports.valid + reports.invalid + reports.unreadable;
  const parts = [`${count(reports.valid)} valid`, `${count(reports.invalid)} invalid`];
  if (reports.unreadable) parts.push(`${count(reports.unreadable)} unreadable`);
  return `${plural(total, 'file')}: ${parts.join(', ')}`;
}

/** A virtual-clock time as "2026-01-05 09:00" (UTC), with seconds only when they are not zero. */
export function formatTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?Z$/.exec(iso);
  if (!m) return iso;
  return m[3] && m[3] !== '00' ? `${m[1]} ${m[2]}:${m[3]}` : `${m[1]} ${m[2]}`;
}

/** What the text report needs besides the result: the inputs, to name things, and the trace language. */
export interface SimulationContext {
  workspace: Workspace;
  scenario: Scenario;
  workflows: readonly Workflow[];
  /** The language of the trace text (default en). */
  lang?: Language;
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

/**
 * Rows of a table, padded so that the columns line up: every column but the last is as wide as its
 * widest cell. Made lazily, in two passes over the rows (the first measures the padded columns), so a
 * long table is never held as text.
 */
function* table<T>(items: readonly T[], cells: (item: T) => string[], indent = '  '): Generator<string, void, undefined> {
  const widths: number[] = [];
  for (const item of items) {
    const row = cells(item);
    for (let i = 0; i < row.length - 1; i++) widths[i] = Math.max(widths[i] ?? 0, printable(row[i]!).length);
  }
  for (const item of items) {
    const row = cells(item).map(printable);
    yield indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  }
}

/** A titled section of the report: a blank line, the title with its count, then the body or "none". */
function* section(title: string, size: number, body: Iterable<string>): Generator<string, void, undefined> {
  yield '';
  yield `${title} (${size})`;
  if (size === 0) yield '  none';
  else yield* body;
}

function via(workflow: string, action: string): string {
  return `(${workflow} › ${action})`;
}

/**
 * One trace entry as the cells of its row: time, ticket (or "-"), kind, what happened and why. The
 * only place that renders trace text; the language is in ctx.lang.
 */
export function traceCells(t: TraceEntry, ctx: SimulationContext, labels: LabelLookup): string[] {
  return [formatTraceTime(t.at).slice(0, -4), t.ticket ?? '-', t.kind, renderTraceEntry(t, { lang: ctx.lang ?? 'en', labels })];
}

function* ticketLines(result: SimulationResult, name: ReturnType<typeof namer>): Generator<string, void, undefined> {
  for (const t of result.tickets) {
    const sla = t.sla
      ? `SLA first response ${t.sla.firstResponse} (due ${formatTime(t.sla.firstResponseDue)}), close ${t.sla.close} (due ${formatTime(t.sla.closeDue)})`
      : 'SLA does not apply (in the conversations inbox)';
    const statuses = result.history[t.id]?.statuses.map((s) => name.status(s.to)) ?? [];
    yield `  ${t.id} "${t.subject}": ${t.statusLabel}, owner ${name.user(t.owner)}, priority ${t.priority}, contact ${name.contact(t.contact)}`;
    yield `    source ${t.source ?? 'none'}${t.channel ? ` on ${t.channel}` : ''}, created ${formatTime(t.createdAt)}` +
      (t.closedAt ? `, closed ${formatTime(t.closedAt)}` : '') +
      (t.reopened ? ', reopened' : '');
    yield `    ${sla}`;
    if (statuses.length) yield `    statuses: ${statuses.join(' → ')}`;
  }
}

function* rawSimulationLines(result: SimulationResult, ctx: SimulationContext): Generator<string, void, undefined> {
  const name = namer(ctx);
  const { scenario, workspace, workflows } = ctx;
  yield `Scenario: ${scenario.name} (${scenario.id})`;
  yield `Workspace: ${workspace.name} (${workspace.id})`;
  yield `Workflows: ${workflows.length ? '' : 'none; only the built-in pipeline automation runs'}`.trimEnd();
  yield* table(workflows, (w) => [w.id, w.name]);
  yield `Clock: ${formatTime(scenario.start)} → ${formatTime(result.clock)} UTC; ` +
    `${plural(result.stats.events, 'event')}, ${plural(result.stats.actions, 'action')}, ${plural(result.stats.timers, 'timer')}` +
    (result.done ? '' : '; stopped before the end');

  const labels = labelsOf(workspace, workflows, coreTranslator(ctx.lang ?? 'en'));
  yield* section('Trace', result.trace.length, table(result.trace, (t) => traceCells(t, ctx, labels)));
  yield* section('Tickets', result.tickets.length, ticketLines(result, name));
  yield* section(
    'Outbox',
    result.outbox.length,
    table(result.outbox, (e) => [formatTime(e.at), e.ticket, `to ${e.to}`, `"${e.subject}" ${via(e.workflow, e.action)}`]),
  );
  yield* section(
    'Notifications',
    result.notifications.length,
    table(result.notifications, (n) => [
      formatTime(n.at),
      n.ticket,
      n.recipient === null ? 'skipped' : `to ${name.user(n.recipient)}`,
      `${n.skipped ?? `"${n.subject}"`} ${via(n.workflow, n.action)}`,
    ]),
  );
  if (result.webhooks.length) {
    yield* section(
      'Webhooks (recorded, not sent)',
      result.webhooks.length,
      table(result.webhooks, (w) => [formatTime(w.at), w.ticket, `${w.method} ${w.url}`, via(w.workflow, w.action)]),
    );
  }
  if (result.enrolled.length) {
    yield* section(
      'Still enrolled',
      result.enrolled.length,
      table(result.enrolled, (e) => [
        e.ticket,
        e.workflow,
        e.action === null ? 'at the end' : `next ${e.action}`,
        e.waitingUntil ? `waiting until ${formatTime(e.waitingUntil)}` : '',
      ]),
    );
  }
  yield* section(
    'Errors',
    result.errors.length,
    (function* () {
      for (const e of result.errors) {
        const about = [e.ticket, e.workflow, e.action].filter((x) => x !== undefined).join(' › ');
        yield `  ${formatTime(e.at)}  ${e.code}${about ? ` (${about})` : ''}: ${e.message}`;
      }
    })(),
  );
}

/**
 * The simulation as text a person can follow: the inputs, then every trace line (time, ticket, what
 * happened and why), then the tickets, outbox, notifications, webhooks, open enrollments and errors.
 * Made a line at a time (without line ends, shown with printable), so a long report is written as it
 * is made rather than held whole.
 */
export function* simulationLines(result: SimulationResult, ctx: SimulationContext): Generator<string, void, undefined> {
  for (const line of rawSimulationLines(result, ctx)) yield printable(line);
}
