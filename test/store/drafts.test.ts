import { describe, expect, it } from 'vitest';
import { DRAFTS_KEY, startDraftKeeping } from '../../src/store/drafts';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { memoryStorage, storeWith } from './fixtures';

const [first, second] = EXAMPLE_WORKFLOWS.map((e) => e.document);
const A = first!.workflow.id;
const B = second!.workflow.id;

describe('kept drafts (startDraftKeeping)', () => {
  it('writes the side panel draft and the JSON text as they change, and removes the entry once both are gone', () => {
    const storage = memoryStorage();
    const store = storeWith(first!);
    const stop = startDraftKeeping(store, storage);
    store.getState().setPanelDraft({ workflowId: A, key: `${A}/trigger`, value: { triggers: [], filters: [] } });
    store.getState().setJsonDraft({ workflowId: A, text: '{"format": ' });
    expect(JSON.parse(storage.map.get(DRAFTS_KEY)!)).toMatchObject({ v: 1, panel: { key: `${A}/trigger` }, json: { text: '{"format": ' } });
    store.getState().setPanelDraft(null);
    store.getState().setJsonDraft(null);
    expect(storage.map.has(DRAFTS_KEY)).toBe(false);
    stop();
  });

  it('brings them back after a reload: opens the workflow, selects the bubble and locks the selection to it', () => {
    const storage = memoryStorage();
    const before = storeWith(first!, second!);
    const stop = startDraftKeeping(before, storage);
    const actionId = before.getState().documents[B]!.workflow.actions[0]!.id;
    before.getState().setPanelDraft({ workflowId: B, key: `${B}/action/${actionId}`, value: { id: actionId } });
    before.getState().setJsonDraft({ workflowId: B, text: '[' });
    stop();

    const after = storeWith(first!, second!);
    startDraftKeeping(after, storage);
    const s = after.getState();
    expect(s.openId).toBe(B);
    expect(s.selection).toEqual({ kind: 'action', id: actionId });
    expect(s.inspectorDirty).toBe(true);
    expect(s.panels).toMatchObject({ right: true, rightTab: 'inspector' });
    expect(s.panelDraft?.value).toEqual({ id: actionId });
    expect(s.jsonDraft?.text).toBe('[');
  });

  it('drops drafts of a workflow that no longer exists, and an entry it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem(DRAFTS_KEY, JSON.stringify({ v: 1, panel: null, json: { workflowId: 'wf-gone', text: '[' } }));
    const store = storeWith(first!);
    startDraftKeeping(store, storage);
    expect(store.getState().jsonDraft).toBeNull();

    storage.setItem(DRAFTS_KEY, 'not json');
    startDraftKeeping(storeWith(first!), storage);
    expect(storage.map.has(DRAFTS_KEY)).toBe(false);
  });
});
