import { summaryOf, type Translate } from '../actions';
import { EN_MESSAGES, englishT } from '../actions/messages';
import type { Code, Problem, ProblemParams } from '../document/codes';
import type { Workflow } from '../model/workflow';
import type { Workspace } from '../model/workspace';
import { PHRASES_EN } from './render-en';
import { PHRASES_ES } from './render-es';
import { PHRASES_FR } from './render-fr';
import { PHRASES_IT } from './render-it';
import { PROBLEMS_ES } from './problems-es';
import { PROBLEMS_FR } from './problems-fr';
import { PROBLEMS_IT } from './problems-it';
import type { TraceEntry, TraceParams } from './types';

/** The languages the trace is rendered in (the seeds' languages, as the UI speaks them). */
export type TraceLanguage = 'en' | 'es' | 'it' | 'fr';
export const TRACE_LANGUAGES: readonly TraceLanguage[] = ['en', 'es', 'it', 'fr'];

/** Names for the ids a trace entry carries; an id without a name is shown as it is. */
export interface LabelLookup {
  status?(id: string): string | undefined;
  user?(id: string): string | undefined;
  channel?(id: string): string | undefined;
  contact?(id: string): string | undefined;
  pipeline?(id: string): string | undefined;
  workflow?(id: string): string | undefined;
  template?(id: string): string | undefined;
  /** An action's summary or id, within its workflow. */
  action?(workflowId: string | undefined, actionId: string): string | undefined;
  /** A path label in the reader's words when the core gave it ("Otherwise"); undefined for one a user wrote. */
  pathLabel?(label: string): string | undefined;
}

/** The path labels the core writes, by their English text: a label still so is worded in the reader's language. */
const CORE_PATH_LABELS = new Map(['branch.default', 'valueBranch.default', 'delayUntilEvent.happened', 'delayUntilEvent.timeout'].map((key) => [EN_MESSAGES[key]!, key]));

/** A path label the core wrote, in `t`'s language; undefined for a label a user wrote. */
export function corePathLabel(label: string, t: Translate): string | undefined {
  const key = CORE_PATH_LABELS.get(label);
  return key === undefined ? undefined : t(key);
}

/**
 * Labels from a workspace (and optionally the workflows that ran), as the CLI and the app use them:
 * actions are named by their summary ("Go to Branch: 2 paths + default"), with `t` for its words.
 */
export function labelsOf(workspace: Workspace, workflows: readonly Workflow[] = [], t: Translate = englishT): LabelLookup {
  const statuses = new Map<string, string>();
  for (const p of workspace.pipelines) for (const s of p.statuses) if (!statuses.has(s.id)) statuses.set(s.id, s.label);
  const byId = <T extends { id: string }>(list: readonly T[], name: (t: T) => string) => new Map(list.map((x) => [x.id, name(x)]));
  const users = byId(workspace.users, (u) => u.name);
  const channels = byId(workspace.channels, (c) => c.name);
  const contacts = byId(workspace.contacts, (c) => c.name);
  const pipelines = byId(workspace.pipelines, (p) => p.name);
  const templates = byId(workspace.templates, (t) => t.name);
  const flows = byId(workflows, (w) => w.name);
  const byWorkflow = new Map(workflows.map((w) => [w.id, w]));
  return {
    action(workflowId, actionId) {
      const actions = workflowId === undefined ? undefined : byWorkflow.get(workflowId)?.actions;
      const action = actions?.find((a) => a.id === actionId);
      return action ? summaryOf(action, workspace, t, (id) => actions!.find((a) => a.id === id)) : undefined;
    },
    status: (id) => statuses.get(id),
    user: (id) => users.get(id),
    channel: (id) => channels.get(id),
    contact: (id) => contacts.get(id),
    pipeline: (id) => pipelines.get(id),
    template: (id) => templates.get(id),
    workflow: (id) => flows.get(id),
    pathLabel: (label) => corePathLabel(label, t),
  };
}

/** What a language's phrases are given: the entry's parameters and helpers that name things in that language. */
export interface Helpers {
  readonly entry: TraceEntry;
  status(id: unknown): string;
  user(id: unknown): string;
  channel(id: unknown): string;
  contact(id: unknown): string;
  pipeline(id: unknown): string;
  workflow(id: unknown): string;
  template(id: unknown): string;
  action(id: unknown): string;
  /** A path's label as the reader sees it (see LabelLookup.pathLabel). */
  path(label: unknown): string;
  /** Who made a change: a workflow's name, a built-in rule, the scenario, creation, a move. */
  actor(id: unknown): string;
  /** A moment of the virtual clock, "2026-01-05 09:00 UTC". */
  time(ms: unknown): string;
  /** "1 day", "3 days", in the language, chosen with Intl.PluralRules. */
  count(amount: unknown, unit: string): string;
  /** The unit's word alone for that amount: "group" for 1, "groups" for 3. */
  noun(amount: unknown, unit: string): string;
  /** A list of user ids ("u-1,u-2") as names joined in the language. */
  users(ids: unknown): string;
  /** Weekdays ("mon,fri") as names joined in the language. */
  days(list: unknown): string;
  /** The value of a ticket property (status and owner ids named, priorities in words). */
  value(property: unknown, value: unknown): string;
  /** The trigger of an enrollment entry, from its parameters. */
  trigger(p: TraceParams): string;
  /** The filter outcome of an enrollment or unenrollment entry, from its parameters. */
  filters(p: TraceParams): string;
}

