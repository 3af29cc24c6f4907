import { DEFAULT_BUDGETS } from '../engine';

const n = (value: number) => value.toLocaleString('en-US');

/** Names of the CLI commands. */
export type CommandName = 'validate' | 'migrate' | 'format' | 'fix' | 'simulate' | 'schemas';

/** The commands that rewrite documents. */
export type RewriteName = 'migrate' | 'format' | 'fix';

/** Languages of the simulation trace text and of problem messages. */
export const LANGUAGES = ['en', 'es', 'it', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** Limits on one simulation run, as SimulationOptions.budgets takes them; unset ones keep the engine's defaults. */
export interface BudgetFlags {
  maxActions?: number;
  maxRecords?: number;
  maxOutputBytes?: number;
}

/** A command line, parsed and checked. Inputs are files, directories (every *.json under them) or "-" for stdin. */
export type CliCommand =
  | { name: 'help'; topic: CommandName | null }
  | { name: 'validate'; inputs: string[]; workspace: string | null; json: boolean; lang: Language }
  | { name: RewriteName; inputs: string[]; workspace: string | null; json: boolean; write: boolean; check: boolean; lang: Language }
  | {
      name: 'simulate';
      scenario: string;
      workflows: string[];
      workspace: string | null;
      json: boolean;
      budgets: BudgetFlags;
      lang: Language;
    }
  | { name: 'schemas'; out: string; check: boolean };

/** The outcome of parsing: a command, or a usage error naming what is wrong (and the command it concerns). */
export type ParseResult = { ok: true; command: CliCommand } | { ok: false; error: string; topic: CommandName | null };

/** The directory the published JSON Schemas live in. */
export const DEFAULT_SCHEMAS_DIR = 'schemas';

const INPUTS = `FILE, DIRECTORY (every *.json under it, in sorted order) or - (standard input)`;

const EXIT_CODES = `Exit codes: the worst over all files: 0 every file is valid (warnings are printed), 1 a file is
invalid (its problems are listed), 2 a usage error or a file that cannot be read, 3 an internal error
(a bug in Ticketflow). Every file is reported, whatever the others give.`;

const JSON_SHAPE = `--json prints one object:
  { "version": 1, "ok": <every file valid>, "files": [ { "file", "format": "workflow" | "workspace" |
    "scenario" | "bundle" | null, "valid", "unreadable"?: true, "migratedFrom": <number> | null,
    "notes": [...], "problems": [ { "code", "severity", "path", "actionId"?, "message" } ], "more"?: <count> } ] }
At most 200 problems per file and 2,000 per report are listed; "more" counts the rest.`;

const OVERVIEW = `Ticketflow command line: check, rewrite and simulate Ticketflow files, publish the JSON Schemas.

Usage:
  npm run --silent cli -- <command> [options]

Commands:
  validate INPUT…                 check workflow, workspace, scenario and bundle files (told apart by content)
  migrate INPUT… [--write]        write documents in the current schemaVersion, canonical bytes
  format INPUT… [--write|--check] write documents as canonical bytes, or check that they are
  fix INPUT… [--write]            repair what can be repaired safely, listing every change
  simulate --scenario S.json …    run workflows against a scenario on a virtual clock
  schemas [--out DIR] [--check]   write the JSON Schemas, or check the committed ones
  help [COMMAND]                  show this help, or a command's help

An INPUT is a ${INPUTS}.

Exit codes: 0 success, 1 invalid input (problems are listed), 2 usage error or unreadable file,
3 internal error (a bug in Ticketflow). With several files, the worst one decides.
`;

/** The --lang option of the commands that list problems. */
const LANG_OPTION = `  --lang en|es|it|fr   the language of the problem messages (default en)\n`;

const rewriteUsage = (name: RewriteName, what: string, extra: string) => `Usage: ${name} INPUT… [--write] [--workspace WS.json] [--json] [--lang en|es|it|fr]${name === 'format' ? ' [--check]' : ''}

${what}

Without --write the one document is printed on stdout and the report goes to stderr; with --write each
file is replaced atomically (a temporary file beside it, then a rename) and the report goes to stdout.
A file with errors is never written. An INPUT is a ${INPUTS}.

Options:
  --write              replace each file instead of printing the document
${extra}  --workspace WS.json  check references against this workspace (default: the built-in workspace)
  --json               print the report as one JSON object (see "help validate")
${LANG_OPTION}
${EXIT_CODES}
`;

const COMMAND_USAGE: Record<CommandName, string> = {
  validate: `Usage: validate INPUT… [--workspace WS.json] [--json] [--lang en|es|it|fr]

Checks each file, recognised by its "format": a workflow document (envelope and version, schema, and
the workflow rules: one start, no dangling references, nothing unreachable, statuses/users/teams/
templates that exist in the workspace, complete branches, loops only through a delay, no
placeholders), a workspace, a scenario (against the workspace) or a bundle. Two workflow files with
the same workflow id are an error (TF502) naming both files. A file is valid when its document passes
the published schema and the rules; nothing is filled in or repaired (see "fix").
An INPUT is a ${INPUTS}; inputs are read up to the 10 MB limit and no further.

Options:
  --workspace WS.json  check references against this workspace (default: the built-in workspace)
  --json               print the report as one JSON object
${LANG_OPTION}
${JSON_SHAPE}

${EXIT_CODES}
`,
  migrate: rewriteUsage(
    'migrate',
    'Reads documents of any supported schemaVersion and writes them in the current one, as canonical bytes\n(sorted keys, two-space indent). What each migration changed is listed.',
    '',
  ),
  format: rewriteUsage(
    'format',
    'Writes documents as canonical bytes (RFC 8785 key order, two-space indent, a final line end), in the\ncurrent schemaVersion.',
    '  --check              write nothing; exit 1 listing each file whose bytes are not canonical\n',
  ),
  fix: rewriteUsage(
    'fix',
    'Repairs what can be repaired without guessing (drops nulls written for absent optional values, fills\nmissing settings that have a safe default, migrates older versions) and lists every change.',
    '',
  ),
  simulate: `Usage: simulate --scenario SCENARIO.json [--workspace WS.json] [INPUT…] [--json] [--lang en|es|it|fr]
                [--max-actions N] [--max-records N] [--max-output-bytes N]

Runs the workspace's built-in pipeline automation and the given workflows (files, directories or -)
against the scenario, deterministically, and prints what happened: each ticket, enrollment, action,
email and notification, with its time and reason. The workflow files given are the live set; an older
file (schemaVersion 2 or 1) that says "enabled": false is skipped with a note.

Options:
  --scenario SCENARIO.json  the scenario to run (required; - reads it from standard input)
  --workspace WS.json       the help desk to run in (default: the built-in workspace)
  --json                    print one JSON object (see below)
  --lang en|es|it|fr        the language of the trace text (default en)
  --max-actions N           most actions in the whole run (default ${n(DEFAULT_BUDGETS.maxActions)})
  --max-records N           most records kept (trace and history entries, emails, notifications,
                            webhooks, errors, messages) in the run (default ${n(DEFAULT_BUDGETS.maxRecords)})
  --max-output-bytes N      most text the run renders (emails, notifications, webhook bodies) in
                            the run (default ${n(DEFAULT_BUDGETS.maxOutputBytes)})

A run that reaches a budget stops with the error guard.budget naming the busiest workflows, and its
partial result is printed. Input problems go to stderr; warnings do not stop the run. When an input
has errors nothing is simulated.

--json always prints one object: { "version": 1, "ok": <the inputs were valid and the run happened>,
"result": <SimulationResult, see schemas/simulation-result.schema.json> | null, "problems": [ { "file",
"code", "severity", "path", "actionId"?, "message" } ] } (at most 2,000 problems; "more" counts the rest).

The runaway guard stops automation that keeps itself going (more than 100 actions on a ticket within
a virtual minute, or 10,000 in the run); its message, naming the workflows involved, is also printed
on stderr.

Exit codes: 0 when the simulation ran (errors inside the run are reported in the output), 1 when an
input is invalid (its problems are listed), 2 on a usage error or a file that cannot be read.
`,
  schemas: `Usage: schemas [--out DIR] [--check]

Writes workflow.schema.json, workspace.schema.json and scenario.schema.json (JSON Schema draft
2020-12), generated from the same source as the app's types.

Options:
  --out DIR  the directory to write to or check (default: ${DEFAULT_SCHEMAS_DIR})
  --check    write nothing; exit 1 when the files in DIR differ from the generated schemas

Exit codes: 0 success, 1 drift found by --check, 2 on a usage error or a file that cannot be written.
`,
};

/** The help text for a command, or the overview for none. */
export function usageText(topic: CommandName | null): string {
  return topic ? COMMAND_USAGE[topic] : OVERVIEW;
}

function isCommandName(word: string): word is CommandName {
  return Object.hasOwn(COMMAND_USAGE, word);
}

interface OptionSpec {
  /** Options that take no value. */
  flags: readonly string[];
  /** Options that take one value. */
  values: readonly string[];
}

const OPTIONS: Record<CommandName, OptionSpec> = {
  validate: { flags: ['json'], values: ['workspace', 'lang'] },
  migrate: { flags: ['json', 'write'], values: ['workspace', 'lang'] },
  format: { flags: ['json', 'write', 'check'], values: ['workspace', 'lang'] },
  fix: { flags: ['json', 'write'], values: ['workspace', 'lang'] },
  simulate: { flags: ['json'], values: ['scenario', 'workspace', 'lang', 'max-actions', 'max-records', 'max-output-bytes'] },
  schemas: { flags: ['check'], values: ['out'] },
};

const BUDGET_OPTIONS = { 'max-actions': 'maxActions', 'max-records': 'maxRecords', 'max-output-bytes': 'maxOutputBytes' } as const;

/** A budget flag's value: a whole number of at least 1, written in digits. */
function budgetValue(name: string, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const value = /^[0-9]{1,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) return { ok: false, error: `option --${name} needs a whole number of at least 1 (got "${text}")` };
  return { ok: true, value };
}

/** "-" (standard input) can be read once per run. */
function stdinTwice(paths: readonly (string | null | undefined)[]): boolean {
  return paths.filter((p) => p === '-').length > 1;
}

interface Tokens {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
  help: boolean;
}

/** Splits a command's arguments into positionals and its known options; the error names the offending argument. */
function tokenize(command: CommandName, args: readonly string[]): { ok: true; tokens: Tokens } | { ok: false; error: string } {
  const spec = OPTIONS[command];
  const tokens: Tokens = { positionals: [], flags: new Set(), values: new Map(), help: false };
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      tokens.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      tokens.help = true;
      continue;
    }
    if (!arg.startsWith('--')) return { ok: false, error: `unknown option "${arg}" for ${command}` };
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? null : arg.slice(eq + 1);
    if (spec.flags.includes(name)) {
      if (inline !== null) return { ok: false, error: `option --${name} takes no value (got "${arg}")` };
      if (tokens.flags.has(name)) return { ok: false, error: `option --${name} is given more than once` };
      tokens.flags.add(name);
    } else if (spec.values.includes(name)) {
      if (tokens.values.has(name)) return { ok: false, error: `option --${name} is given more than once` };
      let value = inline;
      if (value === null) {
        const following = args[i + 1];
        if (following === undefined || following.startsWith('--')) return { ok: false, error: `option --${name} needs a value` };
        value = following;
        i++;
      }
      if (value === '') return { ok: false, error: `option --${name} needs a non-empty value` };
      tokens.values.set(name, value);
    } else {
      return { ok: false, error: `unknown option "--${name}" for ${command}` };
    }
  }
  return { ok: true, tokens };
}

