import { create } from 'zustand';
import type { Bundle, Problem } from '../../document';
import type { WorkflowDocument } from '../../model';

/** What an import is waiting on: a report to read, or a choice to make. */
export type PendingImport =
  | { kind: 'report'; source: string; problems: Problem[] }
  | { kind: 'conflict'; source: string; doc: WorkflowDocument; notes: string[]; migratedFrom?: number }
  /** `text` is the file as read, which team mode sends to the server's import. */
  | { kind: 'bundle'; source: string; bundle: Bundle; notes: string[]; text: string }
  | { kind: 'paste' };

/** The import dialog's state, shared by the header menu, the drop target and the dialogs. */
export const useImportState = create<{ pending: PendingImport | null; set(p: PendingImport | null): void }>((set) => ({
  pending: null,
  set: (pending) => set({ pending }),
}));
