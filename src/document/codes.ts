import { format } from '../actions/messages';
import { clip, QUOTE_LIMIT } from './words';

/** How bad a problem is: errors block enabling (or importing, for parse and schema errors); warnings inform. */
export type Severity = 'error' | 'warning';

/** One problem found while importing or validating a document. */
export interface Problem {
  /** Stable code such as "TF304"; see CODES. */
  code: string;
  severity: Severity;
  /** JSON pointer into the document ("" is the whole document). */
  path: string;
  /** The action the problem concerns, when there is one. */
  actionId?: string;
  /** User-facing English text naming what is wrong and where. */
  message: string;
  /**
   * The values the code's message is made from, clipped as the message quotes them, with the
   * structured values other languages need (ids of a loop, the kind of a value found): renderProblem
   * words a problem in the reader's language from code and params. Absent on problems older than them.
   */
  params?: ProblemParams;
}

/** A problem's values: texts and numbers, and lists of ids or values. */
export type ProblemParams = Record<string, string | number | readonly string[]>;

/** What a code means: its stable name, default severity and message template ("{name}" placeholders). */
export interface CodeInfo {
  name: string;
  severity: Severity;
  template: string;
}

/**
 * Every problem code. The numbers never change meaning once published: TF0xx the report itself,
 * TF1xx reading the file, TF2xx the JSON Schema, TF3xx workflow rules, TF4xx workspace and scenario
 * rules, TF9xx bugs.
 */
