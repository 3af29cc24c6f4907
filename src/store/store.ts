import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDocumentSlice } from './document-slice';
import { createDraftSlice } from './draft-slice';
import { createEditSlice } from './edit-slice';
import { createLayoutSlice } from './layout';
import { createRevisionsSlice } from './revisions-slice';
import { createSelectionSlice } from './selection-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';
import { createValidationSlice } from './validation-slice';

/** The store type, with the subscribe-with-selector middleware's API. */
export type AppStore = ReturnType<typeof createAppStore>;

/** Builds one application store from its slices; middleware is applied here and only here. */
export function createAppStore() {
  return createStore<AppState>()(
    subscribeWithSelector((...a) => ({
      ...createDocumentSlice(...a),
      ...createSelectionSlice(...a),
      ...createUiSlice(...a),
      ...createValidationSlice(...a),
      ...createEditSlice(...a),
      ...createDraftSlice(...a),
      ...createLayoutSlice(...a),
      ...createRevisionsSlice(...a),
    })),
  );
}

const StoreContext = createContext<StoreApi<AppState> | null>(null);

/** Makes a store available to the components below (the app mounts one; tests mount their own). */
export function StoreProvider({ store, children }: { store: AppStore; children?: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** The store of the nearest provider, for event handlers that read state without subscribing. */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp needs a <StoreProvider> above the component.');
  return store as AppStore;
}

/** Subscribes to one narrow piece of state; the component re-renders only when it changes (Object.is). */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
