import { describe, expect, it } from 'vitest';
import { fileJson, fileLines, ListingBudget, printable, PROBLEMS_PER_FILE, PROBLEMS_PER_REPORT, simulationLines, type FileReport } from '../../src/cli/report';
import { verdictOf } from '../../src/cli/load';
import { problem, type ImportResult } from '../../src/document';
import { simulate, type TraceEntry } from '../../src/engine';
import { EXAMPLE_SCENARIOS } from '../../src/examples';
import { defaultWorkspace } from '../../src/model';

describe('printable', () => {
  it.each([
    ['line ends and tabs', 'a\nb\tc', 'a\\nb\\tc'],
    ['terminal escapes', '\u001b[31mred', '\\u001b[31mred'],
    ['C1 controls', 'x\u0085y\u009bz', 'x\\u0085y\\u009bz'],
    ['embeddings and overrides', 'a\u202ab\u202bc\u202cd\u202de\u202ef', 'a\\u202ab\\u202bc\\u202cd\\u202de\\u202ef'],
    ['isolates', '\u2066a\u2067b\u2068c\u2069', '\\u2066a\\u2067b\\u2068c\\u2069'],
    ['direction marks', 'a\u200eb\u200fc\u061cd', 'a\\u200eb\\u200fc\\u061cd'],
  ])('shows %s as escapes', (_what, text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it('leaves other text, right-to-left letters and emoji included, as it is', () => {
    const text = 'Café — שלום مرحبا 👋 “quoted” ‐ zero\u200bwidth';
    expect(printable(text)).toBe(text);
  });
});

describe('simulationLines', () => {
  it('reports a trace of half a million lines without overflowing the call stack', () => {
    const scenario = EXAMPLE_SCENARIOS[0]!.scenario;
    const workspace = defaultWorkspace();
    const result = simulate({ workspace, workflows: [], scenario });
    const line: TraceEntry = { at: Date.parse(scenario.start), kind: 'event', code: 'event.advance', params: { index: 0 } };
    const trace = Array.from({ length: 500_000 }, () => line);
    const lines = [...simulationLines({ ...result, trace }, { workspace, scenario, workflows: [] })];
    const heading = lines.indexOf('Trace (500000)');
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading + 1]).toBe('  2026-01-05 09:00  -  event  events[0]: time passes.');
    expect(lines[heading + 500_000]).toBe(lines[heading + 1]);
    expect(lines[heading + 500_002]).toMatch(/^Tickets \(\d+\)$/);
  }, 30_000);
});

describe('the report of many problems', () => {
  const report = (file: string, n: number): FileReport => ({
    file,
    format: 'workflow',
    unreadable: false,
    migratedFrom: null,
    notes: [],
    problems: Array.from({ length: n }, (_, i) => problem('TF304', `/workflow/actions/${i}/next`, { actionId: `a${i}`, target: 'x', what: 'its next action' })),
  });

  it('lists at most 200 problems of a file in full and counts the rest', () => {
    const lines = fileLines(report('a.json', 12_345), new ListingBudget());
    expect(lines).toHaveLength(1 + PROBLEMS_PER_FILE + 1);
    expect(lines[0]).toBe('a.json: workflow, 12,345 errors');
    expect(lines.at(-1)).toBe('  … and 12,145 more problems');
    const json = fileJson(report('a.json', 12_345), new ListingBudget());
    expect((json.problems as unknown[]).length).toBe(PROBLEMS_PER_FILE);
    expect(json.more).toBe(12_145);
  });

  it('lists at most 2,000 problems in one report, over all its files', () => {
    const budget = new ListingBudget();
    let listed = 0;
    let counted = 0;
    for (let i = 0; i < 30; i++) {
      const json = fileJson(report(`f${i}.json`, 500), budget);
      listed += (json.problems as unknown[]).length;
      counted += (json.more as number | undefined) ?? 0;
    }
    expect(listed).toBe(PROBLEMS_PER_REPORT);
    expect(listed + counted).toBe(30 * 500);
  });
});

describe('verdictOf', () => {
  it("turns the library's TF001 marker into the count of problems it did not list", () => {
    const listed = Array.from({ length: 1000 }, () => problem('TF322', '/layout/positions/x', { id: 'x' }));
    const marker = { code: 'TF001', severity: 'error' as const, path: '', message: '… and 276,403 more problems (3 of them errors), not listed to keep the report readable.' };
    const result = { ok: false, problems: [...listed, marker], notes: [], migratedFrom: null, changes: [] } as unknown as ImportResult<unknown>;
    const { report } = verdictOf('big.json', 'workflow', result);
    expect(report.problems).toHaveLength(1000);
    expect(report.unlisted).toEqual({ count: 276_403, errors: 3 });
    const lines = fileLines(report, new ListingBudget());
    expect(lines[0]).toBe('big.json: workflow, 3 errors, 277,400 warnings');
    expect(lines.at(-1)).toBe('  … and 277,203 more problems');
    expect(fileJson(report, new ListingBudget())).toMatchObject({ valid: false, more: 277_203 });
  });
});
