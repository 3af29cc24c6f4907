import { useState, type FormEvent } from 'react';
import type { TeamApi } from '../../store/team-api';
import { Dialog } from '../canvas/Dialog';
import { useT } from '../i18n';
import '../i18n/team';
import { errorText, PASSWORD_MIN, TextInput } from './AuthScreens';

/** Changing one's own password: the current one, then the new one. */
export function PasswordDialog({ api, onClose }: { api: TeamApi; onClose: () => void }) {
  const { t } = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.put('/session/password', { current, password: next });
      setDone(true);
      setCurrent('');
      setNext('');
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('team.password.title')} onCancel={onClose}>
      <form className="tf-team-form" onSubmit={(e) => void submit(e)}>
        <TextInput label={t('team.password.current')} value={current} onChange={setCurrent} type="password" autoComplete="current-password" />
        <TextInput label={t('team.password.new')} value={next} onChange={setNext} type="password" autoComplete="new-password" minLength={PASSWORD_MIN} hint={t('team.field.passwordHint', { min: PASSWORD_MIN })} />
        {done && <p role="status">{t('team.password.changed')}</p>}
        {error && (
          <p className="tf-problem tf-problem--error" role="alert">
            {error}
          </p>
        )}
        <div className="tf-dialog__buttons">
          <button type="button" className="tf-button" onClick={onClose}>
            {t('team.close')}
          </button>
          <button type="submit" className="tf-button tf-button--primary" disabled={busy}>
            {t('team.password.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
