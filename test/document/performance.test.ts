import { describe, expect, it } from 'vitest';
import { exportWorkflow, importWorkflow, validateWorkflowDocument } from '../../src/document';
import { defaultWorkspace } from '../../src/model';
import { largeWorkflowDoc } from './helpers';

/**
 * Best processor time of a function over runs, after warm-up runs (the validators compile on first
 * use). Processor time rather than wall time, and the best run, so that other programs competing for
 * the machine do not count: the figure measures the code.
 */
function bestCpuMs(run: () => void, runs = 30): number {
  for (let i = 0; i < 5; i++) run();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('a 1,000-action workflow', () => {
  const workspace = defaultWorkspace();
  const doc = largeWorkflowDoc(100);
  const text = exportWorkflow(doc);

  it('is valid, so that the timings below measure the full import', () => {
    expect(doc.workflow.actions).toHaveLength(1000);
    expect(importWorkflow(text, { workspace })).toEqual({ ok: true, value: doc, warnings: [], notes: [] });
  });

  // The budget is "a few milliseconds" on a quiet machine; the bound leaves room for a slow CI runner.
  it('imports and validates in well under the budget', () => {
    expect(bestCpuMs(() => importWorkflow(text, { workspace }))).toBeLessThan(25);
  });

  it('validates in memory faster still', () => {
    expect(bestCpuMs(() => validateWorkflowDocument(doc, workspace))).toBeLessThan(15);
  });
});
