import { useId, type ReactNode } from 'react';
import { useT } from '../i18n';
import { ProblemText } from './Field';
import type { FieldProblem } from './problems';
import type { Option } from './SelectField';

/**
 * A multi-select as a group of labelled checkboxes. Chosen values that are not among the options
 * (references missing from the workspace) are listed as "Unknown: <value>" so they can be unticked.
 */
export function CheckboxGroup({
  legend,
  value,
  options,
  onChange,
  hint,
  problem,
  hideLegend,
  inline,
}: {
  legend: ReactNode;
  value: readonly string[];
  options: readonly Option[];
  onChange: (value: string[]) => void;
  hint?: ReactNode;
  problem?: FieldProblem;
  hideLegend?: boolean;
  /** Lay the boxes out in a row (short labels such as weekdays). */
  inline?: boolean;
}) {
  const { t } = useT();
  const id = useId();
  const known = new Set(options.map((o) => o.value));
  const all: Option[] = [
    ...options,
    ...value.filter((v) => !known.has(v)).map((v) => ({ value: v, label: t('common.unknownValue', { value: v }) })),
  ];
  const toggle = (v: string, on: boolean) => {
    const chosen = new Set(value);
    if (on) chosen.add(v);
    else chosen.delete(v);
    // Keep the options' order so the saved list does not depend on click order.
    onChange(all.map((o) => o.value).filter((x) => chosen.has(x)));
  };
  const describedBy = [problem && `${id}-problem`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`tf-checks${inline ? ' tf-checks--inline' : ''}`} aria-describedby={describedBy}>
      <legend className={hideLegend ? 'tf-visually-hidden' : 'tf-field__label'}>{legend}</legend>
      <div className="tf-checks__items">
        {all.map((o) => (
          <label key={o.value} className="tf-check">
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="tf-field__hint">
          {hint}
        </p>
      )}
      {problem && <ProblemText id={`${id}-problem`} problem={problem} />}
    </fieldset>
  );
}
