import { ChevronDown } from 'lucide-react';
import { useState } from 'react';
import { useApp, useAppStore } from '../../store/store';
import { useTeamSession, type PresenceEntry } from '../../store/team-session';
import { useT } from '../i18n';
import '../i18n/team';
import { MembersDialog } from './MembersDialog';
import { MoveInDialog } from './MoveInDialog';
import { PasswordDialog } from './PasswordDialog';
import { rememberLocalChoice } from './TeamGate';
import { TokensDialog } from './TokensDialog';
import './team.css';

const NO_ONE: PresenceEntry[] = [];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/** Who else is on a workflow: one avatar per person, editing ones marked. Nothing in local mode or when alone. */
export function PresenceAvatars({ workflowId }: { workflowId: string | null }) {
  const { t } = useT();
  const people = useTeamSession((s) => (workflowId ? (s.presence[workflowId] ?? NO_ONE) : NO_ONE));
  if (!people.length) return null;
  const label = people.map((p) => t(`team.presence.${p.state}`, { name: p.name })).join(', ');
  return (
    <span className="tf-presence" role="img" aria-label={label} title={label}>
      {people.map((p) => (
        <span key={p.accountId} className={`tf-presence__avatar tf-presence__avatar--${p.state}`} aria-hidden>
          {initials(p.name)}
        </span>
      ))}
    </span>
  );
}

type Screen = 'members' | 'tokens' | 'moveIn' | 'password' | null;

/**
 * The header's mode line: local mode (this browser) or team mode with the workspace, who is
 * signed in and their role, whether the page is live, who else is here; and the account's menu.
 */
export function ModeLine() {
  const { t } = useT();
  const store = useAppStore();
  const mode = useTeamSession((s) => s.mode);
  const me = useTeamSession((s) => s.me);
  const api = useTeamSession((s) => s.api);
  const live = useTeamSession((s) => s.live);
  const openId = useApp((s) => s.openId);
  const [menu, setMenu] = useState(false);
  const [screen, setScreen] = useState<Screen>(null);

  if (mode === 'local' || !me || !api) {
    return (
      <div className="tf-mode" role="group" aria-label={t('team.mode.label')}>
        <span className="tf-mode__badge">{t('team.mode.local')}</span>
        <span className="tf-mode__text">{t('team.mode.localText')}</span>
        {api && (
          <button
            type="button"
            className="tf-link-button"
            onClick={() => {
              rememberLocalChoice(false);
              window.location.reload();
            }}
          >
            {t('team.mode.signIn')}
          </button>
        )}
      </div>
    );
  }

  const admin = me.role === 'admin';
  const signedIn = t('team.mode.teamText', { workspace: me.workspace.name, name: me.account.name, role: t(`team.role.${me.role}`) });
  const open = (s: Screen) => {
    setMenu(false);
    setScreen(s);
  };
  const signOut = async () => {
    setMenu(false);
    await store.getState().storageControl?.flush();
    await api.signOut().catch(() => undefined);
    rememberLocalChoice(false);
    window.location.reload();
  };
  return (
    <div className="tf-mode" role="group" aria-label={t('team.mode.label')}>
      <span className={`tf-mode__badge tf-mode__badge--team${live ? ' tf-mode__badge--live' : ''}`} title={live ? t('team.mode.live') : t('team.mode.notLive')}>
        {t('team.mode.team')}
      </span>
      <span className="tf-mode__text" data-testid="mode-line" title={signedIn}>
        {signedIn}
      </span>
      <PresenceAvatars workflowId={openId} />
      <div className="tf-mode__menu">
        <button type="button" className="tf-icon-button" aria-expanded={menu} aria-haspopup="menu" aria-label={t('team.menu.label')} title={t('team.menu.label')} onClick={() => setMenu(!menu)}>
          <ChevronDown size={16} aria-hidden />
        </button>
        {menu && (
          <div className="tf-mode__items" role="menu" onKeyDown={(e) => e.key === 'Escape' && setMenu(false)}>
            {admin && (
              <>
                <button type="button" role="menuitem" onClick={() => open('members')}>
                  {t('team.menu.members')}
                </button>
                <button type="button" role="menuitem" onClick={() => open('tokens')}>
                  {t('team.menu.tokens')}
                </button>
                <button type="button" role="menuitem" onClick={() => open('moveIn')}>
                  {t('team.menu.moveIn')}
                </button>
              </>
            )}
            <button type="button" role="menuitem" onClick={() => open('password')}>
              {t('team.menu.password')}
            </button>
            <button type="button" role="menuitem" onClick={() => void signOut()}>
              {t('team.menu.signOut')}
            </button>
          </div>
        )}
      </div>
      {screen === 'members' && <MembersDialog api={api} selfId={me.account.id} onClose={() => setScreen(null)} />}
      {screen === 'tokens' && <TokensDialog api={api} onClose={() => setScreen(null)} />}
      {screen === 'moveIn' && <MoveInDialog api={api} onClose={() => setScreen(null)} />}
      {screen === 'password' && <PasswordDialog api={api} onClose={() => setScreen(null)} />}
    </div>
  );
}
