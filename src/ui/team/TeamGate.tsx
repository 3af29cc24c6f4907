import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { RETRY_DELAYS_MS, startPersistence, type PersistenceAdapter } from '../../store/persistence';
import { TeamApi } from '../../store/team-api';
import { startTeamPersistence } from '../../store/team-persistence';
import { teamSession } from '../../store/team-session';
import { scenariosForBundle } from '../files/scenario-bridge';
import { detectLanguage, I18nProvider, useT } from '../i18n';
import '../i18n/team';
import { errorText, InviteScreen, SetupScreen, SignInScreen, StartFailedScreen } from './AuthScreens';
import { detectMode, LOCAL_CHOICE_KEY, type StartMode } from './mode';

/** The local adapter, as the app always started it. */
export const localAdapter: PersistenceAdapter = (store) => startPersistence(store, { scenarios: scenariosForBundle });

/** The team adapter for a signed-in account. */
export function teamAdapter(api: TeamApi, me: Extract<StartMode, { kind: 'team' }>['me']): PersistenceAdapter {
  return async (store) => {
    // A server that answered who is signed in but fails to hand the workspace over is asked again.
    for (let failures = 0; ; failures++) {
      try {
        return await startTeamPersistence(store, { api, me, scenarios: scenariosForBundle });
      } catch (error) {
        const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]!;
        const detail = error instanceof Error ? error.message : String(error);
        store.setState({ storage: { state: 'error', errorKey: 'team.loadFailed', errorDetail: detail, retryAt: Date.now() + delay } });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };
}

function readLocalChoice(): boolean {
  try {
    return sessionStorage.getItem(LOCAL_CHOICE_KEY) === 'local';
  } catch {
    return false;
  }
}

/** Keeps (or forgets) the choice of local mode for this tab. */
export function rememberLocalChoice(local: boolean): void {
  try {
    if (local) sessionStorage.setItem(LOCAL_CHOICE_KEY, 'local');
    else sessionStorage.removeItem(LOCAL_CHOICE_KEY);
  } catch {
    // A tab that cannot keep the choice asks again after a reload.
  }
}

type GateState = { kind: 'detecting' } | { kind: 'failed'; message: string } | StartMode;

/**
 * Decides the mode before the app starts: local (no API, or the user's choice), the owner's setup
 * on a new server, sign-in, an invitation, or the team workspace; then renders the app with the
 * persistence adapter of that mode.
 */
export function TeamGate({ children, api: given }: { children: (adapter: PersistenceAdapter) => ReactNode; api?: TeamApi }) {
  const [api] = useState(() => given ?? new TeamApi());
  const [state, setState] = useState<GateState>({ kind: 'detecting' });
  const [adapter, setAdapter] = useState<PersistenceAdapter | null>(null);
  const language = detectLanguage(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

  const detect = useCallback(() => {
    setState({ kind: 'detecting' });
    detectMode(api, { hash: window.location.hash, preferLocal: readLocalChoice() }).then(
      (mode) => {
        if (mode.kind === 'local') {
          teamSession.setState({ mode: 'local', api: mode.server ? api : null, me: null });
          setAdapter(() => localAdapter);
        } else if (mode.kind === 'team') {
          teamSession.setState({ mode: 'team', api, me: mode.me });
          setAdapter(() => teamAdapter(api, mode.me));
        }
        setState(mode);
      },
      (error: unknown) => setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [api]);

  useEffect(() => detect(), [detect]);

  const openLocal = () => {
    rememberLocalChoice(true);
    detect();
  };

  if ((state.kind === 'local' || state.kind === 'team') && adapter) return <>{children(adapter)}</>;
  return (
    <I18nProvider lang={language}>
      <GateScreen state={state} api={api} onDone={detect} onLocal={openLocal} />
    </I18nProvider>
  );
}

function GateScreen({ state, api, onDone, onLocal }: { state: GateState; api: TeamApi; onDone: () => void; onLocal: () => void }) {
  const { t } = useT();
  switch (state.kind) {
    case 'setup':
      return <SetupScreen api={api} onDone={onDone} />;
    case 'signIn':
      return <SignInScreen api={api} onDone={onDone} onLocal={onLocal} />;
    case 'invite':
      return (
        <InviteScreen
          api={api}
          token={state.token}
          onDone={() => {
            // The link is spent: the page continues as the new member, without it.
            history.replaceState(null, '', window.location.pathname + window.location.search);
            onDone();
          }}
        />
      );
    case 'failed':
      return <StartFailedScreen message={errorText(t, new Error(state.message))} onRetry={onDone} onLocal={onLocal} />;
    default:
      return (
        <p className="tf-empty" role="status">
          {t('team.detecting')}
        </p>
      );
  }
}
