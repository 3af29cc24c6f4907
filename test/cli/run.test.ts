import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIo, type CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run';
import { defaultWorkspace } from '../../src/model';

const WORKFLOWS_DIR = 'src/examples/workflows';
const SCENARIOS_DIR = 'src/examples/scenarios';
const FIXTURES = 'test/cli/fixtures';
const exampleWorkflows = readdirSync(WORKFLOWS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(WORKFLOWS_DIR, f));
const exampleScenarios = readdirSync(SCENARIOS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(SCENARIOS_DIR, f));

const scratch = mkdtempSync(join(tmpdir(), 'ticketflow-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI in-process on the real file system, capturing what it prints. */
function run(argv: string[], io: Partial<CliIo> = {}): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    ...nodeIo(),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...io,
  });
  return { code, stdout, stderr };
}

function scratchFile(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('runCli usage', () => {
  it.each([[[]], [['frobnicate']], [['validate']], [['validate', 'a.json', '--strict']], [['simulate', 'w.json']], [['schemas', 'x']]])(
    'exits 2 on %j and says what is wrong on stderr',
    (argv) => {
      const { code, stdout, stderr } = run(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^ticketflow: .+\nRun "help/);
    },
  );

  it('prints the overview for help and --help, and a command usage for help simulate', () => {
    expect(run(['help']).stdout).toMatch(/Commands:[\s\S]*validate[\s\S]*simulate[\s\S]*schemas/);
    expect(run(['--help'])).toMatchObject({ code: 0, stderr: '' });
    expect(run(['help', 'simulate']).stdout).toMatch(/^Usage: simulate --scenario/);
    expect(run(['validate', '--help']).stdout).toMatch(/^Usage: validate/);
  });

  it('exits 2 naming the file and the reason when a file cannot be read', () => {
    const missing = join(scratch, 'missing.json');
    const { code, stderr, stdout } = run(['validate', missing]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`ticketflow: cannot read workflow file "${missing}": no such file or directory\n`);
    expect(run(['validate', scratch]).stderr).toMatch(/cannot read workflow file .*: it is a directory/);
    expect(run(['simulate', '--scenario', missing]).stderr).toMatch(/cannot read scenario file/);
    expect(run(['validate', exampleWorkflows[0]!, '--workspace', missing]).stderr).toMatch(/cannot read workspace file/);
  });

  it('reports an unexpected failure as an internal error with exit 3', () => {
    const { code, stderr } = run(['help'], {
      stdout: () => {
        throw new Error('stdout closed');
      },
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/internal error \(a bug in Ticketflow, not in your files\):\nError: stdout closed/);
  });
});

describe('validate', () => {
  it.each(exampleWorkflows)('finds no problem in the example %s', (file) => {
    expect(run(['validate', file])).toEqual({ code: 0, stdout: `${file}: valid\n`, stderr: '' });
  });

  it('exits 1 and lists every rule problem with code, pointer, action and message', () => {
    const file = join(FIXTURES, 'broken-workflow.json');
    const { code, stdout } = run(['validate', file]);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${file}: 6 errors`);
    expect(lines).toContain(
      '  error TF304 at /workflow/actions/1/next [action n1]: Action "n1" leads to "nowhere" (its next action), which is not an action of this workflow.',
    );
    expect(stdout).toMatch(/error TF305 at \/workflow\/actions\/2 \[action g1\]/);
    expect(stdout).toMatch(/error TF309 at \/workflow\/actions\/2\/target \[action g1\]/);
    expect(stdout).toMatch(/error TF312 at \/workflow\/actions\/0\/statusId \[action s1\]: .*"archived"/);
    expect(stdout).toMatch(/error TF312 at \/workflow\/enrollment\/triggers\/0\/toStatusId: /);
    expect(stdout).toMatch(/error TF314 at \/workflow\/actions\/1\/recipients\/teamIds\/0 \[action n1\]: .*"t-ghost"/);
  });

  it('prints the same problems as one JSON array with --json', () => {
    const file = join(FIXTURES, 'broken-workflow.json');
    const { code, stdout } = run(['validate', file, '--json']);
    expect(code).toBe(1);
    const problems = JSON.parse(stdout) as Record<string, unknown>[];
    expect(problems).toHaveLength(6);
    expect(problems).toContainEqual({
      file,
      code: 'TF314',
      severity: 'error',
      path: '/workflow/actions/1/recipients/teamIds/0',
      actionId: 'n1',
      message: expect.stringContaining('"t-ghost"'),
    });
  });

  it('exits 1 on unparseable JSON and on a schema violation, with the line or pointer', () => {
    const notJson = run(['validate', join(FIXTURES, 'not-json.json')]);
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toMatch(/error TF101 at \(document\): Invalid JSON at line 1, column 56/);
    const schema = run(['validate', join(FIXTURES, 'schema-invalid-workflow.json'), '--json']);
    expect(schema.code).toBe(1);
    expect((JSON.parse(schema.stdout) as { code: string; path: string }[]).map((p) => [p.code, p.path])).toEqual([
      ['TF202', '/workflow/enabled'],
      ['TF205', '/workflow/actions/0'],
    ]);
  });

  it('exits 0 when the only problems are warnings, and still prints them', () => {
    const { code, stdout } = run(['validate', join(FIXTURES, 'no-trigger-workflow.json')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/: 1 warning\n {2}warning TF318 at \/workflow\/enrollment\/triggers: /);
  });

  it('reads an older schemaVersion and says what the migration changed', () => {
    const { code, stdout } = run(['validate', join(FIXTURES, 'version-1-workflow.json')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/: valid \(migrated from schemaVersion 1\)\n {2}note: /);
  });

  it('checks several files and fails when any one has an error', () => {
    const { code, stdout } = run(['validate', exampleWorkflows[0]!, join(FIXTURES, 'broken-workflow.json')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/: valid\n[\s\S]*: 6 errors/);
  });

  it('checks references against the workspace given with --workspace', () => {
    const ws = defaultWorkspace();
    const withoutTier1 = scratchFile('no-tier1.workspace.json', { ...ws, teams: ws.teams.filter((t) => t.id !== 't-tier1') });
    const notify = join(WORKFLOWS_DIR, 'notify-waiting-on-us.json');
    const { code, stdout } = run(['validate', notify, '--workspace', withoutTier1]);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^${withoutTier1}: valid\\n`));
    expect(stdout).toMatch(/error TF314 at \/workflow\/actions\/0\/recipients\/teamIds\/0 \[action notify-tier1\]: .*"t-tier1"/);
  });

  it('reports an invalid workspace and checks no workflow against it', () => {
    const badWorkspace = scratchFile('bad.workspace.json', { ...defaultWorkspace(), pipelines: [] });
    const { code, stdout } = run(['validate', exampleWorkflows[0]!, '--workspace', badWorkspace, '--json']);
    expect(code).toBe(1);
    const problems = JSON.parse(stdout) as { file: string; path: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === badWorkspace)).toBe(true);
    expect(problems.map((p) => p.path)).toContain('/pipelines');
  });
});

