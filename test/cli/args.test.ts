import { describe, expect, it } from 'vitest';
import { parseArgs, usageText } from '../../src/cli/args';

describe('parseArgs', () => {
  it('reads validate with files, a workspace and --json', () => {
    expect(parseArgs(['validate', 'a.json', '--workspace', 'ws.json', 'b.json', '--json'])).toEqual({
      ok: true,
      command: { name: 'validate', files: ['a.json', 'b.json'], workspace: 'ws.json', json: true },
    });
  });

  it('accepts --option=value as well as --option value', () => {
    expect(parseArgs(['simulate', '--scenario=s.json', 'w.json'])).toEqual({
      ok: true,
      command: { name: 'simulate', scenario: 's.json', workflows: ['w.json'], workspace: null, json: false },
    });
  });

  it('treats everything after -- as a file, even when it looks like an option', () => {
    expect(parseArgs(['validate', '--', '--json'])).toEqual({
      ok: true,
      command: { name: 'validate', files: ['--json'], workspace: null, json: false },
    });
  });

  it('lets simulate run the built-in automation alone, without workflow files', () => {
    const parsed = parseArgs(['simulate', '--scenario', 's.json']);
    expect(parsed.ok && parsed.command).toEqual({ name: 'simulate', scenario: 's.json', workflows: [], workspace: null, json: false });
  });

  it('defaults schemas to the schemas directory without --check', () => {
    expect(parseArgs(['schemas'])).toEqual({ ok: true, command: { name: 'schemas', out: 'schemas', check: false } });
    expect(parseArgs(['schemas', '--out', 'tmp', '--check'])).toEqual({ ok: true, command: { name: 'schemas', out: 'tmp', check: true } });
  });

  it.each([
    [['help'], null],
    [['--help'], null],
    [['-h'], null],
    [['help', 'simulate'], 'simulate'],
    [['validate', '--help'], 'validate'],
    [['schemas', 'extra', '-h'], 'schemas'],
  ])('reads %j as a request for help on %s', (argv, topic) => {
    expect(parseArgs(argv)).toEqual({ ok: true, command: { name: 'help', topic } });
  });

  it.each([
    [[], /no command given/, null],
    [['run'], /unknown command "run"/, null],
    [['help', 'run'], /unknown command "run"/, null],
    [['validate'], /at least one WORKFLOW\.json/, 'validate'],
    [['validate', 'a.json', '--strict'], /unknown option "--strict" for validate/, 'validate'],
    [['validate', 'a.json', '-j'], /unknown option "-j"/, 'validate'],
    [['validate', 'a.json', '--workspace'], /--workspace needs a value/, 'validate'],
    [['validate', 'a.json', '--workspace', '--json'], /--workspace needs a value/, 'validate'],
    [['validate', 'a.json', '--workspace='], /non-empty value/, 'validate'],
    [['validate', 'a.json', '--json=yes'], /--json takes no value/, 'validate'],
    [['validate', 'a.json', '--json', '--json'], /--json is given more than once/, 'validate'],
    [['simulate', 'w.json'], /needs --scenario/, 'simulate'],
    [['simulate', '--scenario', 'a.json', '--scenario', 'b.json'], /--scenario is given more than once/, 'simulate'],
    [['schemas', 'out'], /unexpected argument "out"/, 'schemas'],
    [['schemas', '--scenario', 's.json'], /unknown option "--scenario" for schemas/, 'schemas'],
  ])('refuses %j with a message naming the problem', (argv, message, topic) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatch(message);
    expect(parsed.topic).toBe(topic);
  });
});

describe('usageText', () => {
  it('lists every command in the overview', () => {
    for (const name of ['validate', 'simulate', 'schemas', 'help']) expect(usageText(null)).toContain(name);
  });

  it("documents each command's options and exit codes", () => {
    expect(usageText('validate')).toMatch(/--workspace[\s\S]*--json[\s\S]*Exit codes/);
    expect(usageText('simulate')).toMatch(/--scenario[\s\S]*--workspace[\s\S]*--json[\s\S]*Exit codes/);
    expect(usageText('schemas')).toMatch(/--out[\s\S]*--check[\s\S]*Exit codes/);
  });
});
