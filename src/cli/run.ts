import { join } from 'node:path';
import { DISABLED_NOTE, exportBundle, exportWorkflow, generateJsonSchemas, problem, schemaFileText, SCHEMA_FILES, stableStringify } from '../document';
import { simulate, type SimulationOptions } from '../engine';
import { defaultWorkspace, type Workflow, type Workspace } from '../model';
import { parseArgs, usageText, type CliCommand, type Language, type RewriteName } from './args';
import { reportIn } from './words';
import { STDIN, type CliIo, type Output } from './io';
import { checkText, expandInputs, loadInput, readInput, WorkflowIds, type Checked, type FormatValue } from './load';
import { codeListFiles } from './codes-list';
import { ChunkedWriter, jsonText, writeJson, writeLines } from './output';
import {
  fileJson,
  fileLines,
  fileProblems,
  isValid,
  ListingBudget,
  printable,
  simulationLines,
  summaryLine,
  type DocumentFormat,
  type FileReport,
} from './report';

/** Exit codes of the CLI. With several files, the worst one decides. */
export const EXIT = {
  ok: 0,
  /** An input document is invalid, or committed schemas drifted, or a file is not canonical (format --check). */
  invalid: 1,
  /** Bad arguments, or a file that cannot be read or written. */
  usage: 2,
  /** A bug in Ticketflow. */
  internal: 3,
} as const;

/** The version of the --json report shapes. */
export const REPORT_VERSION = 1;

/** A file the CLI cannot write: a usage-level failure, not a document problem. */
class FileAccessError extends Error {}

/** The exit code a file's report gives. */
function exitOf(report: FileReport): number {
  if (report.unreadable) return EXIT.usage;
  return isValid(report) ? EXIT.ok : EXIT.invalid;
}

/** The workspace given with --workspace (checked and reported like any file), or the built-in one. */
async function loadWorkspace(io: CliIo, path: string | null): Promise<{ workspace: Workspace | null; checked: Checked | null }> {
  if (path === null) return { workspace: defaultWorkspace(), checked: null };
  const checked = await loadInput(io, path, null, 'workspace');
  return { workspace: checked.format === 'workspace' ? checked.value : null, checked };
}

/**
 * Writes the reports of files as they are made, as text lines or as the one --json object
 * `{ files, ok, version }` (written in canonical key order, each file's entry as soon as it is known),
 * with problems capped per file and per report. Keeps only the worst exit code.
 */
class FileReporter {
  private readonly out: ChunkedWriter;
  private readonly budget = new ListingBudget();
  private files = 0;
  private readonly tally = { valid: 0, invalid: 0, unreadable: 0 };
  code: number = EXIT.ok;

  constructor(
    stream: Output,
    private readonly json: boolean,
    private readonly lang: Language = 'en',
  ) {
    this.out = new ChunkedWriter(stream);
  }

  get closed(): boolean {
    return this.out.closed;
  }

  /** Counts a report towards the exit code without listing it. */
  count(report: FileReport): void {
    this.code = Math.max(this.code, exitOf(report));
    if (report.unreadable) this.tally.unreadable++;
    else if (isValid(report)) this.tally.valid++;
    else this.tally.invalid++;
  }

  async add(original: FileReport): Promise<void> {
    this.count(original);
    const report = reportIn(original, this.lang);
    if (this.json) {
      this.out.add(this.files === 0 ? '{\n  "files": [\n    ' : ',\n    ');
      this.out.add(jsonText(fileJson(report, this.budget), '    '));
    } else {
      for (const line of fileLines(report, this.budget)) this.out.add(`${line}\n`);
    }
    this.files++;
    if (this.out.full) await this.out.flush();
  }

  async end(summary = true): Promise<void> {
    if (this.json) {
      const ok = this.code === EXIT.ok;
      this.out.add(this.files === 0 ? `{\n  "files": [],\n` : '\n  ],\n');
      this.out.add(`  "ok": ${ok},\n  "version": ${REPORT_VERSION}\n}\n`);
    } else if (summary && this.files > 1) {
      this.out.add(`${summaryLine(this.tally)}\n`);
    }
    await this.out.flush();
  }
}

async function validate(command: Extract<CliCommand, { name: 'validate' }>, io: CliIo): Promise<number> {
  const reporter = new FileReporter(io.stdout, command.json, command.lang);
  const { workspace, checked } = await loadWorkspace(io, command.workspace);
  if (checked) await reporter.add(checked.report);
  const ids = new WorkflowIds();
  for (const source of await expandInputs(io, command.inputs)) {
    if (reporter.closed) return reporter.code;
    const loaded = 'report' in source ? { report: source.report } : await loadInput(io, source.file, workspace);
    if ('format' in loaded) ids.check(loaded);
    await reporter.add(loaded.report);
  }
  await reporter.end();
  return reporter.code;
}

