import { useMemo, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { stableStringify } from '../../document';
import type { Scenario, Workflow, Workspace } from '../../model';
import '../i18n/simulation';
import { useT } from '../i18n';
import { downloadText } from '../shell/download';
import { BudgetOptions, usableBudgets } from './BudgetOptions';
import { CompareView, type WorkflowVersion } from './CompareView';
import { errorText, namesOf } from './names';
import { NotificationsView } from './NotificationsView';
import { OutboxView } from './OutboxView';
import { RunControls } from './RunControls';
import { ScenarioBar } from './ScenarioBar';
import { ScenarioEditor } from './ScenarioEditor';
import { activeScenario, sameInputs, useSimulationStore, type RunCommand, type RunInputs } from './simulation-store';
import './simulation.css';
import { TicketBoard } from './TicketBoard';
import { TicketsView } from './TicketsView';
import { TraceView } from './TraceView';

/** The store the panel drives; the app's singleton unless a test passes its own. */
export type SimulationStore = typeof useSimulationStore;

/** What the shell gives the panel. */
export interface SimulationPanelProps {
  workspace: Workspace;
  /** The workflows to run: the live revisions (or the open draft in place of its own, SPEC §10). */
  workflows: readonly Workflow[];
  /** The workflow open in the builder: its path is listed per ticket, and it is the one compared. */
  currentWorkflowId: string | null;
  /** Other versions of the open workflow to compare on one scenario (its revisions and draft). */
  versions?: readonly WorkflowVersion[];
  /** Review mode: scenarios can be run and read but not edited. */
  readOnly?: boolean;
  store?: SimulationStore;
}

const TABS = ['scenario', 'trace', 'tickets', 'outbox', 'notifications', 'board', 'compare'] as const;
type Tab = (typeof TABS)[number];

/**
 * The simulation panel (SPEC §6): a scenario editor, run controls on a virtual clock, and what the
 * run produced — trace, tickets, outbox, notifications, a board by status, and a comparison with
 * another version of the open workflow. The canvas reads the action being run and the selected
 * ticket's path from the store.
 */
export function SimulationPanel({ workspace, workflows, currentWorkflowId, versions = [], readOnly = false, store = useSimulationStore }: SimulationPanelProps) {
  const { t, lang } = useT();
  const s = useStore(store);
  const [tab, setTab] = useState<Tab>('scenario');
  const scenario = activeScenario(s);
  const budgets = useMemo(() => usableBudgets(s.budgets), [s.budgets]);
  const inputs = useMemo<RunInputs | null>(() => (scenario ? { workspace, workflows, scenario, budgets } : null), [workspace, workflows, scenario, budgets]);
  const names = useMemo(() => namesOf(workspace, workflows, scenario, t), [workspace, workflows, scenario, t]);
  const snapshot = s.snapshot;
  const stale = snapshot !== null && inputs !== null && !sameInputs(s.loadedFrom, inputs);
  const currentWorkflow = workflows.find((w) => w.id === currentWorkflowId) ?? null;
  const result = snapshot?.result ?? null;

  const command = (c: RunCommand, at: RunInputs | null = inputs) => (at ? store.getState().run(c, at) : Promise.resolve());
  const runThrough = async (index: number, at: RunInputs | null = inputs) => {
    if (!at) return;
    const st = store.getState();
    // Stepping only goes forward: a run already past the event starts over.
    if (!sameInputs(st.loadedFrom, at) || (st.snapshot?.eventsApplied ?? 0) > index) await st.run('reset', at);
    await store.getState().run({ type: 'stepThroughEvent', index }, at);
  };
  const change = (next: Scenario) => store.getState().saveScenario(next);
  const moveAdded = (next: Scenario, index: number, run: boolean) => {
    change(next);
    if (run) void runThrough(index, { workspace, workflows, scenario: next, budgets });
  };
  const runaway = result?.errors.filter((e) => e.code.startsWith('guard.')) ?? [];
  const moving = result?.channels.filter((c) => c.moving) ?? [];

  const onTabKey = (e: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length]!;
    setTab(next);
    (e.currentTarget.querySelector(`[data-tab="${next}"]`) as HTMLElement | null)?.focus();
  };

  return (
    <div className="tf-sim">
      <ScenarioBar
        workspace={workspace}
        scenarios={s.scenarios}
        active={scenario}
        onSelect={(id) => s.selectScenario(id)}
        onAdd={(x) => s.saveScenario(x)}
        onDelete={(id) => s.deleteScenario(id)}
        readOnly={readOnly}
      />
      <BudgetOptions budgets={s.budgets} onChange={(b) => s.setBudgets(b)} />
      <RunControls
        snapshot={snapshot}
        stale={stale}
        busy={s.busy}
        // The progress counts the events of the run shown: a stale run is of other inputs, another scenario perhaps.
        totalEvents={(stale ? s.loadedFrom?.scenario.events.length : scenario?.events.length) ?? 0}
        names={names}
        disabled={scenario ? null : t('sim.run.noScenario')}
        onCommand={(c) => void command(c)}
        onStop={() => s.stop()}
        onExport={() => result && downloadText(`${scenario?.id ?? 'simulation'}.trace.json`, stableStringify(result))}
      />
      {s.failure && (
        <p role="alert" className="tf-sim-banner tf-sim-banner--error">
          {t('sim.failed', { message: s.failure })}
        </p>
      )}
      {runaway.map((e, i) => (
        <p key={i} role="alert" className="tf-sim-banner tf-sim-banner--error">
          <strong>{t(e.code === 'guard.runaway' ? 'sim.runaway' : e.code === 'guard.budget' ? 'sim.budget' : 'sim.stepLimit')}</strong> {errorText(e, lang, names)}
        </p>
      ))}
      {moving.map((c) => (
        <p key={c.id} role="status" className="tf-sim-banner tf-sim-banner--move">
          {t('sim.moving', { channel: names.channel(c.id) })}
        </p>
      ))}
      {stale && (
        <p role="status" className="tf-sim-banner">
          {t('sim.stale')}
        </p>
      )}
      <div role="tablist" aria-label={t('sim.tabs')} className="tf-sim-tabs" onKeyDown={onTabKey}>
        {TABS.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            data-tab={x}
            id={`tf-sim-tab-${x}`}
            aria-selected={tab === x}
            aria-controls="tf-sim-tabpanel"
            tabIndex={tab === x ? 0 : -1}
            className="tf-sim-tabs__tab"
            onClick={() => setTab(x)}
          >
            {t(`sim.tab.${x}`, tabCounts(x, result))}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="tf-sim-tabpanel" aria-labelledby={`tf-sim-tab-${tab}`} className="tf-sim-tabpanel">
        {tab === 'scenario' &&
          (scenario ? (
            <ScenarioEditor
              workspace={workspace}
              scenario={scenario}
              onChange={change}
              onRunThrough={(i) => void runThrough(i)}
              onMoveAdded={moveAdded}
              runErrors={!stale && result ? result.errors : []}
              readOnly={readOnly}
            />
          ) : (
            <p className="tf-empty">{t('sim.scenario.start')}</p>
          ))}
        {tab !== 'scenario' && tab !== 'compare' && !result && <p className="tf-empty">{t('sim.notRun')}</p>}
        {tab === 'trace' && result && <TraceView result={result} names={names} onSelectTicket={(id) => {
          s.selectTicket(id);
          setTab('tickets');
        }} />}
        {tab === 'tickets' && result && (
          <TicketsView
            result={result}
            names={names}
            selected={s.selectedTicket}
            onSelect={(id) => s.selectTicket(id)}
            currentWorkflow={currentWorkflow}
            path={currentWorkflow ? (s.paths[currentWorkflow.id] ?? null) : null}
          />
        )}
        {tab === 'outbox' && result && <OutboxView result={result} workspace={workspace} names={names} />}
        {tab === 'notifications' && result && <NotificationsView result={result} names={names} />}
        {tab === 'board' && result && (
          <TicketBoard
            result={result}
            workspace={workspace}
            names={names}
            onSelectTicket={(id) => {
              s.selectTicket(id);
              setTab('tickets');
            }}
          />
        )}
        {tab === 'compare' &&
          (inputs ? (
            <CompareView
              inputs={inputs}
              currentWorkflowId={currentWorkflowId}
              versions={versions}
              compare={s.compare}
              busy={s.busy !== null}
              names={names}
              onCompare={(label, other, base) => void s.compareWith(label, base ? { ...inputs, workflows: base } : inputs, { ...inputs, workflows: other })}
            />
          ) : (
            <p className="tf-empty">{t('sim.scenario.start')}</p>
          ))}
      </div>
    </div>
  );
}

/** Counts shown in the result tabs' names. */
function tabCounts(tab: Tab, result: { outbox: unknown[]; notifications: unknown[]; tickets: unknown[]; trace: unknown[] } | null) {
  if (!result) return { count: 0 };
  switch (tab) {
    case 'trace':
      return { count: result.trace.length };
    case 'tickets':
    case 'board':
      return { count: result.tickets.length };
    case 'outbox':
      return { count: result.outbox.length };
    case 'notifications':
      return { count: result.notifications.length };
    default:
      return { count: 0 };
  }
}
