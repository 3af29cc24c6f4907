import { Copy } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { ApiToken, TeamApi } from '../../store/team-api';
import { Dialog } from '../canvas/Dialog';
import { useT } from '../i18n';
import '../i18n/team';
import { useApiList } from './use-api-list';
import { TextInput } from './AuthScreens';
import { copyText } from './MembersDialog';

/** The tokens of a `GET /tokens` answer (`{ tokens }` or a bare list). */
export function tokensFromApi(body: unknown): ApiToken[] {
  const list = Array.isArray(body) ? body : (body as { tokens?: unknown } | null)?.tokens;
  if (!Array.isArray(list)) return [];
  return list.flatMap((x) => {
    if (typeof x !== 'object' || x === null) return [];
    const r = x as Record<string, unknown>;
    if (r.id === undefined || r.revokedAt) return [];
    return [{ id: String(r.id), name: String(r.name ?? ''), scope: r.scope === 'read+run' ? 'read+run' : 'read', createdAt: typeof r.createdAt === 'string' ? r.createdAt : undefined, lastUsedAt: typeof r.lastUsedAt === 'string' ? r.lastUsedAt : null }];
  });
}

/** The secret of a `POST /tokens` answer: shown once, never stored by the page. */
export function tokenSecret(body: unknown): string | null {
  const b = (body ?? {}) as Record<string, unknown>;
  for (const v of [b.secret, b.token, (b.token as Record<string, unknown> | undefined)?.secret, b.value]) {
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/** The admin's API tokens: create one with a scope (its secret shown once), list, revoke. */
export function TokensDialog({ api, onClose }: { api: TeamApi; onClose: () => void }) {
  const { t } = useT();
  const { items: tokens, error, run } = useApiList(api, '/tokens', tokensFromApi);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'read+run'>('read');
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const onCreate = (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    void run(async () => {
      const r = await api.post('/tokens', { name: name.trim(), scope });
      setSecret(tokenSecret(r.body));
      setName('');
    });
  };

  return (
    <Dialog title={t('team.tokens.title')} onCancel={onClose}>
      <div className="tf-team-dialog">
        <p className="tf-field__hint">{t('team.tokens.intro')}</p>
        {tokens === null && !error && <p>{t('team.loading')}</p>}
        {tokens && tokens.length === 0 && <p>{t('team.tokens.none')}</p>}
        {tokens && tokens.length > 0 && (
          <ul className="tf-team-list">
            {tokens.map((tok) => (
              <li key={tok.id}>
                <span>
                  <strong>{tok.name || tok.id}</strong> · {t(`team.scope.${tok.scope}`)}
                  {tok.lastUsedAt ? ` · ${t('team.tokens.used', { at: new Date(tok.lastUsedAt).toLocaleString() })}` : ''}
                </span>
                <button type="button" className="tf-button" onClick={() => void run(() => api.delete(`/tokens/${encodeURIComponent(tok.id)}`))}>
                  {t('team.tokens.revoke', { name: tok.name || tok.id })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form className="tf-team-inline" onSubmit={onCreate} aria-label={t('team.tokens.create')}>
          <TextInput label={t('team.tokens.name')} value={name} onChange={setName} autoComplete="off" />
          <label className="tf-team-field">
            <span className="tf-field__label">{t('team.tokens.scope')}</span>
            <select className="tf-input" value={scope} onChange={(e) => setScope(e.target.value === 'read+run' ? 'read+run' : 'read')}>
              <option value="read">{t('team.scope.read')}</option>
              <option value="read+run">{t('team.scope.read+run')}</option>
            </select>
          </label>
          <button type="submit" className="tf-button tf-button--primary">
            {t('team.tokens.create')}
          </button>
        </form>
        {secret && (
          <div className="tf-team-secret" role="status">
            <p>{t('team.tokens.once')}</p>
            <div className="tf-team-secret__row">
              <input className="tf-input" readOnly value={secret} aria-label={t('team.tokens.secret')} onFocus={(e) => e.target.select()} />
              <button type="button" className="tf-button" onClick={() => void copyText(secret).then(setCopied)}>
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