/** The canonical bytes of a document in the current version: the same bytes its own export writes. */
function canonicalText<F extends DocumentFormat>(format: F, value: FormatValue[F]): string {
  switch (format) {
    case 'workflow':
      return exportWorkflow(value as FormatValue['workflow']);
    case 'bundle':
      return exportBundle(value as FormatValue['bundle']);
    default:
      return stableStringify(value);
  }
}

const REWRITE_NOTE: Record<RewriteName, string> = {
  migrate: 'written in the current schemaVersion',
  format: 'written as canonical bytes',
  fix: 'written with the repairs listed',
};

/**
 * migrate, format and fix: each input is read and checked; a valid one gives its canonical bytes in the
 * current version, printed (one input) or written back atomically (--write); format --check only
 * compares. A file with errors is never written. fix repairs through the import's restore step, which
 * drops nulls written for absent optional values and fills missing settings with their defaults, and
 * lists each repair as a note.
 */
async function rewrite(command: Extract<CliCommand, { name: RewriteName }>, io: CliIo): Promise<number> {
  const toStdout = !command.write && !command.check;
  // With the document on stdout, the report goes to stderr.
  const reporter = new FileReporter(toStdout ? io.stderr : io.stdout, command.json, command.lang);
  const { workspace, checked } = await loadWorkspace(io, command.workspace);
  if (checked && !isValid(checked.report)) await reporter.add(checked.report);
  const sources = await expandInputs(io, command.inputs);
  if (toStdout && sources.length > 1) {
    io.stderr.write(`ticketflow: ${command.name} prints one document on stdout, and the inputs name ${sources.length} files; give one file, or use --write${command.name === 'format' ? ' or --check' : ''}.\n`);
    return EXIT.usage;
  }
  const ids = new WorkflowIds();
  for (const source of sources) {
    if (reporter.closed) return reporter.code;
    if ('report' in source) {
      await reporter.add(source.report);
      continue;
    }
    const read = await readInput(io, source.file);
    if (!read.ok) {
      await reporter.add(read.report);
      continue;
    }
    const loaded = checkText(source.file, read.text, workspace, { fix: command.name === 'fix' });
    ids.check(loaded);
    const report = loaded.report;
    if (loaded.value === null || !isValid(report)) {
      await reporter.add(report);
      continue;
    }
    const text = canonicalText(loaded.format, loaded.value);
    const canonical = text === read.text;
    if (command.check) {
      if (!canonical) report.problems.push(problem('TF505', ''));
    } else if (command.write) {
      if (!canonical) {
        try {
          await io.writeFileAtomic(source.file, text);
        } catch (error) {
          throw new FileAccessError(`cannot write "${source.file}": ${error instanceof Error ? error.message : String(error)}`);
        }
        report.notes.push(`Rewritten: ${REWRITE_NOTE[command.name]}.`);
      } else report.notes.push('Already canonical: left as it is.');
    } else {
      const out = new ChunkedWriter(io.stdout);
      for (let i = 0; i < text.length && !out.closed; i += 1 << 16) await out.push(text.slice(i, i + (1 << 16)));
      await out.flush();
    }
    await reporter.add(report);
  }
  await reporter.end();
  return reporter.code;
}

/** The note on a workflow file that simulate leaves out of the live set. */
export const SKIPPED_DISABLED = 'Skipped: this older file says "enabled": false, so it is not part of the live set that simulate runs.';

/** The engine options a simulate command line asks for. */
function simulationOptions(command: Extract<CliCommand, { name: 'simulate' }>): SimulationOptions {
  return Object.keys(command.budgets).length ? { budgets: { ...command.budgets } } : {};
}

