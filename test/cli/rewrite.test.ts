import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportWorkflow, importWorkflow } from '../../src/document';
import { WORKFLOW_SCHEMA_VERSION } from '../../src/model/workflow';
import { run, type JsonReport } from './helpers';

const scratch = mkdtempSync(join(tmpdir(), 'ticketflow-cli-rewrite-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXAMPLE = 'src/examples/workflows/ticket-received-email.json';
const V1 = 'test/cli/fixtures/version-1-workflow.json';
const BROKEN = 'test/cli/fixtures/broken-workflow.json';
const exampleText = readFileSync(EXAMPLE, 'utf8');

function put(name: string, content: string): string {
  const path = join(scratch, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** The canonical bytes of a workflow file, as the library's export writes them. */
function canonical(text: string): string {
  const r = importWorkflow(text) as unknown as { value?: Parameters<typeof exportWorkflow>[0]; document?: Parameters<typeof exportWorkflow>[0] };
  return exportWorkflow((r.document ?? r.value)!);
}

describe('migrate', () => {
  it('prints an older document in the current schemaVersion on stdout, with what changed on stderr', async () => {
    const { code, stdout, stderr } = await run(['migrate', V1]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { schemaVersion: number };
    expect(doc.schemaVersion).toBe(WORKFLOW_SCHEMA_VERSION);
    expect(stderr).toMatch(new RegExp(`^${V1}: workflow, valid \\(migrated from schemaVersion 1\\)\\n {2}note: Migrated from schemaVersion 1`));
    // What it wrote is a current, canonical document: migrating it again changes nothing.
    const file = put('migrated.json', stdout);
    const again = await run(['migrate', file]);
    expect(again.stdout).toBe(stdout);
    expect(again.stderr).toBe(`${file}: workflow, valid\n`);
  });

  it('replaces each file atomically with --write, leaving no temporary file, and leaves canonical ones alone', async () => {
    const dir = join(scratch, 'migrate-dir');
    const old = put('migrate-dir/old.json', readFileSync(V1, 'utf8'));
    const current = put('migrate-dir/current.json', canonical(exampleText));
    const before = statSync(current).mtimeMs;
    const { code, stdout } = await run(['migrate', '--write', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${old}: workflow, valid (migrated from schemaVersion 1)`);
    expect(stdout).toContain('  note: Rewritten: written in the current schemaVersion.');
    expect(stdout).toContain(`${current}: workflow, valid\n  note: Already canonical: left as it is.`);
    expect(readdirSync(dir).sort()).toEqual(['current.json', 'old.json']);
    expect((JSON.parse(readFileSync(old, 'utf8')) as { schemaVersion: number }).schemaVersion).toBe(WORKFLOW_SCHEMA_VERSION);
    expect(statSync(current).mtimeMs).toBe(before);
  });

  it('keeps the mode of a file it replaces', async () => {
    const file = put('mode.json', readFileSync(V1, 'utf8'));
    chmodSync(file, 0o640);
    expect((await run(['migrate', '--write', file])).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('refuses to print several documents on stdout', async () => {
    const { code, stdout, stderr } = await run(['migrate', EXAMPLE, V1]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/migrate prints one document on stdout, and the inputs name 2 files; give one file, or use --write/);
  });
});

describe('format', () => {
  it('prints the canonical bytes of a document: RFC 8785 key order, two-space indent, a final line end', async () => {
    const { code, stdout } = await run(['format', EXAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toBe(canonical(exampleText));
    expect(stdout.endsWith('}\n')).toBe(true);
  });

  it('exits 1 with --check listing each file that is not canonical, and 0 once --write made it so', async () => {
    const dir = join(scratch, 'format-dir');
    const loose = put('format-dir/loose.json', exampleText);
    const tidy = put('format-dir/tidy.json', canonical(exampleText).replace('wf-ticket-received-email', 'wf-tidy'));
    const check = await run(['format', '--check', dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${loose}: workflow, 1 error\n  error TF505 at (document): The file is valid but not in canonical form`);
    expect(check.stdout).toContain(`${tidy}: workflow, valid`);
    expect(readFileSync(loose, 'utf8')).toBe(exampleText);
    const json = JSON.parse((await run(['format', '--check', '--json', dir])).stdout) as JsonReport;
    expect(json.files.map((f) => [f.file, f.valid])).toEqual([
      [loose, false],
      [tidy, true],
    ]);
    expect((await run(['format', '--write', dir])).code).toBe(0);
    expect(readFileSync(loose, 'utf8')).toBe(canonical(exampleText));
    expect(await run(['format', '--check', dir])).toMatchObject({ code: 0 });
  });

  it('writes nothing for a file with errors, lists them and exits 1', async () => {
    const file = put('broken.json', readFileSync(BROKEN, 'utf8'));
    const { code, stdout } = await run(['format', '--write', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/: workflow, 6 errors/);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(BROKEN, 'utf8'));
  });

  it('reads standard input and prints the canonical document', async () => {
    const { code, stdout } = await run(['format', '-'], { stdin: exampleText });
    expect(code).toBe(0);
    expect(stdout).toBe(canonical(exampleText));
  });
});

describe('fix', () => {
  it('repairs what can be repaired without guessing, listing each change, and writes the result with --write', async () => {
    const doc = JSON.parse(exampleText) as { workflow: { description: string | null; enrollment: { unenroll?: unknown } } };
    doc.workflow.description = null;
    delete doc.workflow.enrollment.unenroll;
    const file = put('fixable.json', JSON.stringify(doc));
    const printed = await run(['fix', file]);
    expect(printed.code).toBe(0);
    expect(printed.stderr).toContain('  note: Removed /workflow/description: it was null');
    expect(printed.stderr).toContain('  note: Added the missing /workflow/enrollment/unenroll: [].');
    const fixed = JSON.parse(printed.stdout) as { workflow: { description?: unknown; enrollment: { unenroll: unknown } } };
    expect(fixed.workflow).not.toHaveProperty('description');
    expect(fixed.workflow.enrollment.unenroll).toEqual([]);

    const written = await run(['fix', '--write', file]);
    expect(written.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    expect((await run(['validate', file])).stdout).toBe(`${file}: workflow, valid\n`);
  });
});
