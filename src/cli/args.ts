/** Names of the CLI commands. */
export type CommandName = 'validate' | 'simulate' | 'schemas';

/** A command line, parsed and checked. */
export type CliCommand =
  | { name: 'help'; topic: CommandName | null }
  | { name: 'validate'; files: string[]; workspace: string | null; json: boolean }
  | { name: 'simulate'; scenario: string; workflows: string[]; workspace: string | null; json: boolean }
  | { name: 'schemas'; out: string; check: boolean };

/** The outcome of parsing: a command, or a usage error naming what is wrong (and the command it concerns). */
export type ParseResult = { ok: true; command: CliCommand } | { ok: false; error: string; topic: CommandName | null };

/** The directory the published JSON Schemas live in. */
export const DEFAULT_SCHEMAS_DIR = 'schemas';

const OVERVIEW = `Ticketflow command line: validate and simulate workflow documents, publish the JSON Schemas.

Usage:
  npm run --silent cli -- <command> [options]

Commands:
  validate WORKFLOW.json…        check workflow documents against the schema and the workspace
  simulate --scenario S.json …   run workflows against a scenario on a virtual clock
  schemas [--out DIR] [--check]  write the JSON Schemas, or check the committed ones
  help [COMMAND]                 show this help, or a command's help

Exit codes: 0 success, 1 invalid input (problems are listed), 2 usage error or unreadable file,
3 internal error (a bug in Ticketflow).
`;

const COMMAND_USAGE: Record<CommandName, string> = {
  validate: `Usage: validate WORKFLOW.json… [--workspace WS.json] [--json]

Checks each workflow document: envelope and version, schema, and semantic rules (one start, no
dangling references, nothing unreachable, statuses/users/teams/templates that exist in the
workspace, complete branches, loops only through a delay, no placeholders).

Options:
  --workspace WS.json  check references against this workspace (default: the built-in workspace)
  --json               print the problems as one JSON array (each with file, code, severity, path, actionId, message)

Exit codes: 0 when no problem has severity "error" (warnings are printed), 1 otherwise,
2 on a usage error or a file that cannot be read.
`,
  simulate: `Usage: simulate --scenario SCENARIO.json [--workspace WS.json] [WORKFLOW.json…] [--json]

Runs the workspace's built-in pipeline automation and the given workflows against the scenario,
deterministically, and prints what happened: each ticket, enrollment, action, email and notification,
with its time and reason.

Options:
  --scenario SCENARIO.json  the scenario to run (required)
  --workspace WS.json       the help desk to run in (default: the built-in workspace)
  --json                    print one JSON object with tickets, outbox, notifications, trace, errors, …

Input problems go to stderr; warnings do not stop the run. When an input has errors nothing is
simulated, and with --json stdout holds the problems as one JSON array, as validate --json prints them.

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
  validate: { flags: ['json'], values: ['workspace'] },
  simulate: { flags: ['json'], values: ['scenario', 'workspace'] },
  schemas: { flags: ['check'], values: ['out'] },
};

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

  switch (first) {
    case 'validate':
      if (positionals.length === 0) return { ok: false, error: 'validate needs at least one WORKFLOW.json', topic: first };
      return {
        ok: true,
        command: { name: 'validate', files: positionals, workspace: values.get('workspace') ?? null, json: flags.has('json') },
      };
    case 'simulate': {
      const scenario = values.get('scenario');
      if (scenario === undefined) return { ok: false, error: 'simulate needs --scenario SCENARIO.json', topic: first };
      return {
        ok: true,
        command: {
          name: 'simulate',
          scenario,
          workflows: positionals,
          workspace: values.get('workspace') ?? null,
          json: flags.has('json'),
        },
      };
    }
    case 'schemas':
      if (positionals.length) return { ok: false, error: `unexpected argument "${positionals[0]}" for schemas`, topic: first };
      return { ok: true, command: { name: 'schemas', out: values.get('out') ?? DEFAULT_SCHEMAS_DIR, check: flags.has('check') } };
  }
}
