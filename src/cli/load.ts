import {
  BUNDLE_FORMAT,
  decodeDocumentBytes,
  DEFAULT_LIMITS,
  FORMATS,
  importBundle,
  importScenario,
  importWorkflow,
  importWorkspace,
  parseJsonSafely,
  problem,
  type Bundle,
  type ImportAgainstWorkspaceOptions,
  type ImportResult,
  type Problem,
} from '../document';
import type { Scenario, WorkflowDocument, Workspace } from '../model';
import { STDIN, type CliIo } from './io';
import type { DocumentFormat, FileReport } from './report';

/** The most bytes the CLI reads from one input; one more byte and the input is refused unread. */
export const MAX_INPUT_BYTES = DEFAULT_LIMITS.maxBytes;

/** The value of a document of each format, once read. */
export interface FormatValue {
  workflow: WorkflowDocument;
  workspace: Workspace;
  scenario: Scenario;
  bundle: Bundle;
}

/** One input after reading and checking: its report, and its value when it could be read as a document. */
export type Checked = { [F in DocumentFormat]: { format: F; value: FormatValue[F] | null; report: FileReport } }[DocumentFormat] | {
  format: null;
  value: null;
  report: FileReport;
};

/** A report of a file that was not read as a document, with the one problem that says why. */
export function failedReport(file: string, found: Problem, unreadable: boolean): FileReport {
  return { file, format: null, unreadable, problems: [found], migratedFrom: null, notes: [] };
}