describe('simulate', () => {
  it.each(exampleScenarios)('prints a readable trace for %s with every example workflow', (scenario) => {
    const { code, stdout, stderr } = run(['simulate', '--scenario', scenario, ...exampleWorkflows]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const name = (JSON.parse(readFileSync(scenario, 'utf8')) as { name: string }).name;
    expect(stdout.startsWith(`Scenario: ${name} (`)).toBe(true);
    expect(stdout).toMatch(/\nWorkspace: Acme Support \(acme-support\)\n/);
    // Every trace line: time, ticket (or "-"), kind, then what happened and why.
    const trace = stdout.slice(stdout.indexOf('\nTrace ('), stdout.indexOf('\nTickets ('));
    const rows = trace.split('\n').filter((l) => l.startsWith('  '));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? +\S+ +[a-z]+ +\S.*$/);
    for (const heading of ['Tickets', 'Outbox', 'Notifications', 'Errors']) expect(stdout).toMatch(new RegExp(`\\n${heading} \\(\\d+\\)\\n`));
  });

  it.each(exampleScenarios)('prints one JSON object with the simulation fields for %s', (scenario) => {
    const { code, stdout } = run(['simulate', '--json', '--scenario', scenario, ...exampleWorkflows]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    for (const field of ['tickets', 'outbox', 'notifications', 'trace', 'errors', 'history', 'webhooks', 'conversations', 'channels']) {
      expect(result, field).toHaveProperty(field);
    }
    expect(Array.isArray(result.trace) && result.trace.length).toBeGreaterThan(0);
  });

  it('follows the example workflows through the email ticket scenario', () => {
    const { stdout } = run(['simulate', '--json', '--scenario', join(SCENARIOS_DIR, 'email-ticket-life.json'), ...exampleWorkflows]);
    const result = JSON.parse(stdout) as {
      outbox: { workflow: string; subject: string }[];
      notifications: { workflow: string; recipient: string | null }[];
      errors: unknown[];
    };
    expect(result.errors).toEqual([]);
    expect(result.outbox.map((e) => e.workflow)).toContain('wf-ticket-received-email');
    expect(result.outbox.map((e) => e.workflow)).toContain('wf-ticket-closed-email');
    expect(result.notifications.filter((n) => n.workflow === 'wf-notify-waiting-on-us').map((n) => n.recipient)).toEqual(
      expect.arrayContaining(['u-marco', 'u-claire']),
    );
  });

  describe('on older files that still say "enabled" (SPEC §10: each file given is live)', () => {
    const closedEmail = () => JSON.parse(readFileSync(join(WORKFLOWS_DIR, 'ticket-closed-email.json'), 'utf8')) as Record<string, any>;
    const asVersion2 = (enabled: boolean) => {
      const { revision: _mark, ...doc } = closedEmail();
      return { ...doc, schemaVersion: 2, workflow: { ...doc.workflow, enabled } };
    };
    const others = exampleWorkflows.filter((f) => !f.endsWith('ticket-closed-email.json'));
    const scenario = join(SCENARIOS_DIR, 'email-ticket-life.json');
    const outboxOf = (stdout: string) => (JSON.parse(stdout) as { outbox: { workflow: string }[] }).outbox.map((e) => e.workflow);

    it('skips an old file with "enabled": false, with a note saying so', () => {
      const off = scratchFile('closed-email-off.json', asVersion2(false));
      const { code, stdout, stderr } = run(['simulate', '--json', '--scenario', scenario, ...others, off]);
      expect(code).toBe(0);
      expect(outboxOf(stdout)).not.toContain('wf-ticket-closed-email');
      expect(stderr).toContain('Not simulated: this older file was off ("enabled": false).');
    });

    it('runs an old file with "enabled": true as live, like a current file', () => {
      const on = scratchFile('closed-email-on.json', asVersion2(true));
      const current = run(['simulate', '--json', '--scenario', scenario, ...exampleWorkflows]);
      const old = run(['simulate', '--json', '--scenario', scenario, ...others, on]);
      expect(old.code).toBe(0);
      expect(outboxOf(old.stdout)).toContain('wf-ticket-closed-email');
      expect(outboxOf(old.stdout).sort()).toEqual(outboxOf(current.stdout).sort());
      expect(old.stderr).not.toContain('Not simulated');
    });
  });

  describe('on the branch, delay and go-to loop examples', () => {
    const scenario = join(FIXTURES, 'outage-and-refund.scenario.json');
    type Result = {
      outbox: { at: string; ticket: string; action: string }[];
      notifications: { at: string; ticket: string; recipient: string | null; action: string }[];
      errors: unknown[];
    };
    const simulateWith = (extra: string[]): Result => {
      const { code, stdout } = run(['simulate', '--json', '--scenario', scenario, ...extra, ...exampleWorkflows]);
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as Result;
      expect(result.errors).toEqual([]);
      return result;
    };
    const escalation = (r: Result) => r.notifications.filter((n) => n.action === 'notify-leads' || n.action === 'notify-owner-follow-up');

    it('follows up with the owner a day later only on the ticket still open', () => {
      expect(escalation(simulateWith([]))).toEqual([
        expect.objectContaining({ at: '2026-02-03T09:30:00.000Z', ticket: 'ticket-2', recipient: 'u-claire', action: 'notify-owner-follow-up' }),
      ]);
    });

    it('tells the leads at once about tickets that are urgent', () => {
      const urgent = scratchFile('urgent.workspace.json', { ...defaultWorkspace(), defaultPriority: 'urgent' });
      expect(escalation(simulateWith(['--workspace', urgent]))).toEqual([
        expect.objectContaining({ at: '2026-02-02T09:00:00.000Z', ticket: 'ticket-1', recipient: 'u-ana', action: 'notify-leads' }),
        expect.objectContaining({ at: '2026-02-02T09:30:00.000Z', ticket: 'ticket-2', recipient: 'u-ana', action: 'notify-leads' }),
      ]);
    });

    it('reminds the contact every two days while waiting on them, and stops once closed', () => {
      // Waiting on contact from 2 Feb 10:00 until closed on 7 Feb 12:00: reminders on the 4th and 6th, none after.
      expect(simulateWith([]).outbox.filter((e) => e.action === 'email-reminder').map((e) => [e.ticket, e.at])).toEqual([
        ['ticket-2', '2026-02-04T10:00:00.000Z'],
        ['ticket-2', '2026-02-06T10:00:00.000Z'],
      ]);
    });
  });

  it('gives the same bytes on every run, as text and as JSON', () => {
    const scenario = exampleScenarios[0]!;
    for (const extra of [[], ['--json']]) {
      const first = run(['simulate', '--scenario', scenario, ...exampleWorkflows, ...extra]);
      const second = run(['simulate', '--scenario', scenario, ...exampleWorkflows, ...extra]);
      expect(second.stdout).toBe(first.stdout);
      expect(first.stdout.length).toBeGreaterThan(0);
    }
  });

  it('runs the built-in pipeline automation alone when no workflow is given', () => {
    const { code, stdout } = run(['simulate', '--scenario', join(SCENARIOS_DIR, 'email-ticket-life.json')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nWorkflows: none; only the built-in pipeline automation runs\n/);
    expect(stdout).toMatch(/Outbox \(0\)\n {2}none/);
  });

  it('exits 1 with the problems and simulates nothing when a workflow is invalid', () => {
    const broken = join(FIXTURES, 'broken-workflow.json');
    const text = run(['simulate', '--scenario', exampleScenarios[0]!, exampleWorkflows[0]!, broken]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^Nothing was simulated: the inputs have errors\.\n/);
    expect(text.stderr).toContain(`${broken}: 6 errors`);
    const json = run(['simulate', '--json', '--scenario', exampleScenarios[0]!, broken]);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { file: string }[]).every((p) => p.file === broken)).toBe(true);
  });

  it('exits 1 when the scenario is invalid', () => {
    const scenario = scratchFile('bad.scenario.json', { format: 'ticketflow.scenario', schemaVersion: 1, id: 's', name: 'S' });
    const { code, stderr } = run(['simulate', '--scenario', scenario]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${scenario}: `);
    expect(stderr).toMatch(/error TF\d{3} at /);
  });

  it('refuses two workflow files with the same workflow id', () => {
    const copy = scratchFile('copy.json', readFileSync(exampleWorkflows[0]!, 'utf8'));
    const { code, stderr } = run(['simulate', '--scenario', exampleScenarios[0]!, exampleWorkflows[0]!, copy]);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`${copy}: 1 error\\n {2}error TF401 at /workflow/id: Another workflow \\(in "${exampleWorkflows[0]}"\\)`));
  });

  it('runs with warnings, printing them on stderr and keeping stdout for the result', () => {
    const { code, stdout, stderr } = run(['simulate', '--json', '--scenario', exampleScenarios[0]!, join(FIXTURES, 'no-trigger-workflow.json')]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning TF318/);
    expect(JSON.parse(stdout)).toHaveProperty('trace');
  });

  describe('on a year in which two workflows re-enroll one ticket through one-minute delays', () => {
    const pingPong = ['--scenario', join(FIXTURES, 'year-of-ping-pong.scenario.json'), join(FIXTURES, 'slow-ping.json'), join(FIXTURES, 'slow-pong.json')];
    const guardSays = [
      'Runaway automation stopped on ticket ticket-1: more than 10000 actions in this simulation.',
      '"Slow ping: a minute after Waiting on us, Waiting on contact" (wf-slow-ping, 5000 actions)',
      '"Slow pong: a minute after Waiting on contact, Waiting on us" (wf-slow-pong, 5000 actions)',
    ];

    it('prints a bounded report ending with the guard error, and says it on stderr', () => {
      const { code, stdout, stderr } = run(['simulate', ...pingPong]);
      expect(code).toBe(0);
      expect(stdout.length).toBeLessThan(10_000_000);
      const errors = stdout.slice(stdout.lastIndexOf('\nErrors ('));
      expect(errors).toMatch(/^\nErrors \(1\)\n {2}2026-01-08 \d\d:\d\d {2}guard\.runaway \(ticket-1\): /);
      for (const text of guardSays) expect(errors).toContain(text);
      expect(stderr.startsWith(`ticketflow: ${guardSays[0]}`)).toBe(true);
      for (const text of guardSays) expect(stderr).toContain(text);
    });

    it('prints bounded JSON with the guard error', () => {
      const { code, stdout, stderr } = run(['simulate', '--json', ...pingPong]);
      expect(code).toBe(0);
      expect(stdout.length).toBeLessThan(30_000_000);
      const result = JSON.parse(stdout) as { clock: string; done: boolean; errors: { code: string; message: string }[]; stats: { actions: number } };
      expect(result).toMatchObject({ clock: '2027-01-05T09:00:00.000Z', done: true, stats: { actions: 10_000 } });
      expect(result.errors.map((e) => e.code)).toEqual(['guard.runaway']);
      for (const text of guardSays) expect(result.errors[0]!.message).toContain(text);
      expect(stderr).toContain(guardSays[0]);
    });
  });

  it('shows bidirectional formatting characters from documents as escapes, so a line cannot read reordered', () => {
    const scenario = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'email-ticket-life.json'), 'utf8')) as { name: string };
    const marks = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    scenario.name = `Invoice ${marks.join('x')} paid`;
    const path = scratchFile('bidi.scenario.json', scenario);
    const { code, stdout } = run(['simulate', '--scenario', path]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'Scenario: Invoice \\u202ax\\u202bx\\u202cx\\u202dx\\u202ex\\u2066x\\u2067x\\u2068x\\u2069x\\u200ex\\u200fx\\u061c paid (email-ticket-life)',
    );
    for (const mark of marks) expect(stdout).not.toContain(mark);
  });

  it('shows control characters from documents as escapes instead of printing them', () => {
    const scenario = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'email-ticket-life.json'), 'utf8')) as { name: string };
    scenario.name = 'Line one\nLine two \u001b[31mred';
    const path = scratchFile('control.scenario.json', scenario);
    const { code, stdout } = run(['simulate', '--scenario', path]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Scenario: Line one\\nLine two \\u001b[31mred (email-ticket-life)');
    expect(stdout).not.toContain('\u001b');
  });
});

describe('schemas', () => {
  it('writes the three schema files, then --check finds them matching', () => {
    const out = join(scratch, 'schemas');
    const written = run(['schemas', '--out', out]);
    expect(written.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['scenario.schema.json', 'workflow.schema.json', 'workspace.schema.json']);
    expect(run(['schemas', '--out', out, '--check'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 1 with --check, naming each file that drifted or is missing', () => {
    const out = join(scratch, 'drift');
    run(['schemas', '--out', out]);
    writeFileSync(join(out, 'workflow.schema.json'), '{}\n');
    rmSync(join(out, 'scenario.schema.json'));
    const { code, stderr } = run(['schemas', '--out', out, '--check']);
    expect(code).toBe(1);
    expect(stderr).toContain(`${join(out, 'workflow.schema.json')}: differs from the schema generated from src/model`);
    expect(stderr).toContain(`${join(out, 'scenario.schema.json')}: missing or unreadable (no such file or directory)`);
    expect(stderr).not.toContain('workspace.schema.json');
  });

  it('finds the committed schemas/ in step with the model', () => {
    expect(run(['schemas', '--check'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 2 when the output directory cannot be written', () => {
    const file = scratchFile('not-a-dir', 'x');
    const { code, stderr } = run(['schemas', '--out', join(file, 'schemas')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ticketflow: cannot write ".*not-a-dir\/schemas\/workflow\.schema\.json": /);
  });
});

describe('main', () => {
  it('sets the process exit code from runCli', () => {
    const main = join('src', 'cli', 'main.ts');
    const exec = (args: string[]) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', main, ...args], { encoding: 'utf8', stdio: 'pipe' }) };
      } catch (error) {
        return { code: (error as { status: number }).status, out: '' };
      }
    };
    expect(exec(['validate', exampleWorkflows[0]!])).toEqual({ code: 0, out: `${exampleWorkflows[0]}: valid\n` });
    expect(exec(['validate', join(FIXTURES, 'broken-workflow.json')]).code).toBe(1);
    expect(exec(['validate']).code).toBe(2);
  }, 30_000);
});