/** Parses the arguments after the program name into a command, without touching files or the process. */
export function parseArgs(argv: readonly string[]): ParseResult {
  const [first, ...rest] = argv;
  if (first === undefined) return { ok: false, error: 'no command given', topic: null };
  if (first === 'help' || first === '--help' || first === '-h') {
    const [topic, ...extra] = rest;
    if (topic === undefined) return { ok: true, command: { name: 'help', topic: null } };
    if (!isCommandName(topic)) return { ok: false, error: `no help for unknown command "${topic}"`, topic: null };
    if (extra.length) return { ok: false, error: `unexpected argument "${extra[0]}" after help ${topic}`, topic };
    return { ok: true, command: { name: 'help', topic } };
  }
  if (!isCommandName(first)) return { ok: false, error: `unknown command "${first}"`, topic: null };

  const parsed = tokenize(first, rest);
  if (!parsed.ok) return { ok: false, error: parsed.error, topic: first };
  const { positionals, flags, values, help } = parsed.tokens;
  if (help) return { ok: true, command: { name: 'help', topic: first } };

  const workspace = values.get('workspace') ?? null;
  const refuse = (error: string): ParseResult => ({ ok: false, error, topic: first });
  const lang = values.get('lang') ?? 'en';
  if (!isLanguage(lang)) return refuse(`option --lang needs one of ${LANGUAGES.join(', ')} (got "${lang}")`);
  switch (first) {
    case 'validate':
      if (positionals.length === 0) return refuse('validate needs at least one INPUT (a file, a directory or -)');
      if (stdinTwice([...positionals, workspace])) return refuse('standard input (-) can be given only once');
      return { ok: true, command: { name: 'validate', inputs: positionals, workspace, json: flags.has('json'), lang } };
    case 'migrate':
    case 'format':
    case 'fix': {
      if (positionals.length === 0) return refuse(`${first} needs at least one INPUT (a file, a directory or -)`);
      if (stdinTwice([...positionals, workspace])) return refuse('standard input (-) can be given only once');
      const write = flags.has('write');
      const check = flags.has('check');
      if (write && check) return refuse('--write and --check cannot be given together');
      if (write && positionals.includes('-')) return refuse('--write cannot replace standard input (-); print the document instead');
      return { ok: true, command: { name: first, inputs: positionals, workspace, json: flags.has('json'), write, check, lang } };
    }
    case 'simulate': {
      const scenario = values.get('scenario');
      if (scenario === undefined) return refuse('simulate needs --scenario SCENARIO.json');
      if (stdinTwice([scenario, workspace, ...positionals])) return refuse('standard input (-) can be given only once');
      const budgets: BudgetFlags = {};
      for (const [option, key] of Object.entries(BUDGET_OPTIONS)) {
        const text = values.get(option);
        if (text === undefined) continue;
        const parsedValue = budgetValue(option, text);
        if (!parsedValue.ok) return refuse(parsedValue.error);
        budgets[key] = parsedValue.value;
      }
      return {
        ok: true,
        command: { name: 'simulate', scenario, workflows: positionals, workspace, json: flags.has('json'), budgets, lang },
      };
    }
    case 'schemas':
      if (positionals.length) return { ok: false, error: `unexpected argument "${positionals[0]}" for schemas`, topic: first };
      return { ok: true, command: { name: 'schemas', out: values.get('out') ?? DEFAULT_SCHEMAS_DIR, check: flags.has('check') } };
  }
}
