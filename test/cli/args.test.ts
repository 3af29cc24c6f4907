import { describe, expect, it } from 'vitest';
import { parseArgs, usageText } from '../../src/cli/args';

describe('parseArgs', () => {
  it('reads validate with files, a workspace and --json', () => {
    expect(parseArgs(['validate', 'a.json', '--workspace', 'ws.json', 'b.json', '--json'])).toEqual({
      ok: true,
      command: { name: 'validate', inputs: ['a.json', 'b.json'], workspace: 'ws.json', json: true, lang: 'en' },
    });
  });

  it('reads the language of the problem messages for validate and the rewriting commands', () => {
    expect(parseArgs(['validate', 'a.json', '--lang', 'it'])).toEqual({ ok: true, command: { name: 'validate', inputs: ['a.json'], workspace: null, json: false, lang: 'it' } });
    const fix = parseArgs(['fix', 'a.json', '--lang=fr']);
    expect(fix.ok && fix.command).toMatchObject({ name: 'fix', lang: 'fr' });
    expect(usageText('validate')).toMatch(/--lang en\|es\|it\|fr +the language of the problem messages \(default en\)/);
    expect(usageText('format')).toMatch(/--lang en\|es\|it\|fr +the language of the problem messages/);
  });

  it('accepts --option=value as well as --option value', () => {
    expect(parseArgs(['simulate', '--scenario=s.json', 'w.json'])).toEqual({
      ok: true,
      command: { name: 'simulate', scenario: 's.json', workflows: ['w.json'], workspace: null, json: false, budgets: {}, lang: 'en' },
    });
  });

  it('treats everything after -- as a file, even when it looks like an option', () => {
    expect(parseArgs(['validate', '--', '--json'])).toEqual({
      ok: true,
      command: { name: 'validate', inputs: ['--json'], workspace: null, json: false, lang: 'en' },
    });
  });

  it('lets simulate run the built-in automation alone, without workflow files', () => {
    const parsed = parseArgs(['simulate', '--scenario', 's.json']);
    expect(parsed.ok && parsed.command).toEqual({ name: 'simulate', scenario: 's.json', workflows: [], workspace: null, json: false, budgets: {}, lang: 'en' });
  });

  it('reads the budget flags and the language for simulate', () => {
    const parsed = parseArgs(['simulate', '--scenario', '-', '--max-actions', '500', '--max-records=100', '--max-output-bytes', '2000000', '--lang', 'es', 'wf/']);
    expect(parsed.ok && parsed.command).toEqual({
      name: 'simulate',
      scenario: '-',
      workflows: ['wf/'],
      workspace: null,
      json: false,
      budgets: { maxActions: 500, maxRecords: 100, maxOutputBytes: 2_000_000 },
      lang: 'es',
    });
  });

  it('reads migrate, format and fix with --write, --check and stdin', () => {
    expect(parseArgs(['format', 'dir', '--check'])).toEqual({
      ok: true,
      command: { name: 'format', inputs: ['dir'], workspace: null, json: false, write: false, check: true, lang: 'en' },
    });
    expect(parseArgs(['fix', 'a.json', '--write', '--json'])).toEqual({
      ok: true,
      command: { name: 'fix', inputs: ['a.json'], workspace: null, json: true, write: true, check: false, lang: 'en' },
    });
    expect(parseArgs(['migrate', '-'])).toEqual({
      ok: true,
      command: { name: 'migrate', inputs: ['-'], workspace: null, json: false, write: false, check: false, lang: 'en' },
    });
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
    [['validate'], /at least one INPUT/, 'validate'],
    [['validate', '-', '-'], /standard input \(-\) can be given only once/, 'validate'],
    [['format', 'a.json', '--write', '--check'], /cannot be given together/, 'format'],
    [['migrate', '-', '--write'], /--write cannot replace standard input/, 'migrate'],
    [['migrate', 'a.json', '--check'], /unknown option "--check" for migrate/, 'migrate'],
    [['simulate', '--scenario', 's.json', '--max-actions', '0'], /--max-actions needs a whole number of at least 1 \(got "0"\)/, 'simulate'],
    [['simulate', '--scenario', 's.json', '--max-records=1e9'], /--max-records needs a whole number/, 'simulate'],
    [['simulate', '--scenario', 's.json', '--max-output-bytes', '-5'], /--max-output-bytes needs a whole number of at least 1 \(got "-5"\)/, 'simulate'],
    [['simulate', '--scenario', 's.json', '--lang', 'de'], /--lang needs one of en, es, it, fr \(got "de"\)/, 'simulate'],
    [['validate', 'a.json', '--lang', 'pt'], /--lang needs one of en, es, it, fr \(got "pt"\)/, 'validate'],
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
    for (const name of ['validate', 'migrate', 'format', 'fix', 'simulate', 'schemas', 'help']) expect(usageText(null)).toContain(name);
  });

  it("documents each command's options and exit codes", () => {
    expect(usageText('validate')).toMatch(/--workspace[\s\S]*--json[\s\S]*Exit codes/);
    expect(usageText('simulate')).toMatch(/--scenario[\s\S]*--workspace[\s\S]*--json[\s\S]*--lang[\s\S]*--max-actions[\s\S]*--max-records[\s\S]*--max-output-bytes[\s\S]*Exit codes/);
    for (const name of ['migrate', 'format', 'fix'] as const) expect(usageText(name)).toMatch(/--write[\s\S]*--json[\s\S]*Exit codes/);
    expect(usageText('format')).toContain('--check');
    expect(usageText('schemas')).toMatch(/--out[\s\S]*--check[\s\S]*Exit codes/);
  });
});
