import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/cli/io';
import { MAX_INPUT_BYTES } from '../../src/cli/load';
import { exportBundle } from '../../src/document';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace } from '../../src/model';
import { run, type JsonReport } from './helpers';

const scratch = mkdtempSync(join(tmpdir(), 'ticketflow-cli-inputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXAMPLE = 'src/examples/workflows/ticket-received-email.json';
const BROKEN = 'test/cli/fixtures/broken-workflow.json';
const exampleText = readFileSync(EXAMPLE, 'utf8');

function put(path: string, content: string | Uint8Array): string {
  const full = join(scratch, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** An example workflow under another id, so it can sit beside the others. */
function workflowText(id: string): string {
  const doc = JSON.parse(exampleText) as { workflow: { id: string } };
  doc.workflow.id = id;
  return JSON.stringify(doc);
}

describe('inputs: files, directories and standard input', () => {
  it('reads every *.json under a directory, at any depth, in sorted order, and nothing else', async () => {
    put('tree/b/x.json', workflowText('wf-x'));
    put('tree/a.json', workflowText('wf-a'));
    put('tree/a/z.json', workflowText('wf-z'));
    put('tree/a/deeper/y.json', workflowText('wf-y'));
    put('tree/notes.txt', 'not json');
    put('tree/a/README.md', '# not json');
    mkdirSync(join(scratch, 'tree/empty'), { recursive: true });
    const { code, stdout } = await run(['validate', '--json', join(scratch, 'tree')]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((f) => f.file.slice(scratch.length + 1))).toEqual(['tree/a.json', 'tree/a/deeper/y.json', 'tree/a/z.json', 'tree/b/x.json']);
    expect(report.ok).toBe(true);
  });

  it('follows symbolic links to files but not to directories, so a link cycle cannot trap the walk', async () => {
    const target = put('links/real.json', workflowText('wf-real'));
    symlinkSync(target, join(scratch, 'links/alias.json'));
    symlinkSync('..', join(scratch, 'links/up'));
    symlinkSync('.', join(scratch, 'links/self.json'));
    const report = JSON.parse((await run(['validate', '--json', join(scratch, 'links')])).stdout) as JsonReport;
    expect(report.files.map((f) => f.file.slice(scratch.length + 1))).toEqual(['links/alias.json', 'links/real.json']);
  });

  it('reads a file given twice, or named again by its directory, once', async () => {
    const dir = join(scratch, 'once');
    const file = put('once/w.json', workflowText('wf-once'));
    const report = JSON.parse((await run(['validate', '--json', file, dir, file])).stdout) as JsonReport;
    expect(report.files.map((f) => f.file)).toEqual([file]);
  });

  it('reports a directory that holds no .json file as unreadable (TF504), and exits 2', async () => {
    mkdirSync(join(scratch, 'nothing/inside'), { recursive: true });
    const { code, stdout } = await run(['validate', '--json', join(scratch, 'nothing'), EXAMPLE]);
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files[0]).toMatchObject({ file: join(scratch, 'nothing'), unreadable: true, valid: false, problems: [{ code: 'TF504' }] });
    expect(report.files[1]).toMatchObject({ file: EXAMPLE, valid: true });
  });

  it('reads a document from standard input given as -', async () => {
    const { code, stdout } = await run(['validate', '-'], { stdin: exampleText });
    expect(code).toBe(0);
    expect(stdout).toBe('-: workflow, valid\n');
    const broken = await run(['validate', '--json', '-'], { stdin: readFileSync(BROKEN) });
    expect(broken.code).toBe(1);
    expect((JSON.parse(broken.stdout) as JsonReport).files[0]).toMatchObject({ file: '-', format: 'workflow', valid: false });
  });

  it('reads the scenario from standard input for simulate', async () => {
    const scenario = JSON.stringify(EXAMPLE_SCENARIOS[0]!.scenario);
    const { code, stdout } = await run(['simulate', '--scenario', '-', EXAMPLE], { stdin: scenario });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Scenario: /);
  });

  it('reports every file when one is missing, exit code the worst', async () => {
    const missing = join(scratch, 'missing.json');
    const { code, stdout } = await run(['validate', EXAMPLE, missing, BROKEN]);
    expect(code).toBe(2);
    expect(stdout.split('\n')).toEqual([
      `${EXAMPLE}: workflow, valid`,
      `${missing}: cannot be read: no such file or directory`,
      `${BROKEN}: workflow, 6 errors`,
      ...stdout.split('\n').slice(3, 9),
      '3 files: 1 valid, 1 invalid, 1 unreadable',
      '',
    ]);
    const json = JSON.parse((await run(['validate', '--json', EXAMPLE, missing, BROKEN])).stdout) as JsonReport;
    expect(json.ok).toBe(false);
    expect(json.files.map((f) => [f.valid, f.unreadable ?? false])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(json.files[1]!.problems).toEqual([{ code: 'TF501', severity: 'error', path: '', message: 'The file cannot be read: no such file or directory.' }]);
    // Invalid alone is 1; unreadable decides over it.
    expect((await run(['validate', EXAMPLE, BROKEN])).code).toBe(1);
  });

  it('reports a file that cannot be opened for reading with the reason', async () => {
    const file = put('locked.json', exampleText);
    const { code, stdout } = await run(['validate', file], {
      io: { readBytes: () => Promise.resolve({ ok: false, tooLarge: false, reason: 'permission denied' }) },
    });
    expect(code).toBe(2);
    expect(stdout).toBe(`${file}: cannot be read: permission denied\n`);
  });
});

describe('validate tells files apart by their content', () => {
  it('checks workflow, workspace, scenario and bundle files, naming the format of each', async () => {
    const workspace = put('kinds/help-desk.json', JSON.stringify(defaultWorkspace()));
    const scenario = put('kinds/day.json', JSON.stringify(EXAMPLE_SCENARIOS[0]!.scenario));
    const bundle = put(
      'kinds/all.json',
      exportBundle({ workspace: defaultWorkspace(), workflows: EXAMPLE_WORKFLOWS.map((e) => e.document), scenarios: EXAMPLE_SCENARIOS.map((e) => e.scenario) }),
    );
    const other = put('kinds/package.json', JSON.stringify({ name: 'not-ticketflow', version: '1.0.0' }));
    const { code, stdout } = await run(['validate', '--json', EXAMPLE, workspace, scenario, bundle, other]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((f) => [f.format, f.valid])).toEqual([
      ['workflow', true],
      ['workspace', true],
      ['scenario', true],
      ['bundle', true],
      [null, false],
    ]);
    expect(report.files[4]!.problems[0]).toMatchObject({ code: 'TF105', message: expect.stringContaining('has no "format"') });
  });

  it('flags the same workflow id in two files with its own code, naming both files', async () => {
    const first = put('dupes/a.json', exampleText);
    const second = put('dupes/b.json', exampleText);
    const { code, stdout } = await run(['validate', '--json', join(scratch, 'dupes')]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files[0]).toMatchObject({ file: first, valid: true });
    expect(report.files[1]).toMatchObject({ file: second, valid: false });
    expect(report.files[1]!.problems).toEqual([
      {
        code: 'TF502',
        severity: 'error',
        path: '/workflow/id',
        message: `The workflow id "wf-ticket-received-email" is also the id of the workflow in "${first}"; workflow ids must be unique across the files checked together.`,
      },
    ]);
  });

  it.each([
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exampleText, 'utf16le')]), 'UTF-16 LE'],
    ['UTF-16 BE without a mark', Buffer.from(exampleText, 'utf16le').swap16(), 'UTF-16 BE'],
    ['UTF-32 LE', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('{}')]), 'UTF-32 LE'],
    ['Latin-1', Buffer.from(exampleText.replace('Tells', 'Caf\u00e9 tells'), 'latin1'), 'Latin-1'],
  ])('refuses %s naming the encoding (TF107)', async (_what, bytes, named) => {
    const file = put(`encoding-${named}.json`, bytes);
    const { code, stdout } = await run(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toContain('error TF107');
    expect(stdout).toContain(named);
  });

  it('accepts UTF-8 with a byte-order mark', async () => {
    const file = put('bom.json', `\ufeff${exampleText}`);
    expect(await run(['validate', file])).toMatchObject({ code: 0, stdout: `${file}: workflow, valid\n` });
  });
});

