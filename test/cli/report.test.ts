import { describe, expect, it } from 'vitest';
import { printable, simulationLines } from '../../src/cli/report';
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
    const lines = simulationLines({ ...result, trace }, { workspace, scenario, workflows: [] });
    const heading = lines.indexOf('Trace (500000)');
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading + 1]).toBe('  2026-01-05 09:00  -  event  events[0]: time passes.');
    expect(lines[heading + 500_000]).toBe(lines[heading + 1]);
    expect(lines[heading + 500_002]).toMatch(/^Tickets \(\d+\)$/);
  });
});