/** The help-desk rules the trace names in words; each has an explanation the app shows on request. */
export type HelpDeskRule = 'create' | 'out' | 'in' | 'reopen' | 'chat' | 'move' | 'runaway';

/** A language's words and the sentence of every code. */
export interface Phrases {
  /** Sentences by trace or error code; a code without one falls back to English, an error to its message. */
  codes: Record<string, (p: TraceParams, h: Helpers) => string>;
  /** Unit names by plural category: units.days.one = "day". */
  units: Record<string, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
  /** Each help-desk rule's name and explanation in words. */
  rules: Record<HelpDeskRule, { name: string; explanation: string }>;
  weekdays: Record<string, string>;
  priorities: Record<string, string>;
  properties: Record<string, string>;
  operators: Record<string, string>;
  /** Words for a missing value: no owner, an unknown fact. */
  nobody: string;
  unknown: string;
  and: string;
  actors: Record<'scenario' | 'creation' | 'move' | 'onEmailSent' | 'onCustomerReply', string>;
  trigger(p: TraceParams, h: Helpers): string;
  filters(p: TraceParams, h: Helpers): string;
}

/** What a language's problem sentences are given besides the params: the problem and words for its values. */
export interface ProblemHelpers extends Helpers {
  readonly problem: Problem;
  /** Items joined in the language: "a, b y c". */
  list(items: readonly string[]): string;
  /** Alternatives joined in the language: "a, b o c". */
  either(items: readonly string[]): string;
  /** A value taken from the input in double quotes, as the English message quotes it. */
  quoted(value: unknown): string;
  /** The text of one of the core's message keys ("missing.status") in the reader's language. */
  t: Translate;
}

/** The sentence of one problem code in one language. */
export type ProblemPhrase = (p: Readonly<ProblemParams>, h: ProblemHelpers) => string;

const PHRASES: Record<TraceLanguage, Phrases> = { en: PHRASES_EN, es: PHRASES_ES, it: PHRASES_IT, fr: PHRASES_FR };
/**
 * The sentence of every problem code (TF…) in each language, from the problem's params. English has
 * none: the core already words each problem in English (its message), which stays byte for byte as it is.
 */
const PROBLEM_PHRASES: Record<TraceLanguage, Partial<Record<Code, ProblemPhrase>>> = { en: {}, es: PROBLEMS_ES, it: PROBLEMS_IT, fr: PROBLEMS_FR };
const pluralRules = new Map<TraceLanguage, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();

function listFormat(lang: TraceLanguage, type: 'conjunction' | 'disjunction'): Intl.ListFormat {
  let list = listFormats.get(`${lang} ${type}`);
  if (!list) listFormats.set(`${lang} ${type}`, (list = new Intl.ListFormat(lang, { style: 'long', type })));
  return list;
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A moment as "2026-01-05 09:00 UTC" (seconds when there are any): the same in every language. */
export function formatTraceTime(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 23) === '00.000' ? '' : `:${iso.slice(17, 19)}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds} UTC`;
}

function helpers(entry: TraceEntry, lang: TraceLanguage, labels: LabelLookup): Helpers {
  const words = PHRASES[lang];
  const name = (look: ((id: string) => string | undefined) | undefined, id: unknown, none = words.nobody) => {
    if (id === null || id === undefined || id === '') return none;
    const key = String(id);
    return look?.(key) ?? key;
  };
  let plural = pluralRules.get(lang);
  if (!plural) pluralRules.set(lang, (plural = new Intl.PluralRules(lang)));
  const list = listFormat(lang, 'conjunction');
  const join = (items: string[]) => list.format(items);
  const h: Helpers = {
    entry,
    status: (id) => name(labels.status, id, words.unknown),
    user: (id) => name(labels.user, id),
    channel: (id) => name(labels.channel, id, words.unknown),
    contact: (id) => name(labels.contact, id, words.unknown),
    pipeline: (id) => name(labels.pipeline, id, words.unknown),
    workflow: (id) => name(labels.workflow, id, words.unknown),
    template: (id) => name(labels.template, id, words.unknown),
    action: (id) => (id === null || id === undefined ? words.unknown : (labels.action?.(entry.workflow, String(id)) ?? String(id))),
    path: (label) => labels.pathLabel?.(String(label)) ?? String(label),
    actor(id) {
      const by = text(id);
      if (by === 'scenario' || by === 'creation' || by === 'move') return words.actors[by];
      if (by.startsWith('builtin:')) return by.endsWith(':onEmailSent') ? words.actors.onEmailSent : words.actors.onCustomerReply;
      return labels.workflow?.(by) ?? by;
    },
    time: (ms) => (typeof ms === 'number' ? formatTraceTime(ms) : text(ms)),
    count: (amount, unit) => `${words.units[unit] ? Number(amount) : text(amount)} ${h.noun(amount, unit)}`,
    noun(amount, unit) {
      const forms = words.units[unit];
      return forms ? (forms[plural.select(Number(amount))] ?? forms.other) : unit;
    },
    users: (ids) => {
      const list = text(ids).split(',').filter(Boolean).map((id) => name(labels.user, id));
      return list.length ? join(list) : words.nobody;
    },
    days: (days) => join(text(days).split(',').filter(Boolean).map((d) => words.weekdays[d] ?? d)),
    value(property, value) {
      if (property === 'status') return h.status(value);
      if (property === 'owner') return h.user(value);
      if (property === 'channel') return h.channel(value);
      if (property === 'contact') return h.contact(value);
      if (property === 'pipeline') return h.pipeline(value);
      if (property === 'priority') return value === null ? words.unknown : (words.priorities[text(value)] ?? text(value));
      if ((property === 'createdAt' || property === 'closedAt') && typeof value === 'number') return formatTraceTime(value);
      if (value === null || value === undefined || value === '') return words.unknown;
      return property === 'subject' ? `"${text(value)}"` : text(value);
    },
    trigger: (p) => words.trigger(p, h),
    filters: (p) => words.filters(p, h),
  };
  return h;
}