function sizeWords(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB (${bytes.toLocaleString('en-US')} bytes)` : `${bytes.toLocaleString('en-US')} bytes`;
}

/** Where each input comes from: a file to read, or a report of why a command-line input gives none. */
export type Source = { file: string } | { report: FileReport };

/**
 * The files the inputs name, in order: a file or "-" as given, a directory as every *.json under it
 * (sorted). A path given twice is read once; a directory without a .json file and a directory that
 * cannot be listed are reported as unreadable.
 */
export async function expandInputs(io: CliIo, inputs: readonly string[]): Promise<Source[]> {
  const out: Source[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    out.push({ file });
  };
  for (const input of inputs) {
    if ((await io.pathKind(input)) !== 'directory') {
      add(input);
      continue;
    }
    let files: string[];
    try {
      files = await io.listJsonFiles(input);
    } catch (error) {
      out.push({ report: failedReport(input, problem('TF501', '', { reason: error instanceof Error ? error.message : String(error) }), true) });
      continue;
    }
    if (files.length === 0) out.push({ report: failedReport(input, problem('TF504', ''), true) });
    for (const file of files) add(file);
  }
  return out;
}

/**
 * The text of an input, read up to MAX_INPUT_BYTES (one byte more and it is refused without reading
 * further: a FIFO or /dev/zero costs no more) and decoded as UTF-8 (other encodings are refused,
 * named where they can be recognised).
 */
export async function readInput(io: CliIo, file: string, limit = MAX_INPUT_BYTES): Promise<{ ok: true; text: string } | { ok: false; report: FileReport }> {
  const read = await io.readBytes(file, limit);
  if (!read.ok) {
    return read.tooLarge
      ? { ok: false, report: failedReport(file, problem('TF503', '', { limit: sizeWords(limit) }), false) }
      : { ok: false, report: failedReport(file, problem('TF501', '', { reason: read.reason }), true) };
  }
  const decoded = decodeDocumentBytes(read.bytes);
  if (!decoded.ok) return { ok: false, report: failedReport(file, decoded.problem, false) };
  return { ok: true, text: decoded.text };
}

const FORMAT_OF = new Map<unknown, DocumentFormat>([
  [FORMATS.workflow.format, 'workflow'],
  [FORMATS.workspace.format, 'workspace'],
  [FORMATS.scenario.format, 'scenario'],
  [BUNDLE_FORMAT, 'bundle'],
]);

const KNOWN = [...FORMAT_OF.keys()].map((f) => `"${String(f)}"`).join(', ');

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The value of the top-level "format" member of a JSON text, found by one scan without building the
 * document: "absent" when the text is an object without one, "other" when it is not an object or not
 * JSON the scan can follow. The scan is linear and iterative, so any nesting is safe.
 */
export function sniffFormat(text: string): { found: true; value: unknown } | { found: false; why: 'absent' | 'other' } {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skipSpace = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  /** The end (after the closing quote) of the string that starts at i, or -1. */
  const stringEnd = (at: number): number => {
    for (let j = at + 1; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x5c) j++;
      else if (c === 0x22) return j + 1;
    }
    return -1;
  };
  /** Skips one value starting at i; false when the text breaks off. */
  const skipValue = (): boolean => {
    let depth = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        const end = stringEnd(i);
        if (end < 0) return false;
        i = end;
      } else if (c === 0x7b || c === 0x5b) {
        depth++;
        i++;
      } else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) return true;
        depth--;
        i++;
      } else if (c === 0x2c && depth === 0) return true;
      else i++;
      if (depth === 0 && (c === 0x22 || c === 0x7d || c === 0x5d)) return true;
    }
    return depth === 0;
  };
  skipSpace();
  if (text.charCodeAt(i) !== 0x7b) return { found: false, why: 'other' };
  i++;
  for (;;) {
    skipSpace();
    if (text.charCodeAt(i) === 0x7d) return { found: false, why: 'absent' };
    if (text.charCodeAt(i) !== 0x22) return { found: false, why: 'other' };
    const keyEnd = stringEnd(i);
    if (keyEnd < 0) return { found: false, why: 'other' };
    let key: unknown;
    try {
      key = JSON.parse(text.slice(i, keyEnd));
    } catch {
      return { found: false, why: 'other' };
    }
    i = keyEnd;
    skipSpace();
    if (text.charCodeAt(i) !== 0x3a) return { found: false, why: 'other' };
    i++;
    skipSpace();
    const start = i;
    if (!skipValue()) return { found: false, why: 'other' };
    if (key === 'format') {
      try {
        return { found: true, value: JSON.parse(text.slice(start, i)) };
      } catch {
        return { found: false, why: 'other' };
      }
    }
    skipSpace();
    if (text.charCodeAt(i) === 0x2c) i++;
    else return { found: false, why: text.charCodeAt(i) === 0x7d ? 'absent' : 'other' };
  }
}

/**
 * What a text holds, told by its top-level "format" member; or the problem that says why it is none
 * of the four (its JSON, with line and column, or the format it names). The document itself is read
 * once, by the import of its kind.
 */
export function detectFormat(text: string): { ok: true; format: DocumentFormat } | { ok: false; problem: Problem } {
  const sniffed = sniffFormat(text);
  const known = sniffed.found ? FORMAT_OF.get(sniffed.value) : undefined;
  if (known) return { ok: true, format: known };
  // Not one of the four: the safe reader says first whether it is JSON at all, within the limits.
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { ok: false, problem: problem('TF104', '', { found, expected: 'Ticketflow document' }) };
  }
  const format = Object.hasOwn(value, 'format') ? (value as { format: unknown }).format : undefined;
  const again = FORMAT_OF.get(format);
  if (again) return { ok: true, format: again };
  const detail =
    format === undefined
      ? `The file has no "format", so it is not a Ticketflow file; Ticketflow files start with "format": one of ${KNOWN}.`
      : `The "format" ${typeof format === 'string' ? `"${format.slice(0, 200)}"` : 'value'} is not one Ticketflow reads (${KNOWN}).`;
  return { ok: false, problem: problem('TF105', '/format', { detail }) };
}

/** An import result as either shape of the library gives it (before and after "one verdict"). */
interface AnyImportResult<T> {
  ok: boolean;
  document?: T;
  value?: T;
  problems?: Problem[];
  warnings?: Problem[];
  notes?: string[];
  migratedFrom?: number | null;
}

/** The count a TF001 marker ("… and 12,345 more problems (12 of them errors) …") stands for. */
function markerCounts(marker: Problem): { count: number; errors: number } {
  const params = (marker as { params?: Record<string, unknown> }).params;
  const number = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replaceAll(',', '')) : NaN);
  let count = number(params?.count);
  let errors = number(params?.errors);
  if (!Number.isFinite(count)) {
    const m = /([\d,]+) more problems? \(([\d,]+) of them errors?\)/.exec(marker.message);
    count = m ? number(m[1]) : 0;
    errors = m ? number(m[2]) : marker.severity === 'error' ? 1 : 0;
  }
  return { count, errors: Number.isFinite(errors) ? errors : 0 };
}

/**
 * The one place an import result becomes a verdict: the document when it could be read, every problem
 * (a file is valid when none is an error), notes and the version it was migrated from. A TF001 marker
 * that stands for problems the library left out becomes the report's count of them.
 */
export function verdictOf<T>(file: string, format: DocumentFormat, result: ImportResult<T>): { value: T | null; report: FileReport } {
  const r = result as unknown as AnyImportResult<T>;
  const value = r.document ?? r.value ?? null;
  const problems = (r.ok && r.warnings ? r.warnings : r.problems) ?? [];
  const report: FileReport = { file, format, unreadable: false, problems, migratedFrom: r.migratedFrom ?? null, notes: r.notes ?? [] };
  const last = problems[problems.length - 1];
  if (last?.code === 'TF001') {
    const { count, errors } = markerCounts(last);
    report.problems = problems.slice(0, -1);
    report.unlisted = { count, errors };
  }
  return { value, report };
}

/** How a text is checked: as one format only, and with the explicit repair of fix. */
export interface CheckOptions {
  only?: DocumentFormat;
  /** Repair what needs no guessing before validating, and list each change in the notes (the fix command). */
  fix?: boolean;
}

/**
 * Checks a text as the document its "format" names. Workflows and scenarios are checked against the
 * workspace; with none (it could not be read), their references to it are not checked, and a note says so.
 */
export function checkText(file: string, text: string, workspace: Workspace | null, options: CheckOptions = {}): Checked {
  const { only } = options;
  const detected = detectFormat(text);
  if (!detected.ok) return { format: null, value: null, report: failedReport(file, detected.problem, false) };
  const format = detected.format;
  if (only && format !== only) {
    // A file that is not even JSON says so first.
    const parsed = parseJsonSafely(text);
    if (!parsed.ok) return { format: null, value: null, report: failedReport(file, parsed.problem, false) };
    const detail = `This is a ${format} file ("format": "${format === 'bundle' ? BUNDLE_FORMAT : FORMATS[format].format}"), not a ${only} file.`;
    return { format: null, value: null, report: { ...failedReport(file, problem('TF105', '/format', { detail }), false), format } };
  }
  // Typed apart from the call so that a library without the option still compiles; it then repairs on every import.
  const importOptions: ImportAgainstWorkspaceOptions & { fix?: boolean } = { workspace: workspace ?? undefined };
  if (options.fix) importOptions.fix = true;
  const unchecked = (report: FileReport) => {
    if (workspace === null) report.notes.push('References to the workspace were not checked: the workspace could not be read.');
    return report;
  };
  switch (format) {
    case 'workflow': {
      const v = verdictOf(file, format, importWorkflow(text, importOptions));
      return { format, value: v.value, report: unchecked(v.report) };
    }
    case 'scenario': {
      const v = verdictOf(file, format, importScenario(text, importOptions));
      return { format, value: v.value, report: unchecked(v.report) };
    }
    case 'workspace': {
      const v = verdictOf(file, format, importWorkspace(text, importOptions));
      return { format, value: v.value, report: v.report };
    }
    case 'bundle': {
      const v = verdictOf(file, format, importBundle(text, importOptions));
      return { format, value: v.value, report: v.report };
    }
  }
}

/** Reads and checks one input. */
export async function loadInput(io: CliIo, file: string, workspace: Workspace | null, only?: DocumentFormat): Promise<Checked> {
  const read = await readInput(io, file);
  if (!read.ok) return { format: null, value: null, report: read.report };
  return checkText(file, read.text, workspace, { only });
}

/** Remembers each workflow id's first file, and files a TF502 on a later file with the same id. */
export class WorkflowIds {
  private readonly first = new Map<string, string>();

  check(checked: Checked): void {
    if (checked.format !== 'workflow' || checked.value === null) return;
    const id = checked.value.workflow.id;
    const other = this.first.get(id);
    if (other === undefined) this.first.set(id, checked.report.file);
    else checked.report.problems.push(problem('TF502', '/workflow/id', { id, other: other === STDIN ? 'standard input' : other }));
  }
}
