import { TriangleAlert } from 'lucide-react';
import { useId, useState } from 'react';
import type { Problem } from '../../document';
import type { PublishReview } from '../../store/revisions';
import { useApp, useAppStore } from '../../store/store';
import { Dialog } from '../canvas/Dialog';
import { useT } from '../i18n';
import '../i18n/versions';
import { namedMessage } from '../problems/named';
import { revealProblem } from '../shell/ProblemsArea';
import { DiffList } from './DiffList';

/** The save and publish dialogs the versions bar, the workflow list and Ctrl/Cmd+S open. */
export function VersionDialogs() {
  const dialog = useApp((s) => s.versionDialog);
  if (!dialog) return null;
  return dialog.type === 'save' ? <SaveDialog workflowId={dialog.workflowId} /> : <PublishDialog workflowId={dialog.workflowId} />;
}

function SaveDialog({ workflowId }: { workflowId: string }) {
  const { t } = useT();
  const store = useAppStore();
  const next = useApp((s) => (s.versions[workflowId]?.head ?? 0) + 1);
  const [message, setMessage] = useState('');
  const id = useId();
  const close = () => store.getState().openVersionDialog(null);
  const save = () => {
    close();
    store.getState().saveRevision(workflowId, message);
  };
  return (
    <Dialog title={t('versions.save.dialog', { number: next })} onCancel={close}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label htmlFor={id} className="tf-field__label">
          {t('versions.save.message')}
        </label>
        <input id={id} className="tf-input" value={message} maxLength={2000} onChange={(e) => setMessage(e.target.value)} data-autofocus />
        <div className="tf-dialog__buttons">
          <button type="button" className="tf-button" onClick={close}>
            {t('versions.cancel')}
          </button>
          <button type="submit" className="tf-button tf-button--primary">
            {t('versions.save.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Publish (SPEC §10): refuses while the draft has errors, listing each with a jump to it; shows the
 * diff against the live revision; and where the enrollment changed while the live revision has had
 * enrolled tickets, the [S-reenroll] warning with clone-then-delete.
 */
function PublishDialog({ workflowId }: { workflowId: string }) {
  const { t, tc, problemText } = useT();
  const store = useAppStore();
  const name = useApp((s) => s.documents[workflowId]?.workflow.name ?? workflowId);
  const workflow = useApp((s) => s.documents[workflowId]?.workflow);
  const workspace = useApp((s) => s.workspace);
  const live = useApp((s) => s.versions[workflowId]?.published ?? null);
  const enrolled = useApp((s) => s.lastEnrolled[workflowId] ?? 0);
  // Judged once, when the dialog opens: what the user reads is what they publish.
  const [review] = useState<PublishReview | null>(() => store.getState().reviewPublish(workflowId));
  const [message, setMessage] = useState('');
  const messageId = useId();
  const close = () => store.getState().openVersionDialog(null);
  const jump = (p: Problem) => {
    close();
    store.getState().viewRevision(null);
    if (store.getState().openId !== workflowId) store.getState().openWorkflow(workflowId);
    revealProblem(store, p);
  };
  const publish = (asClone: boolean) => {
    close();
    const s = store.getState();
    const outcome = asClone ? s.publishAsClone(workflowId) : s.publish(workflowId, message);
    if (outcome.ok && !outcome.pending) s.notify({ tone: 'info', key: 'versions.published', params: { number: outcome.revision } });
  };
  return (
    <Dialog title={t('versions.publish.title', { name })} onCancel={close}>
      {review === null ? (
        <p role="status">{t('notice.enableChecking')}</p>
      ) : review.errors.length > 0 ? (
        <div role="alert" className="tf-publish__refusal">
          <p>
            <strong>{tc('versions.publish.blocked', review.errors.length)}</strong>
          </p>
          <ul className="tf-dialog__list">
            {review.errors.slice(0, 20).map((p, i) => (
              <li key={i}>
                {namedMessage(problemText(p), t, workflow, workspace)}{' '}
                <button type="button" className="tf-link-button" onClick={() => jump(p)}>
                  {t('versions.publish.jump')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          {review.diff === null ? (
            <p>{t('versions.publish.first')}</p>
          ) : review.unchanged ? (
            <p role="status">{t('versions.publish.unchanged')}</p>
          ) : (
            <>
              <p>{t('versions.publish.against', { number: live ?? 0 })}</p>
              <DiffList diff={review.diff} />
            </>
          )}
          {review.reenrollWarning && (
            <div role="alert" className="tf-warning">
              <TriangleAlert size={16} aria-hidden />
              <div>
                <p>{t('versions.publish.enrolled', { count: enrolled })}</p>
                <p>{t('inspector.reenroll.warning')}</p>
                <p>{t('inspector.reenroll.advice')}</p>
                <button type="button" className="tf-button" onClick={() => publish(true)}>
                  {t('versions.publish.asClone')}
                </button>
              </div>
            </div>
          )}
          {!review.unchanged && (
            <>
              <label htmlFor={messageId} className="tf-field__label">
                {t('versions.save.message')}
              </label>
              <input id={messageId} className="tf-input" value={message} maxLength={2000} onChange={(e) => setMessage(e.target.value)} />
            </>
          )}
        </>
      )}
      <div className="tf-dialog__buttons">
        <button type="button" className="tf-button" onClick={close}>
          {t('versions.cancel')}
        </button>
        <button
          type="button"
          className="tf-button tf-button--primary"
          data-autofocus
          disabled={review === null || review.errors.length > 0 || review.unchanged}
          onClick={() => publish(false)}
        >
          {t('versions.publish.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
