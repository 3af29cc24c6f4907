/**
 * The scenario library in team mode: read from the server's scenarios at start, and each change
 * an admin makes sent back (`PUT /scenarios/{id}` with the version it was based on, `DELETE` for
 * a removed one). Other roles read the library and may run it, but their changes stay on the page.
 */
import { ScenarioSchema, type Scenario } from '../../model';
import type { AppStore } from '../../store/store';
import { ApiError, revisionFromEtag, revisionNumber, type Me, type TeamApi } from '../../store/team-api';
import type { ScenarioStorageControl } from '../simulation/scenario-storage';
import { useSimulationStore } from '../simulation/simulation-store';

const SAVE_DELAY_MS = 300;

function scenarioEtag(id: string, version: number): string {
  return `"${id}.v${version}"`;
}

export async function startTeamScenarios(app: AppStore, api: TeamApi, me: Me): Promise<ScenarioStorageControl> {
  const notify = (reason: string) => app.getState().notify({ tone: 'error', key: 'simulation.storage.failed', params: { reason } });
  const versions = new Map<string, number>();
  const saved = new Map<string, Scenario>();
  try {
    const list = await api.get<{ scenarios?: { id: string; version?: number }[] }>('/scenarios');
    const loaded: Scenario[] = [];
    for (const summary of list.body?.scenarios ?? []) {
      const r = await api.get<unknown>(`/scenarios/${encodeURIComponent(summary.id)}`);
      const parsed = ScenarioSchema.safeParse(typeof r.body === 'string' ? JSON.parse(r.body) : r.body);
      if (!parsed.success) {
        notify(`${summary.id}: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
        continue;
      }
      loaded.push(parsed.data);
      saved.set(parsed.data.id, parsed.data);
      versions.set(parsed.data.id, revisionFromEtag(r.headers.get('etag')) ?? summary.version ?? 1);
    }
    useSimulationStore.getState().loadScenarios(loaded, loaded[0]?.id ?? null);
  } catch (error) {
    notify(error instanceof Error ? error.message : String(error));
    useSimulationStore.getState().loadScenarios([]);
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<void> = Promise.resolve();
  const admin = me.role === 'admin';

  function save(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    queue = queue.then(async () => {
      if (!admin) return;
      const current = useSimulationStore.getState().scenarios;
      const ids = new Set(current.map((s) => s.id));
      try {
        for (const scenario of current) {
          if (saved.get(scenario.id) === scenario) continue;
          const version = versions.get(scenario.id);
          const r = await api.put<unknown>(`/scenarios/${encodeURIComponent(scenario.id)}`, scenario, version === undefined ? {} : { ifMatch: scenarioEtag(scenario.id, version) });
          versions.set(scenario.id, revisionNumber((r.body as { scenario?: unknown } | null)?.scenario) ?? (version ?? 0) + 1);
          saved.set(scenario.id, scenario);
        }
        for (const id of [...saved.keys()]) {
          if (ids.has(id)) continue;
          await api.delete(`/scenarios/${encodeURIComponent(id)}`).catch((e: unknown) => {
            if (!(e instanceof ApiError && e.status === 404)) throw e;
          });
          saved.delete(id);
          versions.delete(id);
        }
      } catch (error) {
        // The library stays on the page; the next change tries again.
        notify(error instanceof Error ? error.message : String(error));
      }
    });
    return queue;
  }

  const unsubscribe = useSimulationStore.subscribe(
    (s) => s.scenarios,
    () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
  );
  return {
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
    flush: () => save(),
  };
}
