import { create } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { DEFAULT_BUDGETS, type Budgets, type RunningAction, type SimulationInput, type SimulationResult } from '../../engine';
import { ScenarioSchema, type Scenario, type Workflow, type Workspace } from '../../model';
import { compareResults, type ResultComparison } from './compare';
import { CANCELLED, defaultClient, type SimulationClient } from './simulation-client';
import type { SessionRequest, SessionResponse, SessionSnapshot } from './simulation-session';
import { ticketPaths, type TicketPath } from './ticket-path';
import { idRecord, ownEntry } from '../../store/id-record';

/** The help desk a run uses: the workspace and every workflow (the engine runs the enabled ones). */
export interface RunInputs {
  workspace: Workspace;
  workflows: readonly Workflow[];
  scenario: Scenario;
  /** The run's budgets (the engine's defaults when left out). */
  budgets?: Budgets;
}

/** The action the canvas highlights: the one just run, or the one about to run. */
export interface ActiveAction extends RunningAction {
  phase: 'ran' | 'next';
}

/** The compare view's run of the same scenario against two versions. */
export type CompareState =
  | { status: 'running'; label: string }
  | { status: 'done'; label: string; base: SimulationResult; other: SimulationResult; comparison: ResultComparison }
  | { status: 'failed'; label: string; message: string };

/** A run command of the panel's controls. */
export type RunCommand = 'reset' | 'stepEvent' | 'stepAction' | 'runToEnd' | { type: 'stepThroughEvent'; index: number };

/** State of the simulation panel, readable by the canvas and the shell. */
export interface SimulationState {
  /** Scenarios saved with the workspace, in list order. */
  scenarios: Scenario[];
  activeScenarioId: string | null;
  /** What is under way; the run controls are disabled meanwhile. */
  busy: 'step' | 'run' | 'compare' | null;
  snapshot: SessionSnapshot | null;
  /** The inputs the loaded run started from; when the panel's differ, the results are stale. */
  loadedFrom: RunInputs | null;
  /** Why the last command failed (an engine crash, or the user stopped a long run). */
  failure: string | null;
  selectedTicket: string | null;
  /** For the canvas: the action being run. */
  activeAction: ActiveAction | null;
  /** For the canvas: the path the selected ticket took, by workflow id. */
  paths: Record<string, TicketPath>;
  compare: CompareState | null;
  /** The budgets of the panel's runs, as the options show them (DEFAULT_BUDGETS at first). */
  budgets: Budgets;
  setBudgets(budgets: Budgets): void;

  /** Replaces the scenario library (loading saved state). */
  loadScenarios(scenarios: Scenario[], activeId?: string | null): void;
  /** Adds a scenario, or replaces the one with the same id, and makes it active. */
  saveScenario(scenario: Scenario): void;
  deleteScenario(id: string): void;
  selectScenario(id: string | null): void;
  /** Runs a control command; loads the inputs first when nothing (or something else) is loaded. */
  run(command: RunCommand, inputs: RunInputs): Promise<void>;
  /** Stops the work under way; the run is discarded. */
  stop(): void;
  selectTicket(id: string | null): void;
  /** Runs the scenario against the current workflows and against another version of them. */
  compareWith(label: string, base: SimulationInput, other: SimulationInput): Promise<void>;
  clearCompare(): void;
}

/** Whether two sets of run inputs are the same objects (the store keeps its state immutable). */
export function sameInputs(a: RunInputs | null, b: RunInputs): boolean {
  return (
    a !== null &&
    a.workspace === b.workspace &&
    a.scenario === b.scenario &&
    a.budgets === b.budgets &&
    a.workflows.length === b.workflows.length &&
    a.workflows.every((w, i) => w === b.workflows[i])
  );
}

function activeOf(snapshot: SessionSnapshot): ActiveAction | null {
  const last = snapshot.last;
  if (last?.type === 'action' && last.ticket && last.workflow && last.action) {
    return { ticket: last.ticket, workflow: last.workflow, action: last.action, phase: 'ran' };
  }
  return snapshot.running ? { ...snapshot.running, phase: 'next' } : null;
}

