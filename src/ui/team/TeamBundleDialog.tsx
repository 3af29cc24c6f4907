import type { Bundle } from '../../document';
import type { TeamApi } from '../../store/team-api';
import { Dialog } from '../canvas/Dialog';
import { useT } from '../i18n';
import '../i18n/team';
import { ImportOutcome, useBundleImport } from './MoveInDialog';

/**
 * A bundle opened from the File menu in team mode. It goes through the server's import, as moving in
 * does: workflows are added or given a revision, comment threads merge, and nothing of the team
 * workspace is deleted (replacing the page's workflows would delete the team's others on the server).
 */
export function TeamBundleDialog({ api, bundle, text, onClose }: { api: TeamApi; bundle: Bundle; text: string; onClose: () => void }) {
  const { t } = useT();
  const { busy, error, report, send } = useBundleImport(api);

  return (
    <Dialog title={t('team.bundle.title')} onCancel={onClose}>
      <div className="tf-team-dialog">
        <p>{t('team.bundle.body', { name: bundle.workspace.name, workflows: bundle.workflows.length, scenarios: bundle.scenarios.length })}</p>
        <ImportOutcome busy={busy} error={error} report={report} />
        <div className="tf-dialog__actions">
          <button type="button" className="tf-button" onClick={onClose}>
            {report ? t('team.close') : t('files.cancel')}
          </button>
          {!report && (
            <button type="button" className="tf-button tf-button--primary" disabled={busy} onClick={() => void send(async () => text)}>
              {t('team.bundle.send')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
