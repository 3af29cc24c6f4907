import type { Action } from '../../actions';
import type { FieldChange, WorkflowDiff } from '../../graph';
import { useT } from '../i18n';
import '../i18n/versions';

const MAX_FIELDS = 6;

/** The changed fields' paths, shortened for a line ("/subject, /next"). */
export function fieldList(fields: readonly FieldChange[]): string {
  const paths = fields.map((f) => f.path || '/');
  return paths.length > MAX_FIELDS ? `${paths.slice(0, MAX_FIELDS).join(', ')}, …` : paths.join(', ');
}

/**
 * A diff as lists: added, removed and changed actions (with their changed fields), and the
 * enrollment and workflow settings that changed. Used by the publish dialog and the history panel.
 */
export function DiffList({ diff }: { diff: WorkflowDiff }) {
  const { t } = useT();
  const name = (a: Action) => t('versions.diff.action', { kind: t(`kind.${a.kind}`), id: a.id });
  if (diff.count === 0) return <p className="tf-field__hint">{t('versions.diff.same')}</p>;
  return (
    <div className="tf-diff-list">
      {diff.enrollment.length > 0 && <p className="tf-diff-list__line tf-diff-list__line--changed">{t('versions.diff.enrollment', { fields: fieldList(diff.enrollment) })}</p>}
      {diff.workflow.length > 0 && <p className="tf-diff-list__line tf-diff-list__line--changed">{t('versions.diff.workflow', { fields: fieldList(diff.workflow) })}</p>}
      <Section title={t('versions.diff.added')} tone="added" items={diff.added.map((a) => ({ id: a.id, text: name(a) }))} />
      <Section title={t('versions.diff.removed')} tone="removed" items={diff.removed.map((a) => ({ id: a.id, text: name(a) }))} />
      <Section
        title={t('versions.diff.changed')}
        tone="changed"
        items={diff.changed.map((c) => ({ id: c.id, text: t('versions.diff.fields', { action: name(c.after), fields: fieldList(c.fields) }) }))}
      />
    </div>
  );
}

function Section({ title, tone, items }: { title: string; tone: string; items: { id: string; text: string }[] }) {
  if (!items.length) return null;
  return (
    <section aria-label={title}>
      <h4 className="tf-diff-list__title">
        {title} ({items.length})
      </h4>
      <ul className={`tf-diff-list__items tf-diff-list__items--${tone}`}>
        {items.map((x) => (
          <li key={x.id}>{x.text}</li>
        ))}
      </ul>
    </section>
  );
}
