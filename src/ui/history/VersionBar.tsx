import { Save, Upload } from 'lucide-react';
import { useMemo } from 'react';
import { draftSummary } from '../../store/revisions';
import { selectOpenProblems } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import '../i18n/versions';
import './history.css';

/**
 * The header's versions line and commands (SPEC §10): what is live and what the draft holds
 * ("Live: revision 12 · draft: 3 changes, 1 error"), Save revision, and Publish… or Unpublish.
 */
export function VersionBar() {
  const { t, tc } = useT();
  const store = useAppStore();
  const openId = useApp((s) => s.openId);
  const draft = useApp((s) => (s.openId ? s.documents[s.openId] : undefined));
  const versions = useApp((s) => (s.openId ? s.versions[s.openId] : undefined));
  const problems = useApp(selectOpenProblems);
  const review = useApp((s) => s.reviewMode);
  const previewing = useApp((s) => s.preview !== null);
  // In team mode the server says what is live: until its answer for this workflow is in, the line
  // would claim "Not live" of a live workflow, so it waits.
  const awaitingServer = useApp((s) => s.remoteVersions !== null && !!s.openId && !s.versions[s.openId]);
  const summary = useMemo(() => (draft ? draftSummary(versions, draft, problems) : null), [draft, versions, problems]);
  if (!openId || !summary || previewing || awaitingServer) return null;
  const changes = summary.changes === 0 ? t('versions.changes.zero') : tc('versions.changes', summary.changes);
  const draftText = summary.errors
    ? t('versions.draftLineErrors', { changes, errors: tc('versions.errors', summary.errors) })
    : t('versions.draftLine', { changes });
  const liveText = summary.live === null ? t('versions.notLive') : t('versions.live', { number: summary.live });
  return (
    <div className="tf-versions" role="group" aria-label={t('versions.history.title')}>
      <span className="tf-versions__line" role="status" data-live={summary.live !== null} title={`${liveText} · ${draftText}`}>
        {liveText} · {draftText}
      </span>
      <button
        type="button"
        className="tf-icon-button"
        aria-label={t('versions.save')}
        title={t('versions.save.title')}
        disabled={review}
        onClick={() => store.getState().openVersionDialog({ type: 'save', workflowId: openId })}
      >
        <Save size={16} aria-hidden />
      </button>
      <button
        type="button"
        className="tf-button tf-button--primary"
        disabled={review}
        title={summary.errors ? tc('versions.publish.blocked', summary.errors) : undefined}
        onClick={() => store.getState().openVersionDialog({ type: 'publish', workflowId: openId })}
      >
        <Upload size={14} aria-hidden /> {t('versions.publish')}
      </button>
      {summary.live !== null && (
        <button
          type="button"
          className="tf-button"
          title={t('versions.unpublish.title')}
          disabled={review}
          onClick={() => store.getState().unpublish(openId)}
        >
          {t('versions.unpublish')}
        </button>
      )}
    </div>
  );
}
