import { Info, TriangleAlert } from 'lucide-react';
import { useId } from 'react';
import { chatExclusion, CHAT_LIKE_SOURCES, withChatIncluded } from '../../engine';
import type { Enrollment, Workflow, Workspace } from '../../model';
import { sameValue } from '../common/same-value';
import { useT } from '../i18n';
import { FiltersEditor } from './FiltersEditor';
import { TriggersEditor } from './TriggersEditor';
import type { EditSession } from './use-edit-session';

/**
 * Whether the draft risks unexpected enrollments against the live enrollment [S-reenroll]: the
 * triggers changed, or re-enrollment is being turned on.
 */
export function risksUnexpectedEnrollment(live: Enrollment, draft: Enrollment): boolean {
  return !sameValue(live.triggers, draft.triggers) || (draft.reenroll && !live.reenroll);
}

/** The [S-reenroll] warning, offering to clone the workflow with the new settings and delete the old one. */
function ReenrollWarning({
  onCloneAndDelete,
  readOnly,
  blocked,
}: {
  onCloneAndDelete: () => void;
  readOnly: boolean;
  /** The draft has errors: a clone cannot take these settings yet. */
  blocked: boolean;
}) {
  const { t } = useT();
  return (
    <div role="alert" className="tf-warning">
      <TriangleAlert size={16} aria-hidden />
      <div>
        <p>{t('inspector.reenroll.warning')}</p>
        <p>{t('inspector.reenroll.advice')}</p>
        {!readOnly && (
          <button type="button" className="tf-button" disabled={blocked} onClick={onCloneAndDelete}>
            {t('inspector.reenroll.cloneAndDelete')}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * [S-chat] Where the Chat and Messenger exclusion bears on the workflow: what it means for this
 * enrollment, and the switch that includes them (it names them as sources, what the engine reads).
 */
function ChatExclusionNote({ workflow, draft, onChange }: { workflow: Workflow; draft: Enrollment; onChange: (enrollment: Enrollment) => void }) {
  const { t } = useT();
  const titleId = useId();
  const { applies, included } = chatExclusion(workflow, draft);
  if (!applies) return null;
  const all = included.length === CHAT_LIKE_SOURCES.size;
  const kinds = (list: readonly string[]) => list.map((k) => t(`channelKind.${k}`)).join(', ');
  const excluded = [...CHAT_LIKE_SOURCES].filter((k) => !included.includes(k));
  const state = all
    ? t('inspector.enrollment.chat.included')
    : included.length
      ? t('inspector.enrollment.chat.partly', { included: kinds(included), excluded: kinds(excluded) })
      : t('inspector.enrollment.chat.excluded');
  return (
    <div className="tf-group" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="tf-group__title">
        {t('inspector.enrollment.chat.title')}
      </h3>
      <p className="tf-note">
        <Info size={16} aria-hidden /> <span>{state}</span>
      </p>
      <label className="tf-check">
        <input type="checkbox" role="switch" checked={all} onChange={(e) => onChange(withChatIncluded(draft, e.target.checked))} />
        <span>{t('inspector.enrollment.chat.switch')}</span>
      </label>
      <p className="tf-field__hint">{t('inspector.enrollment.chat.hint')}</p>
    </div>
  );
}

/** Enrollment: triggers, filters, re-enrollment and unenrollment criteria. */
export function EnrollmentForm({
  session,
  workflow,
  workspace,
  readOnly,
  enrolledLive,
  chatRule = true,
  onCloneAndDelete,
}: {
  session: EditSession<Enrollment>;
  /** The workflow whose enrollment this is (its actions decide whether the chat exclusion matters). */
  workflow: Workflow;
  workspace: Workspace;
  readOnly: boolean;
  /**
   * [S-reenroll] The live revision's enrollment when that revision has had enrolled tickets; null
   * otherwise (a new workflow, nothing live, or no ticket enrolled yet), and then no warning is shown.
   */
  enrolledLive: Enrollment | null;
  /** Whether the [S-chat] exclusion is said here (not for a built-in status update: emails drive it). */
  chatRule?: boolean;
  onCloneAndDelete: (enrollment: Enrollment) => void;
}) {
  const { t } = useT();
  const { draft, problems, update } = session;
  return (
    <>
      <TriggersEditor
        triggers={draft.triggers}
        workspace={workspace}
        problems={problems}
        onChange={(triggers) => update({ ...draft, triggers })}
      />
      <FiltersEditor
        legend={t('inspector.enrollment.filters')}
        filters={draft.filters}
        workspace={workspace}
        base="/filters"
        problems={problems}
        onChange={(filters) => update({ ...draft, filters })}
        emptyText={t('inspector.enrollment.noFilters')}
      />
      {chatRule && <ChatExclusionNote workflow={workflow} draft={draft} onChange={update} />}
      <div className="tf-group">
        <label className="tf-check">
          <input
            type="checkbox"
            role="switch"
            checked={draft.reenroll}
            onChange={(e) => update({ ...draft, reenroll: e.target.checked })}
          />
          <span>{t('inspector.enrollment.reenroll')}</span>
        </label>
        <p className="tf-field__hint">{t('inspector.enrollment.reenrollHint')}</p>
      </div>
      {enrolledLive !== null && risksUnexpectedEnrollment(enrolledLive, draft) && (
        <ReenrollWarning readOnly={readOnly} blocked={session.blocked} onCloneAndDelete={() => onCloneAndDelete(draft)} />
      )}
      <FiltersEditor
        legend={t('inspector.enrollment.unenroll')}
        filters={draft.unenroll}
        workspace={workspace}
        base="/unenroll"
        problems={problems}
        onChange={(unenroll) => update({ ...draft, unenroll })}
        emptyText={t('inspector.enrollment.noUnenroll')}
      />
    </>
  );
}
