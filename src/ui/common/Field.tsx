import { useId, type ReactNode } from 'react';
import { useT } from '../i18n';
import type { FieldProblem } from './problems';
import './common.css';

/** Attributes that wire a control to its label, hint and problem text. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** The translated text of a field problem, styled by its level. */
export function ProblemText({ id, problem }: { id?: string; problem: FieldProblem }) {
  const { t, problemText } = useT();
  const params = problem.problem ? { ...problem.params, message: problemText(problem.problem) } : problem.params;
  return (
    <p id={id} className={`tf-problem tf-problem--${problem.level}`}>
      {t(problem.key, params)}
    </p>
  );
}

/**
 * A labelled form field: renders the label, the control (through `children`, which receives the
 * id and aria attributes to spread on it), an optional hint and the field's problem, if any.
 */
export function Field({
  label,
  hint,
  problem,
  hideLabel,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  problem?: FieldProblem;
  /** Keeps the label for assistive technology only (compact rows where context shows what it is). */
  hideLabel?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [problemId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['tf-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'tf-visually-hidden' : 'tf-field__label'}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': problem?.level === 'error' || undefined })}
      {hint && (
        <p id={hintId} className="tf-field__hint">
          {hint}
        </p>
      )}
      {problem && <ProblemText id={problemId} problem={problem} />}
    </div>
  );
}
