import { join } from 'node:path';
import {
  DISABLED_NOTE,
  generateJsonSchemas,
  hasErrors,
  importScenario,
  importWorkflow,
  importWorkspace,
  problem,
  schemaFileText,
  SCHEMA_FILES,
  stableStringify,
  type ImportResult,
} from '../document';
import { simulate } from '../engine';
import { defaultWorkspace, type Scenario, type Workflow, type WorkflowDocument, type Workspace } from '../model';
import { parseArgs, usageText, type CliCommand } from './args';
import type { CliIo } from './io';
import { writeLines, writeStableJson } from './output';
import { fileProblems, formatFileReport, printable, simulationLines, type FileReport } from './report';

/** Exit codes of the CLI. */
export const EXIT = {
  ok: 0,
  /** An input document is invalid, or committed schemas drifted. */
  invalid: 1,
  /** Bad arguments, or a file that cannot be read or written. */
  usage: 2,
  /** A bug in Ticketflow. */
  internal: 3,
} as const;

/** A file the CLI cannot read or write: reported as a usage-level failure, not a document problem. */
class FileAccessError extends Error {}

function readFile(io: CliIo, path: string, what: string): string {
  try {
    return io.readText(path);
  } catch (error) {
    throw new FileAccessError(`cannot read ${what} "${path}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An imported input: its value when it could be read as a document, and its report either way. */
interface Loaded<T> {
  value: T | null;
  report: FileReport;
}

function loaded<T>(file: string, result: ImportResult<T>): Loaded<T> {
  if (!result.ok) return { value: null, report: { file, problems: result.problems, notes: [] } };
  const report: FileReport = { file, problems: result.warnings, notes: result.notes };
  if (result.migratedFrom !== undefined) report.migratedFrom = result.migratedFrom;
  return { value: result.value, report };
}

/** The workspace given with --workspace, or the built-in one. */
function loadWorkspace(io: CliIo, path: string | null): Loaded<Workspace> {
  if (path === null) return { value: defaultWorkspace(), report: { file: '(built-in workspace)', problems: [], notes: [] } };
  return loaded(path, importWorkspace(readFile(io, path, 'workspace file')));
}

function hasErrorReports(reports: readonly FileReport[]): boolean {
  return reports.some((r) => hasErrors(r.problems));
}

function validate(command: Extract<CliCommand, { name: 'validate' }>, io: CliIo): number {
  const workspace = loadWorkspace(io, command.workspace);
  // Read every file first, so an unreadable one fails before any report is printed.
  const texts = command.files.map((file) => ({ file, text: readFile(io, file, 'workflow file') }));
  const reports: FileReport[] = [];
  if (command.workspace !== null) reports.push(workspace.report);
  if (workspace.value !== null) {
    const ws = workspace.value;
    for (const { file, text } of texts) reports.push(loaded(file, importWorkflow(text, { workspace: ws })).report);
  }
  if (command.json) {
    io.stdout(stableStringify(fileProblems(reports)));
  } else {
    for (const report of reports) io.stdout(formatFileReport(report));
    if (workspace.value === null) io.stdout('Workflows not checked: the workspace could not be read.\n');
  }
  return hasErrorReports(reports) || workspace.value === null ? EXIT.invalid : EXIT.ok;
}

/** Workflow ids must be unique across the files of one run; a repeat is reported on the later file. */
function duplicateWorkflowProblems(documents: readonly Loaded<WorkflowDocument>[]): void {
  const seen = new Map<string, string>();
  for (const d of documents) {
    if (d.value === null) continue;
    const id = d.value.workflow.id;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, d.report.file);
    else d.report.problems.push(problem('TF401', '/workflow/id', { what: `workflow (in "${first}")`, id }));
  }
}

/**
 * SPEC §10: each workflow file given to simulate runs as the live revision, except an older file that
 * said "enabled": false, which is skipped with a note.
 */
function liveFile(report: FileReport): boolean {
  if (!report.notes.includes(DISABLED_NOTE)) return true;
  report.notes.push('Not simulated: this older file was off ("enabled": false). Every other workflow file runs as live.');
  return false;
}

function simulateCommand(command: Extract<CliCommand, { name: 'simulate' }>, io: CliIo): number {
  const workspace = loadWorkspace(io, command.workspace);
  const scenarioText = readFile(io, command.scenario, 'scenario file');
  const workflowTexts = command.workflows.map((file) => ({ file, text: readFile(io, file, 'workflow file') }));

  const ws = workspace.value;
  const reports = [workspace.report];
  let scenario: Scenario | null = null;
  const workflows: Workflow[] = [];
  if (ws !== null) {
    const loadedScenario = loaded(command.scenario, importScenario(scenarioText, { workspace: ws }));
    const loadedWorkflows = workflowTexts.map(({ file, text }) => loaded(file, importWorkflow(text, { workspace: ws })));
    duplicateWorkflowProblems(loadedWorkflows);
    scenario = loadedScenario.value;
    reports.push(loadedScenario.report, ...loadedWorkflows.map((w) => w.report));
    for (const w of loadedWorkflows) if (w.value !== null && liveFile(w.report)) workflows.push(w.value.workflow);
  }

  const withProblems = reports.filter((r) => r.problems.length > 0 || r.notes.length > 0 || r.migratedFrom !== undefined);
  if (ws === null || scenario === null || hasErrorReports(reports)) {
    if (command.json) io.stdout(stableStringify(fileProblems(reports)));
    else {
      io.stderr('Nothing was simulated: the inputs have errors.\n');
      for (const report of withProblems) io.stderr(formatFileReport(report));
    }
    return EXIT.invalid;
  }
  // Warnings do not stop the run; they go to stderr so that stdout stays the result alone.
  for (const report of withProblems) io.stderr(formatFileReport(report));

  const result = simulate({ workspace: ws, workflows, scenario });
  // Written a part at a time: a long run's report can outgrow the longest string JavaScript holds.
  if (command.json) writeStableJson(io.stdout, result);
  else writeLines(io.stdout, simulationLines(result, { workspace: ws, scenario, workflows }));
  // The result says it too, but a stopped loop should not go unnoticed behind --json or a long trace.
  for (const e of result.errors) if (e.code.startsWith('guard.')) io.stderr(`ticketflow: ${printable(e.message)}\n`);
  return EXIT.ok;
}

function writeFile(io: CliIo, path: string, text: string): void {
  try {
    io.writeText(path, text);
  } catch (error) {
    throw new FileAccessError(`cannot write "${path}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

function schemas(command: Extract<CliCommand, { name: 'schemas' }>, io: CliIo): number {
  const generated = generateJsonSchemas();
  const files = SCHEMA_FILES.map((file) => ({ path: join(command.out, file), text: schemaFileText(generated[file]) }));
  if (!command.check) {
    for (const f of files) writeFile(io, f.path, f.text);
    io.stdout(files.map((f) => `wrote ${f.path}\n`).join(''));
    return EXIT.ok;
  }
  const drifted: string[] = [];
  for (const f of files) {
    let committed: string;
    try {
      committed = io.readText(f.path);
    } catch (error) {
      drifted.push(`${f.path}: missing or unreadable (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (committed !== f.text) drifted.push(`${f.path}: differs from the schema generated from src/model`);
  }
  if (drifted.length) {
    io.stderr(`${drifted.join('\n')}\nRun "npm run schemas" to regenerate, then commit the files.\n`);
    return EXIT.invalid;
  }
  io.stdout(`${files.length} schema files in ${command.out} match the model.\n`);
  return EXIT.ok;
}

/** Runs one command line; reads and writes only through `io`, and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    const hint = parsed.topic ? `Run "help ${parsed.topic}" for its usage.` : 'Run "help" for usage.';
    io.stderr(`ticketflow: ${parsed.error}\n${hint}\n`);
    return EXIT.usage;
  }
  const command = parsed.command;
  try {
    switch (command.name) {
      case 'help':
        io.stdout(usageText(command.topic));
        return EXIT.ok;
      case 'validate':
        return validate(command, io);
      case 'simulate':
        return simulateCommand(command, io);
      case 'schemas':
        return schemas(command, io);
    }
  } catch (error) {
    if (error instanceof FileAccessError) {
      io.stderr(`ticketflow: ${error.message}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`ticketflow: internal error (a bug in Ticketflow, not in your files):\n${detail}\n`);
    return EXIT.internal;
  }
}
