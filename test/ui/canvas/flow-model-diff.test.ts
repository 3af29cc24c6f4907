import { describe, expect, it } from 'vitest';
import { diffMarks, selectAgainstDocument, selectViewDiff } from '../../../src/store/history-view';
import type { AppStore } from '../../../src/store/store';
import { buildFlow, effectiveLayout, withDiffOverlay, type FlowNode } from '../../../src/ui/canvas/flow-model';
import { example, openWorkflow, storeWith } from '../../store/fixtures';

const URGENT = 'wf-urgent-escalation';

/** The canvas nodes of the history view: revision 2 (after the operation) compared with revision 1. */
function viewAfter(operate: (store: AppStore) => void): FlowNode[] {
  const store = storeWith(example(URGENT));
  store.getState().saveRevision(URGENT);
  operate(store);
  expect(store.getState().saveRevision(URGENT).ok).toBe(true);
  store.getState().viewRevision({ workflowId: URGENT, number: 2, against: 1 });
  const s = store.getState();
  const diff = selectViewDiff(s)!;
  const against = selectAgainstDocument(s)!;
  const doc = s.versions[URGENT]!.revisions[1]!.document;
  const positions = effectiveLayout(against.workflow, against.layout).positions;
  const flow = buildFlow(doc.workflow, effectiveLayout(doc.workflow, doc.layout), null);
  return withDiffOverlay(flow.nodes, { marks: diffMarks(diff), ghosts: diff.removed.map((a) => ({ id: a.id, kind: a.kind, position: positions[a.id]! })) });
}

const marked = (nodes: FlowNode[], mark: string) => nodes.filter((n) => n.className?.includes(`tf-diff--${mark}`)).map((n) => n.id).sort();

describe('the history view’s diff on the canvas', () => {
  it('marks an inserted bubble as added, and the one it leads into stays unmarked', () => {
    let id = '';
    const nodes = viewAfter((store) => {
      store.getState().insertAt({ type: 'link', from: 'wait-one-day', slot: 'next' }, 'setStatus');
      id = openWorkflow(store).actions.find((a) => a.kind === 'setStatus' && a.id !== 'set-closed')!.id;
    });
    expect(marked(nodes, 'added')).toEqual([id]);
    expect(marked(nodes, 'changed')).toEqual(['wait-one-day']);
    expect(marked(nodes, 'removed')).toEqual([]);
  });

  it('draws a deleted bubble as a ghost where it stood, and marks its predecessor changed', () => {
    const nodes = viewAfter((store) => store.getState().deleteAction('notify-leads'));
    const ghost = nodes.find((n) => n.id === 'ghost:notify-leads')!;
    expect(ghost).toMatchObject({ type: 'ghost', className: 'tf-diff tf-diff--removed', selectable: false, data: { kind: 'notify', actionId: 'notify-leads' } });
    expect(nodes.some((n) => n.id === 'notify-leads')).toBe(false);
    expect(marked(nodes, 'changed')).toEqual(['branch-priority']);
  });

  it('marks a bubble whose settings changed, and nothing else', () => {
    const nodes = viewAfter((store) => {
      const action = openWorkflow(store).actions.find((a) => a.id === 'notify-leads')!;
      if (action.kind !== 'notify') throw new Error('expected a notify action');
      store.getState().updateAction({ ...action, subject: 'Changed' });
    });
    expect(marked(nodes, 'changed')).toEqual(['notify-leads']);
    expect(marked(nodes, 'added')).toEqual([]);
  });

  it('marks the trigger card when the enrollment changed', () => {
    const nodes = viewAfter((store) => {
      const wf = openWorkflow(store);
      store.getState().updateWorkflow({ ...wf, enrollment: { ...wf.enrollment, reenroll: true } });
    });
    expect(marked(nodes, 'changed')).toEqual(['trigger']);
  });

  it('marks a clone as added', () => {
    const nodes = viewAfter((store) => store.getState().cloneAction('notify-leads'));
    expect(marked(nodes, 'added')).toHaveLength(1);
  });

  it('leaves the editing canvas untouched when there is no diff to show', () => {
    const store = storeWith(example(URGENT));
    const doc = store.getState().documents[URGENT]!;
    const nodes = buildFlow(doc.workflow, effectiveLayout(doc.workflow, doc.layout), null).nodes;
    expect(withDiffOverlay(nodes, null)).toBe(nodes);
  });
});
