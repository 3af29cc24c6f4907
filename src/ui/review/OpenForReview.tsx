import { FileSearch } from 'lucide-react';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { Problem } from '../../document';
import type { WorkflowDocument, Workspace } from '../../model';
import { readForReview, type ReviewFile } from '../../review/open-for-review';
import { readDocumentFile } from '../files/read-file';
import { useT } from '../i18n';
import '../i18n/review';
import './review.css';

/**
 * "Open a file for review": picks a workflow file, reads it like any import, and hands the
 * document to the shell, which adds it and opens it in review mode. A file that cannot be read
 * changes nothing; its problems are listed here, each with where it is.
 */
export function OpenForReview({
  workspace,
  existingIds,
  onOpen,
}: {
  workspace: Workspace;
  /** Ids of the workflows already in the workspace (the reviewed copy never takes one of them). */
  existingIds: readonly string[];
  onOpen: (document: WorkflowDocument, details: Extract<ReviewFile, { ok: true }>) => void;
}) {
  const { t, problemText } = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<{ file: string; problems: Problem[] } | null>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const read = await readDocumentFile(file);
    if (!read.ok) {
      setFailure({ file: file.name, problems: [read.problem] });
      return;
    }
    const result = readForReview(read.text, workspace, existingIds);
    if (!result.ok) {
      setFailure({ file: file.name, problems: result.problems });
      return;
    }
    setFailure(null);
    onOpen(result.document, result);
  };
  return (
    <div className="tf-open-review">
      <input ref={input} id={id} type="file" accept=".json,application/json" className="tf-visually-hidden" tabIndex={-1} onChange={onFile} />
      <button type="button" className="tf-button" onClick={() => input.current?.click()}>
        <FileSearch size={16} aria-hidden /> {t('review.open.button')}
      </button>
      {failure && (
        <div role="alert" className="tf-problem tf-problem--error">
          <p>{t('review.open.failed', { file: failure.file })}</p>
          <ul>
            {failure.problems.map((p, i) => (
              <li key={i}>
                {p.path && <code>{p.path}</code>} {problemText(p)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