describe('bounded reads', () => {
  it('reads at most limit + 1 bytes of an endless input, then refuses it', async () => {
    const read = await nodeIo().readBytes('/dev/zero', 1000);
    expect(read).toEqual({ ok: false, tooLarge: true });
  });

  it('reads a file of exactly the limit, and refuses one byte more', async () => {
    const io = nodeIo();
    const exact = put('exact.bin', new Uint8Array(100_000));
    const over = put('over.bin', new Uint8Array(100_001));
    const read = await io.readBytes(exact, 100_000);
    expect(read.ok && read.bytes.length).toBe(100_000);
    expect(await io.readBytes(over, 100_000)).toEqual({ ok: false, tooLarge: true });
  });

  it('refuses an input over the 10 MB limit naming the limit, without reading the rest', async () => {
    const big = put('big.json', `{"format":"ticketflow.workflow","pad":"${'x'.repeat(MAX_INPUT_BYTES)}"}`);
    let asked = 0;
    const real = nodeIo();
    const { code, stdout } = await run(['validate', big], {
      io: {
        readBytes: (path, limit) => {
          asked = limit;
          return real.readBytes(path, limit);
        },
      },
    });
    expect(asked).toBe(MAX_INPUT_BYTES);
    expect(code).toBe(1);
    expect(stdout).toContain('error TF503 at (document): The input is larger than the limit of 10 MB (10,485,760 bytes)');
  });

  it('refuses standard input over the limit', async () => {
    const { code, stdout } = await run(['validate', '-'], { stdin: new Uint8Array(MAX_INPUT_BYTES + 10) });
    expect(code).toBe(1);
    expect(stdout).toContain('TF503');
  });
});

