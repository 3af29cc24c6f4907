import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { Field, ProblemText } from '../common/Field';
import { updateItem, type ItemOf, type ListKey } from '../../settings/workspace-edits';
import { problemAt, type FieldProblem } from '../common/problems';
import type { ApplyEdit } from './use-workspace-edit';

/**
 * A text, email or number input that holds what the user types and commits it on Enter or when
 * focus leaves (one edit, one undo step, rather than one per key). A refused value stays in the box
 * with its problem beside it; Escape brings the saved value back. With `rows` it is a text area,
 * where Enter adds a line and Ctrl+Enter commits.
 */
export function CommitField({
  label,
  value,
  onCommit,
  pointer,
  type = 'text',
  hint,
  hideLabel,
  className,
  rows,
}: {
  label: ReactNode;
  value: string;
  /** Tries the value; returns the problems (none when it was saved). */
  onCommit: (value: string) => FieldProblem[];
  /** Where in the workspace this field writes: the problem there is the one shown. */
  pointer: string;
  type?: 'text' | 'email' | 'number';
  hint?: ReactNode;
  hideLabel?: boolean;
  className?: string;
  rows?: number;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const commit = () => {
    if (draft === null) return;
    if (draft === value) {
      setDraft(null);
      setProblems([]);
      return;
    }
    const found = onCommit(draft);
    setProblems(found);
    if (found.length === 0) setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (rows === undefined || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    }
    if (e.key === 'Escape') {
      setDraft(null);
      setProblems([]);
    }
  };
  const problem = problemAt(problems, pointer) ?? problems[0];
  return (
    <Field label={label} hint={hint} problem={problem} hideLabel={hideLabel} className={className}>
      {(control) =>
        rows === undefined ? (
          <input
            {...control}
            className={`tf-input${type === 'number' ? ' tf-input--number' : ''}`}
            type={type}
            value={draft ?? value}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={onKeyDown}
          />
        ) : (
          <textarea
            {...control}
            className="tf-input tf-textarea"
            rows={rows}
            value={draft ?? value}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={onKeyDown}
          />
        )
      }
    </Field>
  );
}

/** The problems of an edit that is not a typed value (a checkbox, a button), shown as an alert. */
export function EditProblems({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="tf-settings__alert">
      {problems.map((p, i) => (
        <ProblemText key={`${p.pointer}-${i}`} problem={p} />
      ))}
    </div>
  );
}

/**
 * A typed text field of one row of a workspace list (a user's name, a channel's address), trimmed
 * and committed through the page's apply.
 */
export function ItemField({
  apply,
  list,
  id,
  index,
  field,
  value,
  label,
  type,
  hideLabel,
}: {
  apply: ApplyEdit;
  list: ListKey;
  id: string;
  index: number;
  field: 'name' | 'email';
  value: string;
  label: string;
  type?: 'text' | 'email';
  hideLabel?: boolean;
}) {
  const pointer = `/${list}/${index}/${field}`;
  return (
    <CommitField
      label={label}
      hideLabel={hideLabel}
      type={type}
      value={value}
      pointer={pointer}
      // Every list row has a name, and users an email: the patch fits whichever list this is.
      onCommit={(v) => apply((ws) => updateItem(ws, list, id, { [field]: v.trim() } as Partial<ItemOf<typeof list>>), pointer)}
    />
  );
}

/** A settings table: column headings, then the rows given as children. */
export function SettingsTable({ columns, children }: { columns: readonly string[]; children: ReactNode }) {
  return (
    <table className="tf-settings__table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
