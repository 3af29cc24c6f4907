import { openDB } from 'idb';
import { EXAMPLE_SCENARIOS } from '../../examples';
import { browserJournalStorage, readJournal, removeJournal, writeJournal, type JournalStorage } from '../../store/journal';
import type { AppStore } from '../../store/store';
import { parseSavedScenarios, useSimulationStore } from './simulation-store';

const DB_NAME = 'ticketflow-scenarios';
const KEY = 'library';
const SAVE_DELAY_MS = 300;
const JOURNAL_KEY = 'ticketflow-scenarios-unsaved';

interface SavedLibrary {
  v: 1;
  scenarios: unknown;
  activeId: string | null;
  /** When the library was saved (ms since epoch); a newer journal holds later edits. */
  savedAt?: number;
}

/** Options for tests: where unsaved edits are copied on page hide (default localStorage; null for none). */
export interface ScenarioStorageOptions {
  journal?: JournalStorage | null;
}

/** Scenario storage's controls: stop, and write pending edits now (page hide). */
export interface ScenarioStorageControl {
  stop(): void;
  flush(options?: { pageHidden?: boolean }): Promise<void>;
}

/**
 * Keeps the scenario library in IndexedDB beside the workspace: loads it at start (a first start
 * gets the example scenarios), then saves each change. A damaged entry is left out and reported,
 * and the record it came from is kept aside under its own key before anything is saved over it;
 * a failed save is reported and retried with the next change, and the library stays in memory.
 * Edits not yet saved when the page is hidden are copied to localStorage and replayed next start.
 */
export async function startScenarioStorage(app: AppStore, options: ScenarioStorageOptions = {}): Promise<ScenarioStorageControl> {
  const notify = (key: string, params?: Record<string, string | number>) => app.getState().notify({ tone: 'error', key, params });
  const journal = options.journal === undefined ? browserJournalStorage() : options.journal;
  let db: Awaited<ReturnType<typeof openDB>>;
  try {
    db = await openDB(DB_NAME, 1, { upgrade: (d) => void d.createObjectStore('scenarios') });
  } catch (e) {
    notify('simulation.storage.unavailable', { reason: e instanceof Error ? e.message : String(e) });
    useSimulationStore.getState().loadScenarios(EXAMPLE_SCENARIOS.map((x) => x.scenario));
    return { stop: () => undefined, flush: async () => undefined };
  }
  const stored = (await db.get('scenarios', KEY).catch(() => undefined)) as SavedLibrary | undefined;
  const unsaved = readJournal(journal, JOURNAL_KEY) as SavedLibrary | undefined;
  const recovered = typeof unsaved === 'object' && unsaved !== null && (unsaved.savedAt ?? 0) > (stored?.savedAt ?? 0);
  const saved = recovered ? unsaved : stored;
  if (unsaved !== undefined && !recovered) removeJournal(journal, JOURNAL_KEY);
  if (saved === undefined) {
    const examples = EXAMPLE_SCENARIOS.map((x) => x.scenario);
    useSimulationStore.getState().loadScenarios(examples, examples[0]?.id ?? null);
  } else {
    const { scenarios, dropped } = parseSavedScenarios(saved.scenarios);
    if (dropped) {
      // Kept aside before the next save replaces the library, so a later version or a person can still read it.
      await db.put('scenarios', { keptAt: new Date().toISOString(), value: saved }, `unreadable:${Date.now()}`).catch(() => undefined);
      notify('simulation.storage.dropped', { count: dropped });
    }
    useSimulationStore.getState().loadScenarios(scenarios, typeof saved.activeId === 'string' ? saved.activeId : null);
    if (recovered) app.getState().notify({ tone: 'info', key: 'simulation.storage.recovered' });
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: SavedLibrary | null = recovered ? { ...saved!, savedAt: Date.now() } : null;

  // Saves run one after another, so a flush also waits for the save already under way.
  let queue: Promise<void> = Promise.resolve();
  function save(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    queue = queue.then(async () => {
      const record = pending;
      if (!record) return;
      pending = null;
      try {
        await db.put('scenarios', record, KEY);
        if (!pending) removeJournal(journal, JOURNAL_KEY);
      } catch (e) {
        // Still unsaved: the next change or flush tries again, and a page hide journals it.
        pending ??= record;
        notify('simulation.storage.failed', { reason: e instanceof Error ? e.message : String(e) });
      }
    });
    return queue;
  }

  const unsubscribe = useSimulationStore.subscribe(
    (s) => [s.scenarios, s.activeScenarioId] as const,
    ([scenarios, activeId]) => {
      pending = { v: 1, scenarios, activeId, savedAt: Date.now() };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  if (pending) void save();
  return {
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      db.close();
    },
    flush(flushOptions) {
      if (flushOptions?.pageHidden && pending) writeJournal(journal, JOURNAL_KEY, pending);
      return save();
    },
  };
}
