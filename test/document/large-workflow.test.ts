import { describe, expect, it } from 'vitest';
import { exportWorkflow, importWorkflow } from '../../src/document';
import { defaultWorkspace } from '../../src/model';
import { largeWorkflowDoc } from './helpers';

describe('a 1,000-action workflow', () => {
  const workspace = defaultWorkspace();
  const doc = largeWorkflowDoc(100);
  const text = exportWorkflow(doc);

  it('imports with no problem and equal to the exported document', () => {
    expect(doc.workflow.actions).toHaveLength(1000);
    expect(importWorkflow(text, { workspace })).toEqual({ ok: true, document: doc, problems: [], notes: [], migratedFrom: null, changes: [] });
  });
});
