import { useEffect, useState, type ReactNode } from 'react';
import type { FieldProblem } from '../common/problems';
import { TextField } from '../common/TextField';
import { fromInputTime, toInputTime } from './scenario-edit';

/**
 * A moment on the virtual clock, typed as a UTC date and time. While the text is incomplete the field
 * says what is wrong and reports null, so the form holding it cannot be saved.
 */
export function TimeField({
  label,
  value,
  onChange,
  problem,
  hint,
}: {
  label: ReactNode;
  value: string;
  onChange: (iso: string | null) => void;
  problem?: FieldProblem;
  hint?: ReactNode;
}) {
  const [text, setText] = useState(() => toInputTime(value));
  useEffect(() => {
    // Follow outside changes (a reorder that pulled the event between its neighbours' times).
    if (fromInputTime(text) !== value) setText(toInputTime(value));
    // Only a new value from outside resets the text, not every keystroke.
  }, [value]);
  const parsed = fromInputTime(text);
  const own: FieldProblem | undefined = parsed === null ? { pointer: '', key: 'sim.form.badTime', level: 'error' } : undefined;
  return (
    <TextField
      type="datetime-local"
      label={label}
      value={text}
      hint={hint}
      problem={own ?? problem}
      onChange={(next) => {
        setText(next);
        onChange(fromInputTime(next));
      }}
    />
  );
}