describe('long reports', () => {
  /** A workflow whose every action sets a status no pipeline has: one TF312 per action. */
  function manyProblems(id: string, n: number): string {
    const actions = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, kind: 'setStatus', statusId: 'ghost', next: i + 1 < n ? `a${i + 1}` : null }));
    const doc = JSON.parse(exampleText) as { workflow: Record<string, unknown> };
    doc.workflow = { ...doc.workflow, id, actions, startActionId: 'a0' };
    return JSON.stringify(doc);
  }

  it('lists at most 200 problems of a file in full, and counts the rest', async () => {
    const file = put('many/one.json', manyProblems('wf-many', 450));
    const { code, stdout } = await run(['validate', file]);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${file}: workflow, 450 errors`);
    expect(lines.filter((l) => l.startsWith('  error TF312'))).toHaveLength(200);
    expect(lines.at(-1)).toBe('  … and 250 more problems');
    const json = JSON.parse((await run(['validate', '--json', file])).stdout) as JsonReport;
    expect(json.files[0]!.problems).toHaveLength(200);
    expect(json.files[0]!.more).toBe(250);
  });

  it('lists at most 2,000 problems in one report', async () => {
    for (let i = 0; i < 12; i++) put(`many-files/f${String(i).padStart(2, '0')}.json`, manyProblems(`wf-${i}`, 300));
    const json = JSON.parse((await run(['validate', '--json', join(scratch, 'many-files')])).stdout) as JsonReport;
    expect(json.files).toHaveLength(12);
    const listed = json.files.reduce((n, f) => n + f.problems.length, 0);
    const more = json.files.reduce((n, f) => n + (f.more ?? 0), 0);
    expect(listed).toBe(2000);
    expect(listed + more).toBe(12 * 300);
    expect(json.files[11]!.problems).toEqual([]);
    expect(json.files[11]!.more).toBe(300);
  });
});

describe('duplicate keys (TF108)', () => {
  it('refuses a workflow file with a key written twice, printing the key, its pointer and both places', async () => {
    const file = put('twice/wf.json', exampleText.replace('"templateId": "tpl-received",', '"templateId": "tpl-received", "templateId": "tpl-other",'));
    const { code, stdout, stderr } = await run(['validate', file]);
    expect(code).toBe(1);
    expect(stdout + stderr).toMatch(/TF108 at \/workflow\/actions\/0\/templateId: The key "templateId" appears twice in the same object, at line 19, column \d+ and again at line 19, column \d+/);
  });
});

describe('webhook URL rules', () => {
  it('names the rule each URL breaks, as validation and the inspector do', async () => {
    const { code, stdout, stderr } = await run(['validate', 'test/fixtures/hostile/webhook-urls.json']);
    expect(code).toBe(1);
    const out = stdout + stderr;
    expect(out).toContain('/workflow/actions/1/url [action hook1]: Action "hook1" is incomplete: The URL must start with http:// or https://');
    expect(out).toContain('[action hook2]: Action "hook2" is incomplete: The URL holds an invisible character');
    expect(out).toContain('[action hook3]: Action "hook3" is incomplete: The URL holds a control character');
    expect(out).not.toContain('Enter the URL.');
  });
});