export const CODES = {
  TF001: {
    name: 'MORE_PROBLEMS',
    severity: 'error',
    template: '… and {count} more problems ({errors} of them errors), not listed to keep the report readable.',
  },
  TF101: { name: 'JSON_SYNTAX', severity: 'error', template: 'Invalid JSON at line {line}, column {column}: {detail}.' },
  TF102: {
    name: 'TOO_LARGE',
    severity: 'error',
    template: 'The file is {size}, over the limit of {limit}; it was not read.',
  },
  TF103: {
    name: 'TOO_DEEP',
    severity: 'error',
    template: 'Values are nested more than {limit} levels deep at line {line}, column {column}; it was not read.',
  },
  TF104: { name: 'NOT_AN_OBJECT', severity: 'error', template: 'The file holds {found}, not a {expected} object.' },
  TF105: { name: 'UNKNOWN_FORMAT', severity: 'error', template: '{detail}' },
  TF106: {
    name: 'UNSUPPORTED_VERSION',
    severity: 'error',
    template: '{detail} This version of Ticketflow reads {format} schemaVersion {supported}.',
  },
  TF107: { name: 'NOT_UTF8', severity: 'error', template: '{detail}.' },
  TF108: {
    name: 'DUPLICATE_KEY',
    severity: 'error',
    template: 'The key {key} appears twice in the same object, at line {line}, column {column} and again at line {againLine}, column {againColumn}; a file must say each setting once.',
  },
  TF201: { name: 'SCHEMA_REQUIRED', severity: 'error', template: '{where} is missing the required property "{property}".' },
  TF202: {
    name: 'SCHEMA_UNKNOWN_PROPERTY',
    severity: 'error',
    template: '{where} has the property "{property}", which the format does not allow.',
  },
  TF203: { name: 'SCHEMA_TYPE', severity: 'error', template: '{where} must be {expected}, not {found}.' },
  TF204: { name: 'SCHEMA_VALUE', severity: 'error', template: '{where} {detail}' },
  TF205: {
    name: 'SCHEMA_UNKNOWN_KIND',
    severity: 'error',
    template: '{where} has {tag} "{value}", which is not one of: {allowed}.',
  },
  TF301: {
    name: 'NO_START',
    severity: 'error',
    template: 'The workflow has actions but no start action (startActionId is null).',
  },
  TF302: { name: 'BAD_START', severity: 'error', template: 'The start action "{target}" is not an action of this workflow.' },
  TF303: { name: 'DUPLICATE_ACTION_ID', severity: 'error', template: 'Another action already has the id "{actionId}".' },
  TF304: {
    name: 'DANGLING_LINK',
    severity: 'error',
    template: 'Action "{actionId}" leads to "{target}" ({slot}), which is not an action of this workflow.',
  },
  TF305: {
    name: 'UNREACHABLE_ACTION',
    severity: 'error',
    template: 'Action "{actionId}" can never run: no path from the start action leads to it.',
  },
  TF306: {
    name: 'MERGE_WITHOUT_GOTO',
    severity: 'error',
    template: 'Action "{actionId}" follows both {from}; paths can only meet through a go-to action.',
  },
  TF307: {
    name: 'LOOP_WITHOUT_GOTO',
    severity: 'error',
    template: 'Actions {cycle} lead back to themselves without a go-to; only a go-to action may loop.',
  },
  TF308: {
    name: 'LOOP_WITHOUT_DELAY',
    severity: 'error',
    template: 'Actions {cycle} form a loop with no delay action on it{zeroDelays}; a ticket would repeat them without end.',
  },
  TF309: {
    name: 'INCOMPLETE_ACTION',
    severity: 'error',
    template: 'Action "{actionId}" is incomplete: {detail}',
  },
  TF310: {
    name: 'BRANCH_DUPLICATE_PATH',
    severity: 'error',
    template: 'Branch "{actionId}" has more than one path with the id "{pathId}".',
  },
  TF311: {
    name: 'BRANCH_PATH_EMPTY',
    severity: 'error',
    template: 'Path "{pathId}" of branch "{actionId}" needs at least one condition in each of its condition groups.',
  },
  TF312: { name: 'UNKNOWN_STATUS', severity: 'error', template: '{where} uses the status "{id}", which no pipeline of the workspace has.' },
  TF313: { name: 'UNKNOWN_USER', severity: 'error', template: '{where} uses the user "{id}", who is not in the workspace.' },
  TF314: { name: 'UNKNOWN_TEAM', severity: 'error', template: '{where} uses the team "{id}", which is not in the workspace.' },
  TF315: {
    name: 'UNKNOWN_TEMPLATE',
    severity: 'error',
    template: '{where} uses the email template "{id}", which is not in the workspace.',
  },
  TF316: {
    name: 'STATUS_NOT_IN_PIPELINE',
    severity: 'warning',
    template:
      'Action "{actionId}" sets the status "{id}", which pipeline "{pipeline}" does not have; tickets of that pipeline enrolled here cannot take it.',
  },
  TF317: {
    name: 'TRIGGER_INCOMPLETE',
    severity: 'error',
    template: 'Enrollment trigger {index} ("status changed") has no status chosen.',
  },
  TF318: { name: 'NO_TRIGGER', severity: 'warning', template: 'The workflow has no enrollment trigger, so no ticket can enroll.' },
  TF319: {
    name: 'FILTER_VALUE_MISMATCH',
    severity: 'error',
    template: 'The condition on {property} with operator "{operator}" {detail}',
  },
  TF320: {
    name: 'UNKNOWN_FILTER_VALUE',
    severity: 'warning',
    template: 'The condition on {property} compares with "{id}", which is not a {what} of the workspace.',
  },
  TF321: {
    name: 'COMMENT_UNKNOWN_TARGET',
    severity: 'warning',
    template: 'Comment thread "{threadId}" is on "{target}", which is neither an action of this workflow nor the trigger.',
  },
  TF322: {
    name: 'LAYOUT_UNKNOWN_ID',
    severity: 'warning',
    template: 'The layout places "{id}", which is neither an action of this workflow nor the trigger.',
  },
  TF323: {
    name: 'UNKNOWN_TOKEN',
    severity: 'warning',
    template: '{where} uses {{{token}}}, which is not a personalization token; it is sent as written.',
  },
  TF324: {
    name: 'VALUE_BRANCH_DUPLICATE_VALUE',
    severity: 'error',
    template: 'Value branch "{actionId}" lists the value "{value}" on path {path} and already on path {first}; each value may have one path only.',
  },
  TF325: {
    name: 'VALUE_BRANCH_BAD_VALUE',
    severity: 'error',
    template: 'Value branch "{actionId}" has a path for "{value}", which the {property} cannot be (it is one of {choices}).',
  },
  TF401: { name: 'DUPLICATE_ID', severity: 'error', template: 'Another {what} already has the id "{id}".' },
  TF402: { name: 'UNKNOWN_REFERENCE', severity: 'error', template: '{where} refers to the {what} "{id}", which does not exist.' },
  TF403: {
    name: 'EVENT_OUT_OF_ORDER',
    severity: 'error',
    template: 'Event {index} happens at {at}, before {before}; events must be in time order from the scenario start.',
  },
  TF404: {
    name: 'END_BEFORE_START',
    severity: 'error',
    template: 'The scenario ends at {end}, before it starts at {start}, so no delay or timer would ever run; set an end after the start, or leave it out (30 days after the last event).',
  },
  TF405: {
    name: 'EVENT_TICKET_TWICE_OR_NEVER',
    severity: 'error',
    template: 'Event {index} ({type}) {how}; give either ticketId (a ticket id) or ticketOf (a conversation whose ticket is meant), exactly one.',
  },
  TF406: {
    name: 'EVENT_TICKET_OF_UNKNOWN_CONVERSATION',
    severity: 'error',
    template: 'Event {index} ({type}) names the ticket of conversation "{conversation}", which neither the initial state nor any earlier event starts.',
  },
  // TF5xx: the files of one command line together (reported by the CLI).
  TF501: { name: 'UNREADABLE_FILE', severity: 'error', template: 'The file cannot be read: {reason}.' },
  TF502: {
    name: 'DUPLICATE_WORKFLOW_ACROSS_FILES',
    severity: 'error',
    template: 'The workflow id "{id}" is also the id of the workflow in "{other}"; workflow ids must be unique across the files checked together.',
  },
  TF503: {
    name: 'INPUT_TOO_LARGE',
    severity: 'error',
    template: 'The input is larger than the limit of {limit}; reading stopped there and it was not checked.',
  },
  TF504: { name: 'NO_JSON_FILES', severity: 'error', template: 'The directory holds no .json file at any depth.' },
  TF505: {
    name: 'NOT_CANONICAL',
    severity: 'error',
    template: 'The file is valid but not in canonical form (current schemaVersion, sorted keys, two-space indent); run "format --write" on it.',
  },
  TF901: {
    name: 'INTERNAL',
    severity: 'error',
    template: 'Ticketflow failed while {during}: {detail}. This is a bug in Ticketflow, not in the file.',
  },
} as const satisfies Record<string, CodeInfo>;

