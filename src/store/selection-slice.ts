import type { SliceCreator } from './types';

/** What the user has selected on the canvas: the trigger card, one action bubble, or nothing. */
export type Selection = { kind: 'trigger' } | { kind: 'action'; id: string } | null;

/** Selection and the request to bring a bubble into view. */
export interface SelectionSlice {
  selection: Selection;
  /** Bumped each time a node should be centred and focused (problem click, keyboard navigation). */
  reveal: { id: string; nonce: number } | null;
  select(selection: Selection): void;
  /** Selects a node and asks the canvas to centre and focus it. */
  revealNode(id: string): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: null,
  reveal: null,
  select(selection) {
    set({ selection });
  },
  revealNode(id) {
    set({
      selection: id === 'trigger' ? { kind: 'trigger' } : { kind: 'action', id },
      reveal: { id, nonce: (get().reveal?.nonce ?? 0) + 1 },
    });
  },
});
