import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../src/model';
import { run, type JsonReport } from './helpers';

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

function scratchFile(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('runCli usage', () => {
  it.each([[[]], [['frobnicate']], [['validate']], [['validate', 'a.json', '--strict']], [['simulate', 'w.json']], [['schemas', 'x']]])(
    'exits 2 on %j and says what is wrong on stderr',
    async (argv) => {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^ticketflow: .+\nRun "help/);
    },
  );

  it('prints the overview for help and --help, and a command usage for help simulate', async () => {
    expect((await run(['help'])).stdout).toMatch(/Commands:[\s\S]*validate[\s\S]*migrate[\s\S]*format[\s\S]*fix[\s\S]*simulate[\s\S]*schemas/);
    expect(await run(['--help'])).toMatchObject({ code: 0, stderr: '' });
    expect((await run(['help', 'simulate'])).stdout).toMatch(/^Usage: simulate --scenario/);
    expect((await run(['validate', '--help'])).stdout).toMatch(/^Usage: validate/);
  });

  it('reports a file that cannot be read among the others, and exits 2', async () => {
    const missing = join(scratch, 'missing.json');
    const { code, stdout, stderr } = await run(['validate', missing]);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${missing}: cannot be read: no such file or directory\n`);
    expect((await run(['simulate', '--scenario', missing])).stderr).toContain(`${missing}: cannot be read: no such file or directory`);
    const ws = await run(['validate', exampleWorkflows[0]!, '--workspace', missing]);
    expect(ws.code).toBe(2);
    expect(ws.stdout).toContain(`${missing}: cannot be read`);
  });

  it('reports an unexpected failure as an internal error with exit 3', async () => {
    const { code, stderr } = await run(['help'], {
      io: {
        stdout: {
          closed: false,
          write: () => {
            throw new Error('stdout broke');
          },
        },
      },
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/internal error \(a bug in Ticketflow, not in your files\):\nError: stdout broke/);
  });
});

describe('validate', () => {
  it.each(exampleWorkflows)('finds no problem in the example %s', async (file) => {
    expect(await run(['validate', file])).toEqual({ code: 0, stdout: `${file}: workflow, valid\n`, stderr: '' });
  });

  it('exits 1 and lists every rule problem with code, pointer, action and message', async () => {
    const file = join(FIXTURES, 'broken-workflow.json');
    const { code, stdout } = await run(['validate', file]);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${file}: workflow, 6 errors`);
    expect(lines).toContain(
      '  error TF304 at /workflow/actions/1/next [action n1]: Action "n1" leads to "nowhere" (its next action), which is not an action of this workflow.',
    );
    expect(stdout).toMatch(/error TF305 at \/workflow\/actions\/2 \[action g1\]/);
    expect(stdout).toMatch(/error TF309 at \/workflow\/actions\/2\/target \[action g1\]/);
    expect(stdout).toMatch(/error TF312 at \/workflow\/actions\/0\/statusId \[action s1\]: .*"archived"/);
    expect(stdout).toMatch(/error TF312 at \/workflow\/enrollment\/triggers\/0\/toStatusId: /);
    expect(stdout).toMatch(/error TF314 at \/workflow\/actions\/1\/recipients\/teamIds\/0 \[action n1\]: .*"t-ghost"/);
  });

  it('prints one JSON object with a version and each file, valid ones included, with --json', async () => {
    const file = join(FIXTURES, 'broken-workflow.json');
    const { code, stdout } = await run(['validate', exampleWorkflows[0]!, file, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report).toMatchObject({ version: 1, ok: false });
    expect(report.files).toHaveLength(2);
    expect(report.files[0]).toEqual({ file: exampleWorkflows[0], format: 'workflow', valid: true, migratedFrom: null, notes: [], problems: [] });
    expect(report.files[1]).toMatchObject({ file, format: 'workflow', valid: false, migratedFrom: null });
    expect(report.files[1]!.problems).toHaveLength(6);
    expect(report.files[1]!.problems).toContainEqual({
      code: 'TF314',
      severity: 'error',
      path: '/workflow/actions/1/recipients/teamIds/0',
      actionId: 'n1',
      message: expect.stringContaining('"t-ghost"'),
    });
  });

  it('exits 1 on unparseable JSON and on a schema violation, with the line or pointer', async () => {
    const notJson = await run(['validate', join(FIXTURES, 'not-json.json')]);
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toMatch(/error TF101 at \(document\): Invalid JSON at line 1, column 56/);
    const schema = await run(['validate', join(FIXTURES, 'schema-invalid-workflow.json'), '--json']);
    expect(schema.code).toBe(1);
    const report = JSON.parse(schema.stdout) as JsonReport;
    expect(report.files[0]!.problems.map((p) => [p.code, p.path])).toEqual([
      ['TF202', '/workflow/enabled'],
      ['TF205', '/workflow/actions/0'],
    ]);
  });

  it('exits 0 when the only problems are warnings, and still prints them', async () => {
    const { code, stdout } = await run(['validate', join(FIXTURES, 'no-trigger-workflow.json')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/: workflow, 1 warning\n {2}warning TF318 at \/workflow\/enrollment\/triggers: /);
  });

  it('reads an older schemaVersion and says what the migration changed, in text and in JSON', async () => {
    const file = join(FIXTURES, 'version-1-workflow.json');
    const { code, stdout } = await run(['validate', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/: workflow, valid \(migrated from schemaVersion 1\)\n {2}note: /);
    const json = JSON.parse((await run(['validate', '--json', file])).stdout) as JsonReport;
    expect(json.files[0]).toMatchObject({ valid: true, migratedFrom: 1, notes: expect.arrayContaining([expect.stringMatching(/^Migrated from schemaVersion 1/)]) });
  });

  it('checks several files and fails when any one has an error, closing with a count', async () => {
    const { code, stdout } = await run(['validate', exampleWorkflows[0]!, join(FIXTURES, 'broken-workflow.json')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/: workflow, valid\n[\s\S]*: workflow, 6 errors\n[\s\S]*\n2 files: 1 valid, 1 invalid\n$/);
  });

  it('checks references against the workspace given with --workspace', async () => {
    const ws = defaultWorkspace();
    const withoutTier1 = scratchFile('no-tier1.workspace.json', { ...ws, teams: ws.teams.filter((t) => t.id !== 't-tier1') });
    const notify = join(WORKFLOWS_DIR, 'notify-waiting-on-us.json');
    const { code, stdout } = await run(['validate', notify, '--workspace', withoutTier1]);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^${withoutTier1}: workspace, valid\\n`));
    expect(stdout).toMatch(/error TF314 at \/workflow\/actions\/0\/recipients\/teamIds\/0 \[action notify-tier1\]: .*"t-tier1"/);
  });

  it('reports an invalid workspace first, and the workflows without the references it would have checked', async () => {
    const badWorkspace = scratchFile('bad.workspace.json', { ...defaultWorkspace(), pipelines: [] });
    const { code, stdout } = await run(['validate', exampleWorkflows[0]!, '--workspace', badWorkspace, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((f) => f.file)).toEqual([badWorkspace, exampleWorkflows[0]]);
    expect(report.files[0]!.valid).toBe(false);
    expect(report.files[0]!.problems.map((p) => p.path)).toContain('/pipelines');
  });
});

describe('simulate', () => {
  it.each(exampleScenarios)('prints a readable trace for %s with every example workflow', async (scenario) => {
    const { code, stdout, stderr } = await run(['simulate', '--scenario', scenario, ...exampleWorkflows]);
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

  it.each(exampleScenarios)('prints one JSON object holding the simulation result for %s', async (scenario) => {
    const { code, stdout } = await run(['simulate', '--json', '--scenario', scenario, ...exampleWorkflows]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { version: number; ok: boolean; problems: unknown[]; result: Record<string, unknown> };
    expect(out).toMatchObject({ version: 1, ok: true, problems: [] });
    for (const field of ['tickets', 'outbox', 'notifications', 'trace', 'errors', 'history', 'webhooks', 'conversations', 'channels']) {
      expect(out.result, field).toHaveProperty(field);
    }
    expect(Array.isArray(out.result.trace) && out.result.trace.length).toBeGreaterThan(0);
  });

  it('follows the example workflows through the email ticket scenario', async () => {
    const { stdout } = await run(['simulate', '--json', '--scenario', join(SCENARIOS_DIR, 'email-ticket-life.json'), ...exampleWorkflows]);
    const { result } = JSON.parse(stdout) as {
      result: { outbox: { workflow: string; subject: string }[]; notifications: { workflow: string; recipient: string | null }[]; errors: unknown[] };
    };
    expect(result.errors).toEqual([]);
    expect(result.outbox.map((e) => e.workflow)).toContain('wf-ticket-received-email');
    expect(result.outbox.map((e) => e.workflow)).toContain('wf-ticket-closed-email');
    expect(result.notifications.filter((n) => n.workflow === 'wf-notify-waiting-on-us').map((n) => n.recipient)).toEqual(
      expect.arrayContaining(['u-marco', 'u-claire']),
    );
  });

  describe('on the branch, delay and go-to loop examples', () => {
    const scenario = join(FIXTURES, 'outage-and-refund.scenario.json');
    type Result = {
      outbox: { at: string; ticket: string; action: string }[];
      notifications: { at: string; ticket: string; recipient: string | null; action: string; workflow: string }[];
      errors: unknown[];
    };
    const simulateWith = async (extra: string[]): Promise<Result> => {
      // Without the example that closes tickets left unanswered for 3 days: it would close ticket-2 before
      // this scenario closes it itself, which the run rightly refuses as an event on a closed ticket.
      const workflows = exampleWorkflows.filter((f) => !f.endsWith('await-contact-reply.json'));
      const { code, stdout } = await run(['simulate', '--json', '--scenario', scenario, ...extra, ...workflows]);
      expect(code).toBe(0);
      const { result } = JSON.parse(stdout) as { result: Result };
      expect(result.errors).toEqual([]);
      return result;
    };
    const escalation = (r: Result) =>
      r.notifications.filter((n) => n.workflow === 'wf-urgent-escalation' && (n.action === 'notify-leads' || n.action === 'notify-owner-follow-up'));

    it('follows up with the owner a day later only on the ticket still open', async () => {
      expect(escalation(await simulateWith([]))).toEqual([
        expect.objectContaining({ at: '2026-02-03T09:30:00.000Z', ticket: 'ticket-2', recipient: 'u-claire', action: 'notify-owner-follow-up' }),
      ]);
    });

    it('tells the leads at once about tickets that are urgent', async () => {
      const urgent = scratchFile('urgent.workspace.json', { ...defaultWorkspace(), defaultPriority: 'urgent' });
      expect(escalation(await simulateWith(['--workspace', urgent]))).toEqual([
        expect.objectContaining({ at: '2026-02-02T09:00:00.000Z', ticket: 'ticket-1', recipient: 'u-ana', action: 'notify-leads' }),
        expect.objectContaining({ at: '2026-02-02T09:30:00.000Z', ticket: 'ticket-2', recipient: 'u-ana', action: 'notify-leads' }),
      ]);
    });

    it('reminds the contact every two days while waiting on them, and stops once closed', async () => {
      // Waiting on contact from 2 Feb 10:00 until closed on 7 Feb 12:00: reminders on the 4th and 6th, none after.
      expect((await simulateWith([])).outbox.filter((e) => e.action === 'email-reminder').map((e) => [e.ticket, e.at])).toEqual([
        ['ticket-2', '2026-02-04T10:00:00.000Z'],
        ['ticket-2', '2026-02-06T10:00:00.000Z'],
      ]);
    });
  });

  it('gives the same bytes on every run, as text and as JSON', async () => {
    const scenario = exampleScenarios[0]!;
    for (const extra of [[], ['--json']]) {
      const first = await run(['simulate', '--scenario', scenario, ...exampleWorkflows, ...extra]);
      const second = await run(['simulate', '--scenario', scenario, ...exampleWorkflows, ...extra]);
      expect(second.stdout).toBe(first.stdout);
      expect(first.stdout.length).toBeGreaterThan(0);
    }
  });

  it('runs the built-in pipeline automation alone when no workflow is given', async () => {
    const { code, stdout } = await run(['simulate', '--scenario', join(SCENARIOS_DIR, 'email-ticket-life.json')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nWorkflows: none; only the built-in pipeline automation runs\n/);
    expect(stdout).toMatch(/Outbox \(0\)\n {2}none/);
  });

  it('exits 1 with the problems and simulates nothing when a workflow is invalid', async () => {
    const broken = join(FIXTURES, 'broken-workflow.json');
    const text = await run(['simulate', '--scenario', exampleScenarios[0]!, exampleWorkflows[0]!, broken]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^Nothing was simulated: the inputs have errors\.\n/);
    expect(text.stderr).toContain(`${broken}: workflow, 6 errors`);
  });

  it('prints one object with a null result and the problems, never an array, with --json on bad input', async () => {
    const broken = join(FIXTURES, 'broken-workflow.json');
    const json = await run(['simulate', '--json', '--scenario', exampleScenarios[0]!, broken]);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { version: number; ok: boolean; result: unknown; problems: { file: string; code: string }[] };
    expect(out).toMatchObject({ version: 1, ok: false, result: null });
    expect(out.problems).toHaveLength(6);
    expect(out.problems.every((p) => p.file === broken)).toBe(true);
    const missing = await run(['simulate', '--json', '--scenario', join(scratch, 'nowhere.json')]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ version: 1, ok: false, result: null, problems: [{ code: 'TF501' }] });
    const notJson = await run(['simulate', '--json', '--scenario', join(FIXTURES, 'not-json.json')]);
    expect(JSON.parse(notJson.stdout)).toMatchObject({ ok: false, result: null, problems: [{ code: 'TF101' }] });
  });

  it('exits 1 when the scenario is invalid', async () => {
    const scenario = scratchFile('bad.scenario.json', { format: 'ticketflow.scenario', schemaVersion: 1, id: 's', name: 'S' });
    const { code, stderr } = await run(['simulate', '--scenario', scenario]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${scenario}: `);
    expect(stderr).toMatch(/error TF\d{3} at /);
  });

  it('refuses a workflow where the scenario goes, naming what the file is', async () => {
    const { code, stderr } = await run(['simulate', '--scenario', exampleWorkflows[0]!]);
    expect(code).toBe(1);
    expect(stderr).toContain('This is a workflow file ("format": "ticketflow.workflow"), not a scenario file.');
  });

  it('refuses two workflow files with the same workflow id, naming both files', async () => {
    const copy = scratchFile('copy.json', readFileSync(exampleWorkflows[0]!, 'utf8'));
    const { code, stderr } = await run(['simulate', '--scenario', exampleScenarios[0]!, exampleWorkflows[0]!, copy]);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`${copy}: workflow, 1 error\\n {2}error TF502 at /workflow/id: The workflow id "[^"]+" is also the id of the workflow in "${exampleWorkflows[0]}"`));
  });

  it('runs with warnings, printing them on stderr and in the JSON, keeping stdout for the result', async () => {
    const { code, stdout, stderr } = await run(['simulate', '--json', '--scenario', exampleScenarios[0]!, join(FIXTURES, 'no-trigger-workflow.json')]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning TF318/);
    const out = JSON.parse(stdout) as { ok: boolean; result: unknown; problems: { code: string }[] };
    expect(out.ok).toBe(true);
    expect(out.result).toHaveProperty('trace');
    expect(out.problems.map((p) => p.code)).toEqual(['TF318']);
  });

  it('runs the files it is given as the live set, skipping an older one that says "enabled": false with a note', async () => {
    const doc = JSON.parse(readFileSync(join(WORKFLOWS_DIR, 'ticket-received-email.json'), 'utf8')) as { schemaVersion: number; revision?: unknown; workflow: { enabled: boolean } };
    doc.schemaVersion = 2;
    delete doc.revision;
    doc.workflow.enabled = false;
    const off = scratchFile('off.json', doc);
    const scenario = join(SCENARIOS_DIR, 'email-ticket-life.json');
    const { code, stdout, stderr } = await run(['simulate', '--scenario', scenario, off]);
    expect(code).toBe(0);
    expect(stderr).toContain(`${off}: workflow, valid (migrated from schemaVersion 2)`);
    expect(stderr).toContain('note: Skipped: this older file says "enabled": false');
    expect(stdout).toMatch(/\nWorkflows: none; only the built-in pipeline automation runs\n/);
    const json = JSON.parse((await run(['simulate', '--json', '--scenario', scenario, off])).stdout) as { result: { outbox: unknown[] } };
    expect(json.result.outbox).toEqual([]);
  });

  it('accepts the budget flags and the trace language', async () => {
    const { code, stdout } = await run([
      'simulate',
      '--scenario',
      exampleScenarios[0]!,
      '--max-actions',
      '1000',
      '--max-records=5000',
      '--max-output-bytes',
      '1000000',
      '--lang',
      'fr',
      ...exampleWorkflows,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Scenario: /);
  });

  it('stops a run at the budget given on the command line, naming the busiest workflows, and prints the partial result', async () => {
    const args = ['--scenario', join(FIXTURES, 'year-of-ping-pong.scenario.json'), join(FIXTURES, 'slow-ping.json'), join(FIXTURES, 'slow-pong.json')];
    const { code, stdout, stderr } = await run(['simulate', '--json', '--max-actions', '50', ...args]);
    expect(code).toBe(0);
    const { ok, result } = JSON.parse(stdout) as {
      ok: boolean;
      result: { stats: { actions: number }; errors: { code: string; params: { budget: string; limit: number; busiest: { workflow: string }[] } }[] };
    };
    expect(ok).toBe(true);
    expect(result.stats.actions).toBeLessThanOrEqual(50);
    const budget = result.errors.find((e) => e.code === 'guard.budget');
    expect(budget?.params).toMatchObject({ budget: 'maxActions', limit: 50 });
    expect(budget!.params.busiest.map((b) => b.workflow).sort()).toEqual(['wf-slow-ping', 'wf-slow-pong']);
    expect(stderr).toMatch(/^ticketflow: .*50/m);
    const records = JSON.parse((await run(['simulate', '--json', '--max-records', '100', ...args])).stdout) as { result: { errors: { code: string; params: { budget: string } }[] } };
    expect(records.result.errors.find((e) => e.code === 'guard.budget')?.params.budget).toBe('maxRecords');
  }, 30_000);

  it('lists problems in the language asked for, and in English, byte for byte, without --lang', async () => {
    const loop = 'test/fixtures/documents/loop-without-delay.json';
    const en = await run(['validate', loop]);
    expect(en.stdout).toBe(`${loop}: workflow, 1 error\n  error TF308 at /workflow/actions/2/target [action again]: Actions "remind", "ping" and "again" form a loop with no delay action on it; a ticket would repeat them without end.\n`);
    expect((await run(['validate', loop, '--lang', 'en'])).stdout).toBe(en.stdout);
    const es = await run(['validate', loop, '--lang', 'es']);
    expect(es.code).toBe(en.code);
    expect(es.stdout).toBe(`${loop}: workflow, 1 error\n  error TF308 at /workflow/actions/2/target [action again]: Las acciones "remind", "ping" y "again" forman un bucle sin ninguna acción de retraso; un ticket las repetiría sin fin.\n`);
    const json = JSON.parse((await run(['validate', loop, '--lang', 'it', '--json'])).stdout) as JsonReport;
    expect(json.files[0]!.problems[0]).toEqual({
      code: 'TF308',
      severity: 'error',
      path: '/workflow/actions/2/target',
      actionId: 'again',
      message: 'Le azioni "remind", "ping" e "again" formano un ciclo senza alcuna azione di ritardo; un ticket le ripeterebbe all\'infinito.',
    });
    const half = 'test/fixtures/documents/placeholders.json';
    expect((await run(['validate', half, '--lang', 'fr'])).stdout).toContain('est incomplète : Choisissez un statut.');
  });

  it('prints the trace in the language asked for', async () => {
    const scenario = join(SCENARIOS_DIR, 'email-ticket-life.json');
    const en = (await run(['simulate', '--scenario', scenario, ...exampleWorkflows])).stdout;
    const fr = (await run(['simulate', '--scenario', scenario, '--lang', 'fr', ...exampleWorkflows])).stdout;
    const trace = (text: string) => text.slice(text.indexOf('\nTrace ('), text.indexOf('\nTickets ('));
    expect(trace(fr)).not.toBe(trace(en));
    expect(trace(fr).split('\n').length).toBe(trace(en).split('\n').length);
  });

  describe('on a year in which two workflows re-enroll one ticket through one-minute delays', () => {
    const pingPong = ['--scenario', join(FIXTURES, 'year-of-ping-pong.scenario.json'), join(FIXTURES, 'slow-ping.json'), join(FIXTURES, 'slow-pong.json')];
    const guardSays = [
      'Runaway automation stopped on ticket ticket-1: it ran 10000 actions in this simulation, the limit per ticket, and was about to run one more.',
      '"Slow ping: a minute after Waiting on us, Waiting on contact" (wf-slow-ping): 5000',
      '"Slow pong: a minute after Waiting on contact, Waiting on us" (wf-slow-pong): 5000',
    ];

    it('prints a bounded report ending with the guard error, and says it on stderr', async () => {
      const { code, stdout, stderr } = await run(['simulate', ...pingPong]);
      expect(code).toBe(0);
      expect(stdout.length).toBeLessThan(10_000_000);
      const errors = stdout.slice(stdout.lastIndexOf('\nErrors ('));
      expect(errors).toMatch(/^\nErrors \(1\)\n {2}2026-01-08 \d\d:\d\d {2}guard\.runaway \(ticket-1\): /);
      for (const text of guardSays) expect(errors).toContain(text);
      expect(stderr.startsWith(`ticketflow: ${guardSays[0]}`)).toBe(true);
      for (const text of guardSays) expect(stderr).toContain(text);
    }, 30_000);

    it('prints bounded JSON with the guard error', async () => {
      const { code, stdout, stderr } = await run(['simulate', '--json', ...pingPong]);
      expect(code).toBe(0);
      expect(stdout.length).toBeLessThan(30_000_000);
      const { result } = JSON.parse(stdout) as {
        result: { clock: string; done: boolean; errors: { code: string; message: string }[]; stats: { actions: number } };
      };
      expect(result).toMatchObject({ clock: '2027-01-05T09:00:00.000Z', done: true, stats: { actions: 10_000 } });
      expect(result.errors.map((e) => e.code)).toEqual(['guard.runaway']);
      for (const text of guardSays) expect(result.errors[0]!.message).toContain(text);
      expect(stderr).toContain(guardSays[0]);
    }, 30_000);
  });

  it('shows bidirectional formatting characters from documents as escapes, so a line cannot read reordered', async () => {
    const scenario = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'email-ticket-life.json'), 'utf8')) as { name: string };
    const marks = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    scenario.name = `Invoice ${marks.join('x')} paid`;
    const path = scratchFile('bidi.scenario.json', scenario);
    const { code, stdout } = await run(['simulate', '--scenario', path]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'Scenario: Invoice \\u202ax\\u202bx\\u202cx\\u202dx\\u202ex\\u2066x\\u2067x\\u2068x\\u2069x\\u200ex\\u200fx\\u061c paid (email-ticket-life)',
    );
    for (const mark of marks) expect(stdout).not.toContain(mark);
  });

  it('shows control characters from documents as escapes instead of printing them', async () => {
    const scenario = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'email-ticket-life.json'), 'utf8')) as { name: string };
    scenario.name = 'Line one\nLine two \u001b[31mred';
    const path = scratchFile('control.scenario.json', scenario);
    const { code, stdout } = await run(['simulate', '--scenario', path]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Scenario: Line one\\nLine two \\u001b[31mred (email-ticket-life)');
    expect(stdout).not.toContain('\u001b');
  });
});