/**
 * The text of a trace entry in the reader's language (SPEC §6), with labels for the ids it carries. The
 * one renderer of the trace: the CLI, the app's simulation panel and the trace export all use it. An
 * error without a sentence in the language shows its English message.
 */
export function renderTraceEntry(entry: TraceEntry, options: { lang?: TraceLanguage; labels?: LabelLookup } = {}): string {
  const lang = options.lang && PHRASES[options.lang] ? options.lang : 'en';
  const h = helpers(entry, lang, options.labels ?? {});
  const phrase = PHRASES[lang].codes[entry.code] ?? PHRASES_EN.codes[entry.code];
  if (phrase) return phrase(entry.params, h);
  const message = entry.params.message;
  return typeof message === 'string' ? message : `${entry.code} ${JSON.stringify(entry.params)}`;
}

/** The help-desk rule a trace entry applies or reports on, if any (the app offers its explanation beside the line). */
export function traceRule(entry: TraceEntry): HelpDeskRule | undefined {
  const p = entry.params;
  switch (entry.code) {
    case 'automation.noTicket':
      return 'create';
    case 'automation.notApplied':
    case 'automation.off':
    case 'automation.already':
    case 'automation.apply':
    case 'automation.badStatus':
      return p.rule === 'out' || p.rule === 'in' || p.rule === 'reopen' ? p.rule : undefined;
    case 'ticket.created':
      return p.cause === 'movedChannel' || p.cause === 'movingChannel' || p.cause === 'moveHistory' ? 'move' : 'create';
    case 'enrollment.excluded':
      return 'chat';
    case 'guard.runaway':
    case 'unenrollment.stopped':
      return 'runaway';
    case 'status.changed':
      if (typeof p.by === 'string' && p.by.startsWith('builtin:')) return p.by.endsWith(':onEmailSent') ? 'out' : 'in';
      return undefined;
    default:
      return entry.code.startsWith('move.') ? 'move' : undefined;
  }
}

/** A help-desk rule's name and explanation in the language (English when the language is not one of the four). */
export function ruleWords(rule: HelpDeskRule, lang: TraceLanguage = 'en'): { name: string; explanation: string } {
  return (PHRASES[lang] ?? PHRASES_EN).rules[rule];
}

/**
 * The text of a problem (TF…) in the reader's language, from its code and params, with the same
 * helpers and per-language tables as the trace: the one renderer of problems for the CLI and the app.
 * English, and a problem without params, is the core's own message, unchanged. `t` words the core's
 * message keys a problem names (an incomplete setting), as the app's translator does; `labels` names ids.
 */
export function renderProblem(problem: Problem, options: { lang?: TraceLanguage; labels?: LabelLookup; t?: Translate } = {}): string {
  const lang = options.lang && PHRASES[options.lang] ? options.lang : 'en';
  const phrase = PROBLEM_PHRASES[lang][problem.code as Code];
  if (!phrase || !problem.params) return problem.message;
  const entry: TraceEntry = { at: 0, kind: 'error', code: problem.code, params: {} };
  if (problem.actionId !== undefined) entry.action = problem.actionId;
  const h: ProblemHelpers = {
    ...helpers(entry, lang, options.labels ?? {}),
    problem,
    list: (items) => listFormat(lang, 'conjunction').format(items),
    either: (items) => listFormat(lang, 'disjunction').format(items),
    quoted: (value) => `"${text(value)}"`,
    t: options.t ?? englishT,
  };
  return phrase(problem.params, h);
}
