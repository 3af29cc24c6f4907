import { useState, type FormEvent } from 'react';
import type { FieldProblem } from '../common/problems';
import { EditProblems } from './CommitField';

/** One input of an add form: a text box, or a select when it has options. */
export interface AddField {
  key: string;
  label: string;
  type?: 'text' | 'email';
  options?: readonly { value: string; label: string }[];
  initial?: string;
}

/**
 * A one-line form that adds a row (a user, a team, a channel, a status): it holds the typed values,
 * hands them to `onAdd`, shows the problems it returns, and empties its text boxes once the row is in.
 */
export function AddForm({
  label,
  fields,
  onAdd,
}: {
  /** The submit button's text and the form's name. */
  label: string;
  fields: readonly AddField[];
  /** Adds the row; returns the problems (none when it was added). */
  onAdd: (values: Record<string, string>) => FieldProblem[];
}) {
  const initial = () => Object.fromEntries(fields.map((f) => [f.key, f.initial ?? f.options?.[0]?.value ?? '']));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = onAdd(values);
    setProblems(found);
    // Keep the chosen options (the next row is often of the same kind); clear what was typed.
    if (found.length === 0) setValues((v) => ({ ...v, ...Object.fromEntries(fields.filter((f) => !f.options).map((f) => [f.key, ''])) }));
  };
  return (
    <form className="tf-settings__add" aria-label={label} onSubmit={submit}>
      {fields.map((f) => (
        <label key={f.key} className="tf-field">
          <span className="tf-field__label">{f.label}</span>
          {f.options ? (
            <select className="tf-input" value={values[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input className="tf-input" type={f.type ?? 'text'} value={values[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
          )}
        </label>
      ))}
      <button type="submit" className="tf-button">
        {label}
      </button>
      <EditProblems problems={problems} />
    </form>
  );
}
