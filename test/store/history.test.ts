import { describe, expect, it } from 'vitest';
import { emptyHistory, HISTORY_LIMIT, recordStep, redoStep, undoStep } from '../../src/store/history';
import { newWorkflowDocument } from '../../src/store/document-slice';

const doc = (name: string) => newWorkflowDocument('wf-x', name);

describe('history', () => {
  it('undoes to the document before the change and redoes to the one after', () => {
    const a = doc('A');
    const b = doc('B');
    const h = recordStep(emptyHistory(), a, 'history.rename');
    const undone = undoStep(h, b)!;
    expect(undone.doc).toBe(a);
    const redone = redoStep(undone.history, undone.doc)!;
    expect(redone.doc).toBe(b);
    expect(redone.history.past).toHaveLength(1);
  });

  it('drops the redo stack when a new change is recorded', () => {
    const h = recordStep(emptyHistory(), doc('A'), 'x');
    const undone = undoStep(h, doc('B'))!;
    expect(undone.history.future).toHaveLength(1);
    expect(recordStep(undone.history, undone.doc, 'y').future).toHaveLength(0);
  });

  it('has nothing to undo or redo when empty', () => {
    expect(undoStep(emptyHistory(), doc('A'))).toBeNull();
    expect(redoStep(emptyHistory(), doc('A'))).toBeNull();
  });

  it(`keeps at most ${HISTORY_LIMIT} steps, dropping the oldest`, () => {
    let h = emptyHistory();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = recordStep(h, doc(`N${i}`), 'x');
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]!.doc.workflow.name).toBe('N5');
  });

  it('gives every entry a new sequence number', () => {
    let h = recordStep(emptyHistory(), doc('A'), 'x');
    h = recordStep(h, doc('B'), 'x');
    const u = undoStep(h, doc('C'))!;
    const seqs = [...u.history.past, ...u.history.future].map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
