import type { StateCreator } from 'zustand/vanilla';
import type { DocumentSlice } from './document-slice';
import type { DraftSlice } from './draft-slice';
import type { EditSlice } from './edit-slice';
import type { LayoutSlice } from './layout';
import type { RevisionsSlice } from './revisions-slice';
import type { SelectionSlice } from './selection-slice';
import type { UiSlice } from './ui-slice';
import type { ValidationSlice } from './validation-slice';

/** The whole application state: every slice merged into one store. */
export type AppState = DocumentSlice & SelectionSlice & UiSlice & ValidationSlice & EditSlice & DraftSlice & LayoutSlice & RevisionsSlice;

/** A slice creator typed for the store's middleware (applied once, in store.ts). */
export type SliceCreator<T> = StateCreator<AppState, [['zustand/subscribeWithSelector', never]], [], T>;

/** The result of a user command: done, or refused with a message the user sees. */
export type Outcome = { ok: true } | { ok: false; message: string };
