import type { ReactNode } from 'react';
import { Field } from './Field';
import type { FieldProblem } from './problems';

interface TextProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  problem?: FieldProblem;
  hideLabel?: boolean;
  className?: string;
  placeholder?: string;
}

/** A labelled one-line text input. */
export function TextField({ type = 'text', ...p }: TextProps & { type?: 'text' | 'url' | 'time' | 'datetime-local' }) {
  return (
    <Field label={p.label} hint={p.hint} problem={p.problem} hideLabel={p.hideLabel} className={p.className}>
      {(control) => (
        <input
          {...control}
          className="tf-input"
          type={type}
          value={p.value}
          placeholder={p.placeholder}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled multi-line text input (Enter adds a line; it never submits the form). */
export function TextAreaField({ rows = 5, ...p }: TextProps & { rows?: number }) {
  return (
    <Field label={p.label} hint={p.hint} problem={p.problem} hideLabel={p.hideLabel} className={p.className}>
      {(control) => (
        <textarea
          {...control}
          className="tf-input tf-textarea"
          rows={rows}
          value={p.value}
          placeholder={p.placeholder}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A labelled number input. What the user typed reaches `onChange` as a number, NaN when it is
 * not one (empty or garbled), so the schema can name the problem instead of the value vanishing.
 */
export function NumberField({
  value,
  onChange,
  min,
  step = 1,
  ...p
}: Omit<TextProps, 'value' | 'onChange'> & { value: number; onChange: (value: number) => void; min?: number; step?: number }) {
  return (
    <Field label={p.label} hint={p.hint} problem={p.problem} hideLabel={p.hideLabel} className={p.className}>
      {(control) => (
        <input
          {...control}
          className="tf-input tf-input--number"
          type="number"
          inputMode="numeric"
          min={min}
          step={step}
          value={Number.isNaN(value) ? '' : value}
          onChange={(e) => onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value))}
        />
      )}
    </Field>
  );
}
