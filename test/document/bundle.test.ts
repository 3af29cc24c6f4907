import { describe, expect, it } from 'vitest';
import { exportBundle, exportWorkflow, importBundle } from '../../src/document';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace } from '../../src/model';

const bundle = () => ({
  workspace: defaultWorkspace(),
  workflows: EXAMPLE_WORKFLOWS.map((e) => e.document),
  scenarios: EXAMPLE_SCENARIOS.map((e) => e.scenario),
});

describe('exportBundle / importBundle', () => {
  it('round-trips the workspace, every workflow and every scenario', () => {
    const text = exportBundle(bundle());
    const back = importBundle(text);
    expect(back.document).toEqual(bundle());
    expect(back.document && back.problems).toEqual([]);
  });

  it('writes the same bytes for the same bundle, and each workflow as its own export writes it', () => {
    const text = exportBundle(bundle());
    expect(exportBundle(bundle())).toBe(text);
    const parsed = JSON.parse(text) as { workflows: unknown[] };
    expect(JSON.stringify(parsed.workflows[0], null, 2) + '\n').toBe(exportWorkflow(EXAMPLE_WORKFLOWS[0]!.document));
  });

  it('refuses a file that is not a bundle, naming the format', () => {
    const r = importBundle(exportWorkflow(EXAMPLE_WORKFLOWS[0]!.document));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'TF105', path: '/format' });
  });

  it('refuses a newer bundle version', () => {
    const r = importBundle(JSON.stringify({ format: 'ticketflow.bundle', schemaVersion: 9 }));
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'TF106', path: '/schemaVersion' });
  });

  it('points a broken part at its place in the bundle', () => {
    const raw = JSON.parse(exportBundle(bundle())) as { workflows: { workflow: { enabled: unknown } }[] };
    raw.workflows[2]!.workflow.enabled = 'yes';
    const r = importBundle(JSON.stringify(raw));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path)).toContain('/workflows/2/workflow/enabled');
  });

  it('refuses two workflows with the same id', () => {
    const b = bundle();
    b.workflows.push(b.workflows[0]!);
    const r = importBundle(exportBundle(b));
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'TF401' });
  });
});