describe('schemas', () => {
  it('writes the schema files and the code list, then --check finds them matching', async () => {
    const out = join(scratch, 'schemas');
    const written = await run(['schemas', '--out', out]);
    expect(written.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['codes.json', 'codes.md', 'scenario.schema.json', 'simulation-result.schema.json', 'workflow.schema.json', 'workspace.schema.json']);
    expect(await run(['schemas', '--out', out, '--check'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 1 with --check, naming each file that drifted or is missing', async () => {
    const out = join(scratch, 'drift');
    await run(['schemas', '--out', out]);
    writeFileSync(join(out, 'workflow.schema.json'), '{}\n');
    rmSync(join(out, 'scenario.schema.json'));
    const { code, stderr } = await run(['schemas', '--out', out, '--check']);
    expect(code).toBe(1);
    expect(stderr).toContain(`${join(out, 'workflow.schema.json')}: differs from the schema generated from src/model`);
    expect(stderr).toContain(`${join(out, 'scenario.schema.json')}: missing or unreadable (no such file or directory)`);
    expect(stderr).not.toContain('workspace.schema.json');
  });

  it('finds the committed schemas/ in step with the model', async () => {
    expect(await run(['schemas', '--check'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 2 when the output directory cannot be written', async () => {
    const file = scratchFile('not-a-dir', 'x');
    const { code, stderr } = await run(['schemas', '--out', join(file, 'schemas')]);
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
    expect(exec(['validate', exampleWorkflows[0]!])).toEqual({ code: 0, out: `${exampleWorkflows[0]}: workflow, valid\n` });
    expect(exec(['validate', join(FIXTURES, 'broken-workflow.json')]).code).toBe(1);
    expect(exec(['validate']).code).toBe(2);
  }, 30_000);
});
