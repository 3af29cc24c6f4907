import type { SliceCreator } from './types';

/** What the user has selected on the canvas: the trigger card, one action bubble, or nothing. */
export type Selection = { kind: 'trigger' } | { kind: 'action'; id: string } | null;

/** Selection and the request to bring a bubble into view. */
export interface SelectionSlice {
  selection: Selection;
  /** Bumped each time a node should be centred and focused (problem click, keyboard navigation). */
  reveal: { id: string; nonce: number } | null;
  /** The inspector holds edits not saved yet: the selection stays until they are saved or cancelled. */
  inspectorDirty: boolean;
  setInspectorDirty(dirty: boolean): void;
  /** Changes the selection; refused (with a notice) while the inspector has unsaved edits. Says whether it changed. */
  select(selection: Selection): boolean;
  /** Selects a node and asks the canvas to centre and focus it. */
  revealNode(id: string): void;
}

/** Whether two selections name the same node. */
export function sameSelection(a: Selection, b: Selection): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'trigger' || b.kind === 'trigger') return a.kind === b.kind;
  return a.id === b.id;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: null,
  reveal: null,
  inspectorDirty: false,
  setInspectorDirty: (inspectorDirty) => set({ inspectorDirty }),
  select(selection) {
    const s = get();
    if (sameSelection(s.selection, selection)) return true;
    if (s.inspectorDirty) {
      s.notify({ tone: 'error', key: 'notice.unsavedEdits' });
      return false;
    }
    set({ selection });
    return true;
  },
  revealNode(id) {
    if (!get().select(id === 'trigger' ? { kind: 'trigger' } : { kind: 'action', id })) return;
    set({ reveal: { id, nonce: (get().reveal?.nonce ?? 0) + 1 } });
  },
});