/** A problem code. */
export type Code = keyof typeof CODES;

/**
 * Params whose text the code composes from parts it has already quoted or clipped (a list of ids, a
 * sentence end): they may be longer than one quoted value, up to a backstop.
 */
const COMPOSED = new Set(['detail', 'where', 'allowed', 'cycle', 'from', 'during', 'supported', 'expected']);
const COMPOSED_LIMIT = 2000;
/** Most items of a list param kept (a loop of 5,000 actions is named by its first ones). */
const LIST_LIMIT = 50;

/**
 * Builds a problem from its code, pointer and the values its message template names. Every text
 * param is clipped (words.clip), so no message repeats more than QUOTE_LIMIT characters of an input
 * value however large the value is.
 */
export function problem(
  code: Code,
  path: string,
  params: ProblemParams = {},
  extra: { actionId?: string; severity?: Severity } = {},
): Problem {
  const info: CodeInfo = CODES[code];
  const clipped: ProblemParams = {};
  const words: Record<string, string | number> = {};
  for (const key of Object.keys(params)) {
    const value = params[key]!;
    if (typeof value === 'object') {
      // A list is never part of the English message; it is kept, bounded, for the other languages.
      clipped[key] = value.slice(0, LIST_LIMIT).map((v) => clip(v));
      continue;
    }
    words[key] = clipped[key] = typeof value === 'string' ? clip(value, COMPOSED.has(key) ? COMPOSED_LIMIT : QUOTE_LIMIT) : value;
  }
  if (extra.actionId !== undefined) words.actionId = clipped.actionId = clip(extra.actionId);
  const out: Problem = {
    code,
    severity: extra.severity ?? info.severity,
    path,
    message: format(info.template, words),
    params: clipped,
  };
  if (extra.actionId !== undefined) out.actionId = extra.actionId;
  return out;
}

/**
 * Appends problems to a list one by one: `out.push(...more)` passes each as an argument and
 * overflows the call stack at about a hundred thousand, which a hostile file reaches easily.
 */
export function addProblems(out: Problem[], more: readonly Problem[]): Problem[] {
  for (let i = 0; i < more.length; i++) out.push(more[i]!);
  return out;
}

/** Whether any problem in the list is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** How long a report may grow: problems listed in full, and their total characters (messages and paths). */
export interface ReportLimits {
  maxProblems: number;
  maxChars: number;
}

/** 1,000 problems, or a million characters, are far more than anyone reads; the rest are counted. */
export const REPORT_LIMITS: ReportLimits = { maxProblems: 1000, maxChars: 1_000_000 };

/**
 * The problems up to the report's limits, then (when some were left out) one TF001 problem that
 * counts them; `unlisted` more errors, found but never put into words, are counted with them. The
 * marker is an error when any problem left out is, so the verdict of a capped report is the
 * verdict of the whole one.
 */
export function capProblems(problems: readonly Problem[], limits: Partial<ReportLimits> = {}, unlisted = 0): Problem[] {
  const { maxProblems, maxChars } = { ...REPORT_LIMITS, ...limits };
  let chars = 0;
  let kept = 0;
  while (kept < problems.length && kept < maxProblems) {
    const p = problems[kept]!;
    chars += p.message.length + p.path.length;
    if (chars > maxChars) break;
    kept++;
  }
  if (kept === problems.length && unlisted === 0) return problems as Problem[];
  let errors = unlisted;
  for (let i = kept; i < problems.length; i++) if (problems[i]!.severity === 'error') errors++;
  const out = problems.slice(0, kept);
  const count = problems.length - kept + unlisted;
  out.push(
    problem('TF001', '', { count: count.toLocaleString('en-US'), errors: errors.toLocaleString('en-US') }, { severity: errors > 0 ? 'error' : 'warning' }),
  );
  return out;
}
