import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, type TeamApi } from '../../store/team-api';
import { useT } from '../i18n';
import '../i18n/team';
import './team.css';

/** The shortest password the screens accept (the server checks too). */
export const PASSWORD_MIN = 10;

/** The message for a refused request: the server's detail, or what to do when no server answered. */
export function errorText(t: (key: string, params?: Record<string, string | number>) => string, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.offline) return t('team.error.offline');
    return error.problem.detail ?? error.problem.title ?? t('team.error.status', { status: error.status });
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs a form's request, keeping the button busy and showing a refusal. */
function useSubmit(run: () => Promise<void>) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

/** A labelled input of the team screens. */
export function TextInput({ label, value, onChange, type = 'text', autoComplete, hint, required = true, minLength }: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  autoComplete?: string;
  hint?: string;
  required?: boolean;
  minLength?: number;
}) {
  const id = useId();
  return (
    <div className="tf-team-field">
      <label htmlFor={id} className="tf-field__label">
        {label}
      </label>
      <input
        id={id}
        className="tf-input"
        type={type}
        value={value}
        autoComplete={autoComplete}
        required={required}
        minLength={minLength}
        maxLength={400}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="tf-field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function Screen({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <main className="tf-team-screen">
      <div className="tf-team-card">
        <p className="tf-team-card__brand">Ticketflow</p>
        <h1>{title}</h1>
        {intro && <p className="tf-team-card__intro">{intro}</p>}
        {children}
      </div>
    </main>
  );
}

function FormError({ error }: { error: string | null }) {
  return error ? (
    <p className="tf-problem tf-problem--error" role="alert">
      {error}
    </p>
  ) : null;
}

/** The first visit to a new server: the owner account (name, email, password). */
export function SetupScreen({ api, onDone }: { api: TeamApi; onDone: () => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await api.setup(name.trim(), email.trim(), password);
    onDone();
  });
  return (
    <Screen title={t('team.setup.title')} intro={t('team.setup.intro')}>
      <form className="tf-team-form" onSubmit={(e) => void submit(e)}>
        <TextInput label={t('team.field.name')} value={name} onChange={setName} autoComplete="name" />
        <TextInput label={t('team.field.email')} value={email} onChange={setEmail} type="email" autoComplete="email" />
        <TextInput label={t('team.field.password')} value={password} onChange={setPassword} type="password" autoComplete="new-password" minLength={PASSWORD_MIN} hint={t('team.field.passwordHint', { min: PASSWORD_MIN })} />
        <FormError error={error} />
        <button type="submit" className="tf-button tf-button--primary" disabled={busy}>
          {t('team.setup.submit')}
        </button>
      </form>
    </Screen>
  );
}

/** Signing in to a team server, with the way out to local mode. */
export function SignInScreen({ api, onDone, onLocal }: { api: TeamApi; onDone: () => void; onLocal: () => void }) {
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await api.signIn(email.trim(), password);
    onDone();
  });
  return (
    <Screen title={t('team.signIn.title')} intro={t('team.signIn.intro')}>
      <form className="tf-team-form" onSubmit={(e) => void submit(e)}>
        <TextInput label={t('team.field.email')} value={email} onChange={setEmail} type="email" autoComplete="username" />
        <TextInput label={t('team.field.password')} value={password} onChange={setPassword} type="password" autoComplete="current-password" />
        <FormError error={error} />
        <button type="submit" className="tf-button tf-button--primary" disabled={busy}>
          {t('team.signIn.submit')}
        </button>
      </form>
      <div className="tf-team-card__alt">
        <p>{t('team.signIn.localHint')}</p>
        <button type="button" className="tf-button" onClick={onLocal}>
          {t('team.signIn.local')}
        </button>
      </div>
    </Screen>
  );
}

/** The page an invite link opens: the new member sets a name and a password. */
export function InviteScreen({ api, token, onDone }: { api: TeamApi; token: string; onDone: () => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    const r = await api.post<{ csrfToken?: string }>(`/invites/${encodeURIComponent(token)}/accept`, { name: name.trim(), password });
    if (r.body?.csrfToken) api.setCsrfToken(r.body.csrfToken);
    onDone();
  });
  return (
    <Screen title={t('team.invite.title')} intro={t('team.invite.intro')}>
      <form className="tf-team-form" onSubmit={(e) => void submit(e)}>
        <TextInput label={t('team.field.name')} value={name} onChange={setName} autoComplete="name" />
        <TextInput label={t('team.field.password')} value={password} onChange={setPassword} type="password" autoComplete="new-password" minLength={PASSWORD_MIN} hint={t('team.field.passwordHint', { min: PASSWORD_MIN })} />
        <FormError error={error} />
        <button type="submit" className="tf-button tf-button--primary" disabled={busy}>
          {t('team.invite.submit')}
        </button>
      </form>
    </Screen>
  );
}

/** What the page shows when the start failed in a way local mode cannot cover (the server answered, but badly). */
export function StartFailedScreen({ message, onRetry, onLocal }: { message: string; onRetry: () => void; onLocal: () => void }) {
  const { t } = useT();
  return (
    <Screen title={t('team.failed.title')} intro={message}>
      <div className="tf-team-form">
        <button type="button" className="tf-button tf-button--primary" onClick={onRetry}>
          {t('team.failed.retry')}
        </button>
        <button type="button" className="tf-button" onClick={onLocal}>
          {t('team.signIn.local')}
        </button>
      </div>
    </Screen>
  );
}
