import { useEffect, useState } from 'react';
import { parseReviewRoute } from '../review/route';
import type { PersistenceAdapter } from '../store/persistence';
import { createAppStore, StoreProvider, type AppStore } from '../store/store';
import { startCheckpoints } from '../store/revisions-slice';
import { startValidation } from '../store/validation-slice';
import { useApp } from '../store/store';
import { detectLanguage, I18nProvider } from './i18n';
import './i18n/canvas';
import { AppShell } from './shell/AppShell';
import { startScenarioStorage, type ScenarioStorageControl } from './simulation/scenario-storage';
import { startDraftKeeping } from '../store/drafts';
import { startLayoutKeeping } from '../store/layout';
import { teamSession } from '../store/team-session';
import { localAdapter, TeamGate } from './team/TeamGate';
import { startTeamScenarios } from './team/team-scenarios';
import { hasId } from '../store/id-record';

/** Opens the workflow a review link (#/review/<id>) names, read-only. */
function followReviewRoute(store: AppStore): void {
  const route = parseReviewRoute(window.location.hash);
  if (!route) return;
  const s = store.getState();
  if (route.kind === 'invalid' || !hasId(s.documents, route.workflowId)) {
    s.notify({ tone: 'error', key: 'shell.reviewLinkBroken', params: { reason: route.kind === 'invalid' ? route.message : route.workflowId } });
    return;
  }
  s.openWorkflow(route.workflowId);
  s.setReviewMode(true);
}

/** Starts storage (through the mode's persistence adapter) and validation for a store; returns the function that stops both. */
export function startServices(store: AppStore, persistence: PersistenceAdapter = localAdapter): () => void {
  let stopped = false;
  let stopStorage: (() => void) | null = null;
  const stopValidation = startValidation(store);
  const stopDrafts = startDraftKeeping(store);
  const stopLayout = startLayoutKeeping(store);
  const stopCheckpoints = startCheckpoints(store);
  let scenarios: ScenarioStorageControl | null = null;
  const team = teamSession.getState();
  const scenarioStorage = team.mode === 'team' && team.api && team.me ? startTeamScenarios(store, team.api, team.me) : startScenarioStorage(store);
  void scenarioStorage.then((control) => {
    if (stopped) control.stop();
    else scenarios = control;
  });
  void persistence(store).then((control) => {
    if (stopped) {
      control.stop();
      return;
    }
    stopStorage = control.stop;
    store.setState({ storageControl: control });
    // A first start speaks the browser's language; later starts keep the user's choice.
    if (control.seeded) store.getState().setLanguage(detectLanguage(navigator.languages ?? [navigator.language]));
    followReviewRoute(store);
  });
  const onHash = () => followReviewRoute(store);
  const onHide = () => {
    void store.getState().storageControl?.flush({ pageHidden: true });
    void scenarios?.flush({ pageHidden: true });
  };
  // A page hidden on a phone may be discarded without a pagehide; this is its last chance too.
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
  };
  window.addEventListener('hashchange', onHash);
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    stopped = true;
    stopValidation();
    stopDrafts();
    stopLayout();
    stopCheckpoints();
    stopStorage?.();
    scenarios?.stop();
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** The application: the mode (local or team) first, then one store, its storage and validation, and the shell. */
export function App() {
  return <TeamGate>{(adapter) => <Workbench persistence={adapter} />}</TeamGate>;
}

function Workbench({ persistence }: { persistence: PersistenceAdapter }) {
  const [store] = useState(createAppStore);
  useEffect(() => startServices(store, persistence), [store, persistence]);
  return (
    <StoreProvider store={store}>
      <Localized />
    </StoreProvider>
  );
}

function Localized() {
  const language = useApp((s) => s.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <I18nProvider lang={language}>
      <AppShell />
    </I18nProvider>
  );
}