/** A simulation store driving its own client; the app uses one, tests make their own. */
export function createSimulationStore(client: SimulationClient = defaultClient()) {
  return create<SimulationState>()(
    subscribeWithSelector((set, get) => {
      const pathsFor = (selectedTicket: string | null, snapshot: SessionSnapshot | null, from: RunInputs | null) =>
        selectedTicket && snapshot && from ? ticketPaths(from.workflows, selectedTicket, ownEntry(snapshot.result.history, selectedTicket)) : idRecord<TicketPath>();

      const applySnapshot = (snapshot: SessionSnapshot, loadedFrom: RunInputs) => {
        const activeAction = activeOf(snapshot);
        const current = get().selectedTicket;
        const selectedTicket =
          current && snapshot.result.tickets.some((t) => t.id === current) ? current : (activeAction?.ticket ?? null);
        set({ snapshot, loadedFrom, activeAction, selectedTicket, paths: pathsFor(selectedTicket, snapshot, loadedFrom), failure: null });
      };

      const discard = (failure: string | null) =>
        set({ snapshot: null, loadedFrom: null, activeAction: null, paths: idRecord(), failure, busy: null });

      const expectSnapshot = (response: SessionResponse): SessionSnapshot | string => {
        if (response.type === 'snapshot') return response.snapshot;
        return response.type === 'failed' ? response.message : 'The simulation answered with the wrong kind of result.';
      };

      return {
        scenarios: [],
        activeScenarioId: null,
        busy: null,
        snapshot: null,
        loadedFrom: null,
        failure: null,
        selectedTicket: null,
        activeAction: null,
        paths: idRecord(),
        compare: null,
        budgets: DEFAULT_BUDGETS,
        setBudgets(budgets) {
          set({ budgets });
        },

        loadScenarios(scenarios, activeId) {
          const active = activeId !== undefined && scenarios.some((s) => s.id === activeId) ? activeId : (scenarios[0]?.id ?? null);
          set({ scenarios, activeScenarioId: active });
        },
        saveScenario(scenario) {
          const list = get().scenarios;
          const at = list.findIndex((s) => s.id === scenario.id);
          const scenarios = at === -1 ? [...list, scenario] : list.map((s, i) => (i === at ? scenario : s));
          set({ scenarios, activeScenarioId: scenario.id });
        },
        deleteScenario(id) {
          const scenarios = get().scenarios.filter((s) => s.id !== id);
          const activeScenarioId = get().activeScenarioId === id ? (scenarios[0]?.id ?? null) : get().activeScenarioId;
          set({ scenarios, activeScenarioId });
        },
        selectScenario(id) {
          set({ activeScenarioId: id, selectedTicket: null });
        },

        async run(command, inputs) {
          if (get().busy) return;
          set({ busy: command === 'runToEnd' ? 'run' : 'step', failure: null });
          const needsLoad = command === 'reset' || !sameInputs(get().loadedFrom, inputs);
          if (needsLoad) {
            const input: SimulationInput = {
              workspace: inputs.workspace,
              workflows: inputs.workflows,
              scenario: inputs.scenario,
              ...(inputs.budgets ? { options: { budgets: inputs.budgets } } : {}),
            };
            const loaded = expectSnapshot(await client.request({ type: 'load', input }));
            if (typeof loaded === 'string') return discard(loaded === CANCELLED ? null : loaded);
            if (command === 'reset') {
              set({ selectedTicket: null });
              applySnapshot(loaded, inputs);
              return set({ busy: null });
            }
          }
          const request: SessionRequest = typeof command === 'string' ? { type: command } : command;
          const after = expectSnapshot(await client.request(request));
          if (typeof after === 'string') return discard(after === CANCELLED ? null : after);
          applySnapshot(after, inputs);
          set({ busy: null });
        },
        stop() {
          client.cancel();
        },
        selectTicket(id) {
          const { snapshot, loadedFrom } = get();
          set({ selectedTicket: id, paths: pathsFor(id, snapshot, loadedFrom) });
        },

        async compareWith(label, base, other) {
          if (get().busy) return;
          set({ busy: 'compare', compare: { status: 'running', label } });
          const response = await client.request({ type: 'compare', base, other });
          if (response.type === 'compared') {
            const comparison = compareResults(response.base, response.other);
            set({ busy: null, compare: { status: 'done', label, base: response.base, other: response.other, comparison } });
          } else {
            const message = response.type === 'failed' ? response.message : 'The simulation answered with the wrong kind of result.';
            set({ busy: null, compare: message === CANCELLED ? null : { status: 'failed', label, message } });
          }
        },
        clearCompare() {
          set({ compare: null });
        },
      };
    }),
  );
}

/** The panel's store. The canvas reads `activeAction` and `paths[workflowId]`; the shell persists `scenarios`. */
export const useSimulationStore = createSimulationStore();

/** The scenario the panel shows, if any. */
export function activeScenario(s: Pick<SimulationState, 'scenarios' | 'activeScenarioId'>): Scenario | null {
  return s.scenarios.find((x) => x.id === s.activeScenarioId) ?? null;
}

/**
 * Scenarios read back from storage: each one checked against the scenario schema, so a damaged
 * entry is left out (and counted) instead of breaking the panel.
 */
export function parseSavedScenarios(value: unknown): { scenarios: Scenario[]; dropped: number } {
  if (value === undefined || value === null) return { scenarios: [], dropped: 0 };
  if (!Array.isArray(value)) return { scenarios: [], dropped: 1 };
  const scenarios = value.flatMap((item) => {
    const parsed = ScenarioSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  return { scenarios, dropped: value.length - scenarios.length };
}
