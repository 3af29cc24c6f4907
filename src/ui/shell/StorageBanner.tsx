import { useApp, useAppStore } from '../../store/store';
import { useTeamSession } from '../../store/team-session';
import '../i18n/team';
import { useT } from '../i18n';
import '../i18n/app';
import { downloadText } from './download';

/**
 * Tells the user when work is not being saved (quota, corruption, no storage) and when another tab
 * changed a workflow this tab is editing; offers retry, export, reload or keeping a copy.
 */
export function StorageBanner() {
  const { t } = useT();
  const store = useAppStore();
  const storage = useApp((s) => s.storage);
  const conflicts = useApp((s) => s.conflicts);
  const workspaceConflict = useApp((s) => s.workspaceConflict);
  const documents = useApp((s) => s.documents);
  const control = useApp((s) => s.storageControl);
  // In team mode the other version is a teammate's save, not another tab's.
  const other = useTeamSession((s) => (s.mode === 'team' ? 'team' : 'storage'));
  const exportAll = () => {
    const text = control?.exportAll();
    if (text) downloadText(`ticketflow-backup-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.bundle.json`, text);
  };
  const failing = storage.state === 'error' || storage.state === 'unavailable';
  if (!failing && conflicts.length === 0 && workspaceConflict === null) return null;
  return (
    <div className="tf-banners">
      {failing && (
        <div className="tf-banner tf-banner--error" role="alert">
          <p>
            {t(storage.errorKey ?? 'storage.failed')} {storage.state === 'error' ? t('storage.kept') : t('storage.memoryOnly')}
          </p>
          {storage.errorDetail && <p className="tf-banner__detail">{storage.errorDetail}</p>}
          <div className="tf-banner__buttons">
            {storage.state === 'error' && (
              <button type="button" className="tf-button" onClick={() => control?.retry()}>
                {t('storage.retry')}
              </button>
            )}
            <button type="button" className="tf-button" onClick={exportAll}>
              {t('storage.export')}
            </button>
          </div>
        </div>
      )}
      {workspaceConflict !== null && (
        <div className="tf-banner tf-banner--warning" role="alert">
          <p>{t('app.workspaceConflict')}</p>
          <div className="tf-banner__buttons">
            <button type="button" className="tf-button" onClick={() => void control?.reloadWorkspace()}>
              {t('app.workspaceConflict.reload')}
            </button>
            <button type="button" className="tf-button tf-button--primary" onClick={() => void control?.keepWorkspace()}>
              {t('app.workspaceConflict.keep')}
            </button>
          </div>
        </div>
      )}
      {conflicts.map((c) => (
        <div key={c.workflowId} className="tf-banner tf-banner--warning" role="alert">
          <p>{t(c.theirRevision ? `${other}.conflict` : `${other}.conflictDeleted`, { name: documents[c.workflowId]?.workflow.name ?? c.workflowId })}</p>
          <div className="tf-banner__buttons">
            <button type="button" className="tf-button" onClick={() => void store.getState().storageControl?.reloadWorkflow(c.workflowId)}>
              {t(`${other}.reload`)}
            </button>
            <button type="button" className="tf-button tf-button--primary" onClick={() =>
                void store.getState().storageControl?.forkWorkflow(
                  c.workflowId,
                  t('storage.forkName', { name: documents[c.workflowId]?.workflow.name ?? c.workflowId }),
                )
              }>
              {t('storage.fork')}
            </button>
            {control?.compareConflict && c.theirRevision > 0 && (
              <button type="button" className="tf-button" onClick={() => void control.compareConflict?.(c.workflowId, c.theirRevision)}>
                {t('team.compare')}
              </button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
