import type { Problem } from '../document/codes';
import type { Language } from '../ui/i18n/core';
import type { StorageControl } from './persistence';
import type { SliceCreator } from './types';

/** Colour scheme chosen by the user; null follows the operating system. */
export type ThemeName = 'light' | 'dark' | null;

/** Which panels of the shell are open and which tab each side area shows. */
export interface Panels {
  left: boolean;
  right: boolean;
  bottom: boolean;
  /** Tab of the right area ("inspector"; later issues add more). */
  rightTab: string;
  /** Tab of the bottom area ("problems"; later issues add more). */
  bottomTab: string;
}

/** A short message shown to the user; text comes from a message key so it follows the language. */
export interface Notice {
  id: number;
  tone: 'info' | 'error';
  key: string;
  params?: Record<string, string | number>;
  /** English text shown when no translation of the key exists (messages from the core). */
  fallback?: string;
  /** A deleted workflow's id: the notice offers Undo, which restores it from the trash. */
  restore?: string;
  /** A problem the text names as {first} (a refused publish), worded in the reader's language when shown. */
  problem?: Problem;
}

/** A canvas gesture in progress that changes what insertion points do. */
export type Interaction =
  | { type: 'idle' }
  /** "Move" from the bubble menu: the next insertion point picked receives the action. */
  | { type: 'move'; actionId: string }
  /** A palette kind is being dragged. */
  | { type: 'dragKind'; kind: string }
  /** A bubble is being dragged; dropping it on an insertion point moves it there. */
  | { type: 'dragAction'; actionId: string };

/** A question the user must answer before a command runs. */
export type DialogRequest =
  | { type: 'deleteFollowing'; actionId: string }
  | { type: 'deleteBranch'; actionId: string };

/** State of autosave, shown in the header. */
export interface StorageStatus {
  state: 'loading' | 'saved' | 'saving' | 'error' | 'unavailable';
  /** Message key explaining an error. */
  errorKey?: string;
  errorDetail?: string;
  /** When the next retry runs (ms since epoch), while in error. */
  retryAt?: number;
}

/** A workflow another tab saved while this tab had unsaved changes to it. */
export interface Conflict {
  workflowId: string;
  theirRevision: number;
}

/** Preferences and transient interface state. */
export interface UiSlice {
  language: Language;
  theme: ThemeName;
  /** Review mode: the workflow is read-only, comments can still be added. */
  reviewMode: boolean;
  panels: Panels;
  interaction: Interaction;
  /** The bubble (or "trigger") whose comment box is open. */
  commentTarget: string | null;
  dialog: DialogRequest | null;
  /** The insertion point (by key) whose kind picker is open. */
  pickerAt: string | null;
  /** The insertion point (by key) a dragged bubble or palette kind is over. */
  dropTarget: string | null;
  /** Profile name written on comments this user adds ("" until the user sets one). */
  authorName: string;
  notices: Notice[];
  storage: StorageStatus;
  conflicts: Conflict[];
  /** The revision of help-desk settings another tab saved while this tab had unsaved changes to them. */
  workspaceConflict: number | null;
  /** What the storage banner can ask of persistence; null until persistence has started. */
  storageControl: StorageControl | null;
  setLanguage(language: Language): void;
  setTheme(theme: ThemeName): void;
  setReviewMode(on: boolean): void;
  setPanels(change: Partial<Panels>): void;
  setInteraction(interaction: Interaction): void;
  openComments(target: string | null): void;
  openDialog(dialog: DialogRequest | null): void;
  openPicker(pointKey: string | null): void;
  setDropTarget(pointKey: string | null): void;
  setAuthorName(name: string): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismissNotice(id: number): void;
}

let noticeSeq = 0;
const NOTICE_LIMIT = 5;

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  language: 'en',
  theme: null,
  reviewMode: false,
  panels: { left: true, right: true, bottom: true, rightTab: 'inspector', bottomTab: 'problems' },
  interaction: { type: 'idle' },
  commentTarget: null,
  dialog: null,
  pickerAt: null,
  dropTarget: null,
  authorName: '',
  notices: [],
  storage: { state: 'loading' },
  conflicts: [],
  workspaceConflict: null,
  storageControl: null,
  setLanguage: (language) => set({ language }),
  setTheme: (theme) => set({ theme }),
  setReviewMode: (reviewMode) => set({ reviewMode, interaction: { type: 'idle' } }),
  setPanels: (change) => set((s) => ({ panels: { ...s.panels, ...change } })),
  setInteraction: (interaction) => set({ interaction }),
  openComments: (commentTarget) => set({ commentTarget }),
  openDialog: (dialog) => set({ dialog }),
  openPicker: (pickerAt) => set({ pickerAt }),
  setDropTarget: (dropTarget) => set({ dropTarget }),
  setAuthorName: (name) => set({ authorName: name.trim() }),
  notify: (notice) =>
    set((s) => ({ notices: [...s.notices, { ...notice, id: ++noticeSeq }].slice(-NOTICE_LIMIT) })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
