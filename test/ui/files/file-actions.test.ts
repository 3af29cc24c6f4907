import { afterEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../src/document';
import { EXAMPLE_WORKFLOWS } from '../../../src/examples';
import { defaultWorkspace, type WorkflowDocument } from '../../../src/model';
import { applyBundle, importText } from '../../../src/ui/files/file-actions';
import { useImportState } from '../../../src/ui/files/import-state';
import { storeWith } from '../../store/fixtures';

const base = EXAMPLE_WORKFLOWS[0]!.document;
const commented: WorkflowDocument = {
  ...base,
  comments: [
    {
      id: 'thread-1',
      target: 'trigger',
      resolved: false,
      messages: [
        { id: 'm1', author: 'Lou', at: '2026-01-05T09:00:00Z', text: 'Check the trigger' },
        { id: 'm2', author: 'Ada', at: '2026-01-05T09:05:00Z', text: 'Checked' },
      ],
    },
  ],
};

afterEach(() => useImportState.getState().set(null));

describe('importing a workspace bundle in local mode', () => {
  it('brings the same commented bundle in twice without duplicating a thread or a reply', async () => {
    const store = storeWith(EXAMPLE_WORKFLOWS[1]!.document);
    const bundle = exportBundle({ workspace: defaultWorkspace(), workflows: [commented], scenarios: [] });
    for (let round = 0; round < 2; round++) {
      await importText(store, bundle, 'help-desk.bundle.json');
      expect(useImportState.getState().pending?.kind).toBe('bundle');
      applyBundle(store);
      const threads = store.getState().documents[base.workflow.id]!.comments ?? [];
      expect(threads.map((t) => [t.id, t.messages.map((m) => m.text)])).toEqual([['thread-1', ['Check the trigger', 'Checked']]]);
    }
    expect(store.getState().order).toEqual([base.workflow.id]);
  });
});
