import { describe, expect, it } from 'vitest';
import { exportWorkflow, importWorkflow, validateWorkflowDocument } from '../../src/document';
import { defaultWorkspace } from '../../src/model';
import { largeWorkflowDoc } from './helpers';

/**
 * Best time of a function over runs, after warm-up runs (the validators compile on first use). The
 * best run is the one least disturbed by other processes sharing the machine, so it measures the code.
 */
function bestMs(run: () => void, runs = 30): number {
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
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
    expect(bestMs(() => importWorkflow(text, { workspace }))).toBeLessThan(25);
  });

  it('validates in memory faster still', () => {
    expect(bestMs(() => validateWorkflowDocument(doc, workspace))).toBeLessThan(15);
  });
});
