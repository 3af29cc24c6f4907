import { z } from 'zod';
import { browserJournalStorage, readJournal, writeJournal, type JournalStorage } from './journal';
import type { AppStore } from './store';
import type { SliceCreator } from './types';

/** Sizes of the shell's panels, in CSS pixels, and whether the bottom panel fills the centre. */
export interface PanelLayout {
  left: number;
  right: number;
  bottom: number;
  bottomMax: boolean;
}

/** The bounds each panel size is kept within (the centre always keeps room for the canvas). */
export const LAYOUT_LIMITS = {
  left: { min: 180, max: 520, initial: 260 },
  right: { min: 280, max: 760, initial: 380 },
  bottom: { min: 120, max: 900, initial: 220 },
} as const;

export const DEFAULT_LAYOUT: PanelLayout = {
  left: LAYOUT_LIMITS.left.initial,
  right: LAYOUT_LIMITS.right.initial,
  bottom: LAYOUT_LIMITS.bottom.initial,
  bottomMax: false,
};

/** A size kept within its panel's bounds. */
export function clampSize(panel: keyof typeof LAYOUT_LIMITS, size: number): number {
  const { min, max } = LAYOUT_LIMITS[panel];
  return Math.round(Math.min(max, Math.max(min, Number.isFinite(size) ? size : LAYOUT_LIMITS[panel].initial)));
}

/** Panel sizes and the bottom panel's maximised state. */
export interface LayoutSlice {
  layout: PanelLayout;
  resizePanel(panel: keyof typeof LAYOUT_LIMITS, size: number): void;
  setBottomMax(on: boolean): void;
}

export const createLayoutSlice: SliceCreator<LayoutSlice> = (set) => ({
  layout: DEFAULT_LAYOUT,
  resizePanel: (panel, size) => set((s) => ({ layout: { ...s.layout, [panel]: clampSize(panel, size) } })),
  setBottomMax: (bottomMax) => set((s) => ({ layout: { ...s.layout, bottomMax } })),
});

/** Where the sizes are remembered (per browser, like the theme; not part of the workspace). */
export const LAYOUT_KEY = 'ticketflow-layout';

const LayoutSchema = z.object({ left: z.number(), right: z.number(), bottom: z.number(), bottomMax: z.boolean() });

/** Restores the remembered panel sizes and remembers every change; returns the function that stops. */
export function startLayoutKeeping(store: AppStore, storage: JournalStorage | null = browserJournalStorage()): () => void {
  const kept = LayoutSchema.safeParse(readJournal(storage, LAYOUT_KEY));
  if (kept.success) {
    const { left, right, bottom, bottomMax } = kept.data;
    store.setState({ layout: { left: clampSize('left', left), right: clampSize('right', right), bottom: clampSize('bottom', bottom), bottomMax } });
  }
  return store.subscribe(
    (s) => s.layout,
    (layout) => writeJournal(storage, LAYOUT_KEY, layout),
  );
}