async function simulateCommand(command: Extract<CliCommand, { name: 'simulate' }>, io: CliIo): Promise<number> {
  const { workspace, checked } = await loadWorkspace(io, command.workspace);
  const scenario = await loadInput(io, command.scenario, workspace, 'scenario');
  const reports: FileReport[] = checked ? [checked.report, scenario.report] : [scenario.report];
  const workflows: Workflow[] = [];
  const ids = new WorkflowIds();
  for (const source of await expandInputs(io, command.workflows)) {
    const loaded = 'report' in source ? { report: source.report } : await loadInput(io, source.file, workspace, 'workflow');
    if ('format' in loaded) {
      ids.check(loaded);
      if (loaded.format === 'workflow' && loaded.value !== null) {
        // Each file given is one revision of the live set; an older file that said it was off is not part of it (SPEC §10).
        if (loaded.report.notes.includes(DISABLED_NOTE)) loaded.report.notes.push(SKIPPED_DISABLED);
        else workflows.push(loaded.value.workflow);
      }
    }
    reports.push(loaded.report);
  }

  const code = reports.reduce((worst, r) => Math.max(worst, exitOf(r)), EXIT.ok as number);
  const budget = new ListingBudget();
  const withSomething = reports.filter((r) => r.problems.length > 0 || r.notes.length > 0 || r.migratedFrom !== null);
  if (workspace === null || scenario.format !== 'scenario' || scenario.value === null || code !== EXIT.ok) {
    if (command.json) {
      const { problems, more } = fileProblems(reports, budget);
      await writeJson(io.stdout, { version: REPORT_VERSION, ok: false, result: null, problems, ...(more ? { more } : {}) });
    } else {
      await io.stderr.write('Nothing was simulated: the inputs have errors.\n');
      await writeLines(io.stderr, reportLines(withSomething, budget));
    }
    return Math.max(code, EXIT.invalid);
  }
  // Warnings do not stop the run; they go to stderr so that stdout stays the result alone.
  await writeLines(io.stderr, reportLines(withSomething, new ListingBudget()));

  const result = simulate({ workspace, workflows, scenario: scenario.value, options: simulationOptions(command) });
  // Written a part at a time and with backpressure: a long run's report can outgrow the longest string JavaScript holds.
  if (command.json) {
    const { problems, more } = fileProblems(reports, budget);
    await writeJson(io.stdout, { version: REPORT_VERSION, ok: true, result, problems, ...(more ? { more } : {}) });
  } else {
    await writeLines(io.stdout, simulationLines(result, { workspace, scenario: scenario.value, workflows, lang: command.lang }));
  }
  // The result says it too, but a stopped run should not go unnoticed behind --json or a long trace.
  for (const e of result.errors) if (e.code.startsWith('guard.')) await io.stderr.write(`ticketflow: ${printable(e.message)}\n`);
  return EXIT.ok;
}

function* reportLines(reports: readonly FileReport[], budget: ListingBudget): Generator<string, void, undefined> {
  for (const r of reports) yield* fileLines(r, budget);
}

async function schemas(command: Extract<CliCommand, { name: 'schemas' }>, io: CliIo): Promise<number> {
  const generated = generateJsonSchemas();
  const files = [
    ...SCHEMA_FILES.map((file) => ({ path: join(command.out, file), text: schemaFileText(generated[file]) })),
    ...codeListFiles().map((f) => ({ path: join(command.out, f.file), text: f.text })),
  ];
  if (!command.check) {
    for (const f of files) {
      try {
        await io.writeFileAtomic(f.path, f.text);
      } catch (error) {
        throw new FileAccessError(`cannot write "${f.path}": ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await io.stdout.write(files.map((f) => `wrote ${f.path}\n`).join(''));
    return EXIT.ok;
  }
  const drifted: string[] = [];
  for (const f of files) {
    const committed = await io.readBytes(f.path, 4 * f.text.length + 1024);
    if (!committed.ok) {
      drifted.push(`${f.path}: ${committed.tooLarge ? 'differs from the schema generated from src/model' : `missing or unreadable (${committed.reason})`}`);
    } else if (new TextDecoder().decode(committed.bytes) !== f.text) drifted.push(`${f.path}: differs from the schema generated from src/model`);
  }
  if (drifted.length) {
    await io.stderr.write(`${drifted.join('\n')}\nRun "npm run schemas" to regenerate, then commit the files.\n`);
    return EXIT.invalid;
  }
  await io.stdout.write(`${files.length} schema files in ${command.out} match the model.\n`);
  return EXIT.ok;
}

/** Runs one command line; reads and writes only through `io`, and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    const hint = parsed.topic ? `Run "help ${parsed.topic}" for its usage.` : 'Run "help" for usage.';
    await io.stderr.write(`ticketflow: ${printable(parsed.error)}\n${hint}\n`);
    return EXIT.usage;
  }
  const command = parsed.command;
  try {
    switch (command.name) {
      case 'help':
        await io.stdout.write(usageText(command.topic));
        return EXIT.ok;
      case 'validate':
        return await validate(command, io);
      case 'migrate':
      case 'format':
      case 'fix':
        return await rewrite(command, io);
      case 'simulate':
        return await simulateCommand(command, io);
      case 'schemas':
        return await schemas(command, io);
    }
  } catch (error) {
    if (error instanceof FileAccessError) {
      await io.stderr.write(`ticketflow: ${printable(error.message)}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await io.stderr.write(`ticketflow: internal error (a bug in Ticketflow, not in your files):\n${detail}\n`);
    return EXIT.internal;
  }
}

export { STDIN };
