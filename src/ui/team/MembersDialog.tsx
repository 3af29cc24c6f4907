import { Copy, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { ROLES, type Member, type Role, type TeamApi } from '../../store/team-api';
import { Dialog } from '../canvas/Dialog';
import { useT } from '../i18n';
import '../i18n/team';
import { useApiList } from './use-api-list';
import { TextInput } from './AuthScreens';

/** The members of a `GET /members` answer (`{ members }` or a bare list). */
export function membersFromApi(body: unknown): Member[] {
  const list = Array.isArray(body) ? body : (body as { members?: unknown } | null)?.members;
  if (!Array.isArray(list)) return [];
  return list.flatMap((m) => {
    if (typeof m !== 'object' || m === null) return [];
    const r = m as Record<string, unknown>;
    const account = (typeof r.account === 'object' && r.account ? r.account : r) as Record<string, unknown>;
    const role = ROLES.includes(r.role as Role) ? (r.role as Role) : 'viewer';
    const id = String(r.id ?? account.id ?? '');
    if (!id) return [];
    return [{ id, name: String(account.name ?? ''), email: String(account.email ?? r.email ?? ''), role, pending: r.pending === true || r.status === 'invited' }];
  });
}

/** The invitation link of a `POST /members` answer, made absolute so it can be passed on as it is. */
export function inviteLink(body: unknown, origin: string): { url: string; expiresAt: string | null } | null {
  const invite = (body as { invite?: { url?: unknown; expiresAt?: unknown } } | null)?.invite;
  if (!invite || typeof invite.url !== 'string') return null;
  return { url: new URL(invite.url, origin).href, expiresAt: typeof invite.expiresAt === 'string' ? invite.expiresAt : null };
}

/** Copies a text to the clipboard; false when the browser refuses (the text stays selectable). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The admin's members screen: invite by email and role (a one-time link to pass on), change roles, remove. */
export function MembersDialog({ api, selfId, onClose }: { api: TeamApi; selfId: string; onClose: () => void }) {
  const { t } = useT();
  const { items: members, error, run } = useApiList(api, '/members', membersFromApi);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [invite, setInvite] = useState<{ url: string; expiresAt: string | null } | null>(null);
  const [copied, setCopied] = useState(false);

  const onInvite = (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    void run(async () => {
      const r = await api.post('/members', { email: email.trim(), role });
      setInvite(inviteLink(r.body, window.location.origin));
      setEmail('');
    });
  };

  return (
    <Dialog title={t('team.members.title')} onCancel={onClose}>
      <div className="tf-team-dialog">
        {members === null && !error && <p>{t('team.loading')}</p>}
        {members && (
          <table className="tf-team-table">
            <thead>
              <tr>
                <th>{t('team.field.name')}</th>
                <th>{t('team.field.email')}</th>
                <th>{t('team.field.role')}</th>
                <th>
                  <span className="tf-visually-hidden">{t('team.members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.name || '—'} {m.pending && <span className="tf-team-tag">{t('team.members.pending')}</span>}
                  </td>
                  <td>{m.email}</td>
                  <td>
                    <select
                      className="tf-input tf-input--compact"
                      aria-label={t('team.members.roleOf', { name: m.name || m.email })}
                      value={m.role}
                      disabled={m.id === selfId}
                      onChange={(e) => void run(() => api.patch(`/members/${encodeURIComponent(m.id)}`, { role: e.target.value }))}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`team.role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {m.id !== selfId && (
                      <button
                        type="button"
                        className="tf-icon-button"
                        aria-label={t('team.members.remove', { name: m.name || m.email })}
                        title={t('team.members.remove', { name: m.name || m.email })}
                        onClick={() => void run(() => api.delete(`/members/${encodeURIComponent(m.id)}`))}
                      >
                        <Trash2 size={16} aria-hidden />
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form className="tf-team-inline" onSubmit={onInvite} aria-label={t('team.members.invite')}>
          <TextInput label={t('team.field.email')} value={email} onChange={setEmail} type="email" autoComplete="off" />
          <label className="tf-team-field">
            <span className="tf-field__label">{t('team.field.role')}</span>
            <select className="tf-input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`team.role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="tf-button tf-button--primary">
            {t('team.members.invite')}
          </button>
        </form>
        {invite && (
          <div className="tf-team-secret" role="status">
            <p>{t('team.members.inviteReady', { expires: invite.expiresAt ? new Date(invite.expiresAt).toLocaleString() : '—' })}</p>
            <div className="tf-team-secret__row">
              <input className="tf-input" readOnly value={invite.url} aria-label={t('team.members.inviteLink')} onFocus={(e) => e.target.select()} />
              <button type="button" className="tf-button" onClick={() => void copyText(invite.url).then(setCopied)}>
                <Copy size={14} aria-hidden /> {copied ? t('team.copied') : t('team.copy')}
              </button>
            </div>
          </div>
        )}
        {error && (
          <p className="tf-problem tf-problem--error" role="alert">
            {error}
          </p>
        )}
        <div className="tf-dialog__buttons">
          <button type="button" className="tf-button" onClick={onClose}>
            {t('team.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
