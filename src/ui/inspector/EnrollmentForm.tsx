import { TriangleAlert } from 'lucide-react';
import type { Enrollment, Workspace } from '../../model';
import { sameValue } from '../common/same-value';
import { useT } from '../i18n';
import { FiltersEditor } from './FiltersEditor';
import { TriggersEditor } from './TriggersEditor';
import type { EditSession } from './use-edit-session';

/**
 * Whether saving the draft risks unexpected enrollments [S-reenroll]: the triggers changed, or
 * re-enrollment is being turned on.
 */
export function risksUnexpectedEnrollment(saved: Enrollment, draft: Enrollment): boolean {
  return !sameValue(saved.triggers, draft.triggers) || (draft.reenroll && !saved.reenroll);
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

/** Enrollment: triggers, filters, re-enrollment and unenrollment criteria. */
export function EnrollmentForm({
  session,
  workspace,
  readOnly,
  onCloneAndDelete,
}: {
  session: EditSession<Enrollment>;
  workspace: Workspace;
  readOnly: boolean;
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
      {risksUnexpectedEnrollment(session.base, draft) && (
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
