import { describe, expect, it } from 'vitest';
import { exportWorkflow } from '../../src/document';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type WorkflowDocument } from '../../src/model';
import { readForReview } from '../../src/review/open-for-review';
import { addThread } from '../../src/review/threads';

const doc = (): WorkflowDocument => {
  const base = EXAMPLE_WORKFLOWS.find((e) => e.document.workflow.id === 'wf-ticket-closed-email')!.document;
  return { ...base, comments: addThread([], 'email-closed', { author: 'Ana', at: '2026-01-05T09:00:00Z', text: 'Check the template' }).comments };
};

describe('readForReview', () => {
  it('reads a workflow file with its comments', () => {
    const r = readForReview(exportWorkflow(doc(), { comments: true }), defaultWorkspace(), []);
    expect(r.ok && r.document.workflow.id).toBe('wf-ticket-closed-email');
    expect(r.ok && r.document.comments?.[0]?.messages[0]?.text).toBe('Check the template');
    expect(r.ok && r.renamedFrom).toBeUndefined();
  });

  it('gives the copy a new id when the workspace already has the workflow, so nothing is replaced', () => {
    const text = exportWorkflow(doc(), { comments: true });
    const once = readForReview(text, defaultWorkspace(), ['wf-ticket-closed-email']);
    expect(once.ok && [once.document.workflow.id, once.renamedFrom]).toEqual(['wf-ticket-closed-email-review', 'wf-ticket-closed-email']);
    const twice = readForReview(text, defaultWorkspace(), ['wf-ticket-closed-email', 'wf-ticket-closed-email-review']);
    expect(twice.ok && twice.document.workflow.id).toBe('wf-ticket-closed-email-review-2');
  });

  it('keeps a renamed id within the id length limit', () => {
    const long = doc();
    long.workflow = { ...long.workflow, id: `w${'x'.repeat(127)}` };
    const r = readForReview(exportWorkflow(long, { comments: true }), defaultWorkspace(), [long.workflow.id]);
    expect(r.ok && r.document.workflow.id.length).toBeLessThanOrEqual(128);
  });

  it('reports what is wrong with a file that cannot be read', () => {
    const r = readForReview('{"format": "ticketflow.workflow", ', defaultWorkspace(), []);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.code).toBe('TF101');
  });

  it("returns the workflow's problems as warnings, against the workspace", () => {
    const broken = doc();
    const email = broken.workflow.actions[0]!;
    if (email.kind !== 'sendEmail') throw new Error('the example starts with a Send email action');
    broken.workflow = { ...broken.workflow, actions: [{ ...email, templateId: 'tpl-gone' }] };
    const r = readForReview(exportWorkflow(broken, { comments: true }), defaultWorkspace(), []);
    expect(r.ok && r.warnings.map((p) => p.message).join(' ')).toContain('tpl-gone');
  });
});
