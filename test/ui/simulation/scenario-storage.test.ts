import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_SCENARIOS } from '../../../src/examples';
import { createAppStore } from '../../../src/store/store';
import { startScenarioStorage, type ScenarioStorageControl, type ScenarioStorageOptions } from '../../../src/ui/simulation/scenario-storage';
import { useSimulationStore } from '../../../src/ui/simulation/simulation-store';
import { memoryStorage, writesNeverLand } from '../../store/fixtures';

const running: ScenarioStorageControl[] = [];

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  useSimulationStore.getState().loadScenarios([], null);
});

afterEach(() => {
  for (const c of running.splice(0)) c.stop();
  vi.restoreAllMocks();
});

/** A page: an app store and the scenario storage started on it. */
async function page(options: ScenarioStorageOptions = {}) {
  const app = createAppStore();
  const control = await startScenarioStorage(app, { journal: null, ...options });
  running.push(control);
  return { app, control };
}

const example = () => EXAMPLE_SCENARIOS[0]!.scenario;
const names = () => useSimulationStore.getState().scenarios.map((s) => s.name);

describe('startScenarioStorage', () => {
  it('gives a first start the example scenarios and keeps an edit for the next start', async () => {
    const first = await page();
    expect(names()).toEqual(EXAMPLE_SCENARIOS.map((x) => x.scenario.name));
    useSimulationStore.getState().saveScenario({ ...example(), name: 'Renamed scenario' });
    await first.control.flush();
    first.control.stop();
    useSimulationStore.getState().loadScenarios([], null);
    await page();
    expect(names()).toContain('Renamed scenario');
  });

  it('reports a damaged scenario, loads the rest, and keeps the damaged record aside before saving over it', async () => {
    const db = await openDB('ticketflow-scenarios', 1, { upgrade: (d) => void d.createObjectStore('scenarios') });
    const damaged = { v: 1, scenarios: [example(), { id: 'broken', events: 'not a list' }], activeId: null };
    await db.put('scenarios', damaged, 'library');
    db.close();

    const { app, control } = await page();
    expect(names()).toEqual([example().name]);
    expect(app.getState().notices).toContainEqual(expect.objectContaining({ key: 'simulation.storage.dropped', params: { count: 1 } }));
    useSimulationStore.getState().saveScenario({ ...example(), name: 'Edited after the damage' });
    await control.flush();

    const check = await openDB('ticketflow-scenarios', 1);
    const keys = (await check.getAllKeys('scenarios')).map(String);
    const aside = keys.filter((k) => k.startsWith('unreadable:'));
    expect(aside).toHaveLength(1);
    expect(await check.get('scenarios', aside[0]!)).toMatchObject({ value: damaged });
    check.close();
  });

  it('recovers an edit whose save had not landed when the page was hidden', async () => {
    const journal = memoryStorage();
    const first = await page({ journal });
    await first.control.flush();
    useSimulationStore.getState().saveScenario({ ...example(), name: 'Edited just before closing' });
    const put = writesNeverLand();
    await first.control.flush({ pageHidden: true });
    put.mockRestore();
    first.control.stop();
    expect(journal.map.size).toBe(1);

    useSimulationStore.getState().loadScenarios([], null);
    const second = await page({ journal });
    expect(names()).toContain('Edited just before closing');
    expect(second.app.getState().notices.map((n) => n.key)).toContain('simulation.storage.recovered');
    await second.control.flush();
    expect(journal.map.size).toBe(0);
  });

  it('removes a journal whose save did land without replaying it', async () => {
    const journal = memoryStorage();
    const first = await page({ journal });
    useSimulationStore.getState().saveScenario({ ...example(), name: 'Saved in time' });
    await first.control.flush({ pageHidden: true });
    expect(journal.map.size).toBe(0);
    first.control.stop();
    const second = await page({ journal });
    expect(names()).toContain('Saved in time');
    expect(second.app.getState().notices.map((n) => n.key)).not.toContain('simulation.storage.recovered');
  });
});
