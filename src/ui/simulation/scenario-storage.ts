import { openDB } from 'idb';
import { EXAMPLE_SCENARIOS } from '../../examples';
import type { AppStore } from '../../store/store';
import { parseSavedScenarios, useSimulationStore } from './simulation-store';

const DB_NAME = 'ticketflow-scenarios';
const KEY = 'library';
const SAVE_DELAY_MS = 300;

interface SavedLibrary {
  v: 1;
  scenarios: unknown;
  activeId: string | null;
}

/**
 * Keeps the scenario library in IndexedDB beside the workspace: loads it at start (a first start
 * gets the example scenarios), then saves each change. A damaged entry is left out and reported;
 * a failed save is reported and retried with the next change, and the library stays in memory.
 */
export async function startScenarioStorage(app: AppStore): Promise<() => void> {
  const notify = (key: string, params?: Record<string, string | number>) => app.getState().notify({ tone: 'error', key, params });
  let db: Awaited<ReturnType<typeof openDB>>;
  try {
    db = await openDB(DB_NAME, 1, { upgrade: (d) => void d.createObjectStore('scenarios') });
  } catch (e) {
    notify('simulation.storage.unavailable', { reason: e instanceof Error ? e.message : String(e) });
    useSimulationStore.getState().loadScenarios(EXAMPLE_SCENARIOS.map((x) => x.scenario));
    return () => undefined;
  }
  const saved = (await db.get('scenarios', KEY).catch(() => undefined)) as SavedLibrary | undefined;
  if (saved === undefined) {
    const examples = EXAMPLE_SCENARIOS.map((x) => x.scenario);
    useSimulationStore.getState().loadScenarios(examples, examples[0]?.id ?? null);
  } else {
    const { scenarios, dropped } = parseSavedScenarios(saved.scenarios);
    if (dropped) notify('simulation.storage.dropped', { count: dropped });
    useSimulationStore.getState().loadScenarios(scenarios, saved.activeId);
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = useSimulationStore.subscribe(
    (s) => [s.scenarios, s.activeScenarioId] as const,
    ([scenarios, activeId]) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const record: SavedLibrary = { v: 1, scenarios, activeId };
        db.put('scenarios', record, KEY).catch((e: unknown) => notify('simulation.storage.failed', { reason: e instanceof Error ? e.message : String(e) }));
      }, SAVE_DELAY_MS);
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    db.close();
  };
}
