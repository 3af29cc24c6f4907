import type { SliceCreator } from './types';

/** An unsaved side-panel edit: the edit session it belongs to ("<workflow>/action/<id>", "<workflow>/trigger", …) and the draft. */
export interface PanelDraft {
  workflowId: string;
  key: string;
  value: unknown;
}

/** JSON-view text that is not a valid document yet, kept until it is applied or dropped. */
export interface JsonDraft {
  workflowId: string;
  text: string;
}

/**
 * Work typed but not yet saved into a document: the side panel's draft and the JSON view's invalid
 * text. They outlive the panels that hold them (a switch of tab) and are kept across a reload
 * (drafts.ts), so nothing typed is dropped without a word.
 */
export interface DraftSlice {
  panelDraft: PanelDraft | null;
  jsonDraft: JsonDraft | null;
  setPanelDraft(draft: PanelDraft | null): void;
  setJsonDraft(draft: JsonDraft | null): void;
}

export const createDraftSlice: SliceCreator<DraftSlice> = (set) => ({
  panelDraft: null,
  jsonDraft: null,
  setPanelDraft: (panelDraft) => set({ panelDraft }),
  setJsonDraft: (jsonDraft) => set({ jsonDraft }),
});
