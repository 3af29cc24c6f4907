import { useId, type ReactNode } from 'react';
import { ProblemText } from './Field';
import type { FieldProblem } from './problems';
import type { Option } from './SelectField';

/** A labelled group of radio buttons choosing one value. */
export function RadioGroup({
  legend,
  value,
  options,
  onChange,
  problem,
}: {
  legend: ReactNode;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  problem?: FieldProblem;
}) {
  const id = useId();
  return (
    <fieldset className="tf-checks" aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend className="tf-field__label">{legend}</legend>
      <div className="tf-checks__items">
        {options.map((o) => (
          <label key={o.value} className="tf-check">
            <input type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {problem && <ProblemText id={`${id}-problem`} problem={problem} />}
    </fieldset>
  );
}
