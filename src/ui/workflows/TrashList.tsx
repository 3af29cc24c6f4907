import { RotateCcw, Trash2 } from 'lucide-react';
import type { TrashedWorkflow } from '../../store/document-slice';
import { useT } from '../i18n';
import './WorkflowList.css';

/** Props of the trash list. */
export interface TrashListProps {
  /** Deleted workflows, the latest first. */
  entries: readonly TrashedWorkflow[];
  onRestore: (id: string) => void;
  /** Removes an entry for good; absent where nothing can be (team mode: the server keeps every revision). */
  onPurge?: (id: string, deletedAt: string) => void;
}

/** Deleted workflows, each with when it went, Restore, and Delete for good where that exists; nothing while the trash is empty. */
export function TrashList({ entries, onRestore, onPurge }: TrashListProps) {
  const { t, tc, lang } = useT();
  if (entries.length === 0) return null;
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <details className="tf-wf-trash">
      <summary>{tc('workflows.trash.title', entries.length)}</summary>
      <ul className="tf-wf-trash__list" aria-label={t('workflows.trash.label')}>
        {entries.map((e) => {
          const { id, name } = e.doc.workflow;
          return (
            <li key={`${id}@${e.deletedAt}`} className="tf-wf-trash__row">
              <span className="tf-wf-trash__name">
                {name}
                <span className="tf-field__hint"> · {t('workflows.trash.deletedAt', { when: when.format(new Date(e.deletedAt)) })}</span>
              </span>
              <button type="button" className="tf-button" aria-label={t('workflows.trash.restore', { name })} onClick={() => onRestore(id)}>
                <RotateCcw size={14} aria-hidden /> {t('workflows.trash.restoreShort')}
              </button>
              {onPurge && (
                <button type="button" className="tf-button tf-button--danger" aria-label={t('workflows.trash.purge', { name })} onClick={() => onPurge(id, e.deletedAt)}>
                  <Trash2 size={14} aria-hidden />
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
