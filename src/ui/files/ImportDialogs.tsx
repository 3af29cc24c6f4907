import { useState } from 'react';
import { useAppStore } from '../../store/store';
import { useTeamSession } from '../../store/team-session';
import { TeamBundleDialog } from '../team/TeamBundleDialog';
import { Dialog } from '../canvas/Dialog';
import { useT } from '../i18n';
import { applyBundle, importText, resolveConflict } from './file-actions';
import { useImportState } from './import-state';

/** The dialogs of an import: the problem report, the id conflict, the bundle confirmation, the paste box. */
export function ImportDialogs() {
  const { t, problemText } = useT();
  const store = useAppStore();
  const pending = useImportState((s) => s.pending);
  const close = () => useImportState.getState().set(null);
  const [text, setText] = useState('');
  const team = useTeamSession((s) => (s.mode === 'team' && s.me ? s.api : null));
  if (!pending) return null;

  if (pending.kind === 'paste') {
    return (
      <Dialog title={t('files.paste.title')} onCancel={close}>
        <label className="tf-field">
          <span>{t('files.paste.label')}</span>
          <textarea className="tf-import-paste" rows={12} value={text} onChange={(e) => setText(e.target.value)} data-autofocus />
        </label>
        <div className="tf-dialog__actions">
          <button type="button" className="tf-button" onClick={close}>
            {t('files.cancel')}
          </button>
          <button
            type="button"
            className="tf-button tf-button--primary"
            disabled={!text.trim()}
            onClick={() => {
              setText('');
              void importText(store, text, t('files.paste.source'));
            }}
          >
            {t('files.paste.import')}
          </button>
        </div>
      </Dialog>
    );
  }

  if (pending.kind === 'report') {
    return (
      <Dialog title={t('files.report.title', { source: pending.source })} onCancel={close}>
        <p>{t('files.report.intro', { count: pending.problems.length })}</p>
        <table className="tf-import-report">
          <thead>
            <tr>
              <th scope="col">{t('files.report.code')}</th>
              <th scope="col">{t('files.report.place')}</th>
              <th scope="col">{t('files.report.message')}</th>
            </tr>
          </thead>
          <tbody>
            {pending.problems.slice(0, 200).map((p, i) => (
              <tr key={i}>
                <td>
                  <code>{p.code}</code>
                </td>
                <td>
                  <code>{p.path || '/'}</code>
                  {p.actionId ? ` (${p.actionId})` : ''}
                </td>
                <td>{problemText(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="tf-dialog__actions">
          <button type="button" className="tf-button tf-button--primary" onClick={close} data-autofocus>
            {t('files.close')}
          </button>
        </div>
      </Dialog>
    );
  }

  if (pending.kind === 'conflict') {
    return (
      <Dialog title={t('files.conflict.title')} onCancel={close}>
        <p>{t('files.conflict.body', { id: pending.doc.workflow.id, name: pending.doc.workflow.name })}</p>
        <div className="tf-dialog__actions">
          <button type="button" className="tf-button" onClick={close}>
            {t('files.cancel')}
          </button>
          <button type="button" className="tf-button" onClick={() => resolveConflict(store, 'copy')}>
            {t('files.conflict.copy')}
          </button>
          <button type="button" className="tf-button tf-button--primary" onClick={() => resolveConflict(store, 'replace')}>
            {t('files.conflict.replace')}
          </button>
        </div>
      </Dialog>
    );
  }

  // In team mode a bundle goes to the server's import (as moving in does), never replacing the team's workflows.
  if (team) return <TeamBundleDialog api={team} bundle={pending.bundle} text={pending.text} onClose={close} />;

  return (
    <Dialog title={t('files.bundle.title')} onCancel={close}>
      <p>
        {t('files.bundle.body', {
          name: pending.bundle.workspace.name,
          workflows: pending.bundle.workflows.length,
          scenarios: pending.bundle.scenarios.length,
        })}
      </p>
      <div className="tf-dialog__actions">
        <button type="button" className="tf-button" onClick={close}>
          {t('files.cancel')}
        </button>
        <button type="button" className="tf-button tf-button--primary" onClick={() => applyBundle(store)}>
          {t('files.bundle.replace')}
        </button>
      </div>
    </Dialog>
  );
}
