import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { Field } from './Field';
import type { FieldProblem } from './problems';

/** One choice of a select. */
export interface Option {
  value: string;
  label: string;
  /** Options with the same group are shown under that heading. */
  group?: string;
}

/** The options in order, gathered under their group headings (ungrouped first). */
function grouped(options: readonly Option[]): { group?: string; options: Option[] }[] {
  const out: { group?: string; options: Option[] }[] = [];
  for (const o of options) {
    const last = out[out.length - 1];
    if (last && last.group === o.group) last.options.push(o);
    else out.push({ group: o.group, options: [o] });
  }
  return out;
}

/**
 * A labelled select over known choices. `value` null shows the `placeholder` choice (which maps
 * back to null); a value that is not among the options (a reference to something missing from
 * the workspace) stays visible as "Unknown: <value>" instead of being silently replaced.
 */
export function SelectField({
  label,
  value,
  options,
  onChange,
  placeholder,
  hint,
  problem,
  hideLabel,
  className,
}: {
  label: ReactNode;
  value: string | null;
  options: readonly Option[];
  onChange: (value: string | null) => void;
  /** Text of the "nothing chosen" choice; without it, null is not selectable. */
  placeholder?: string;
  hint?: ReactNode;
  problem?: FieldProblem;
  hideLabel?: boolean;
  className?: string;
}) {
  const { t } = useT();
  const unknown = value !== null && !options.some((o) => o.value === value);
  return (
    <Field label={label} hint={hint} problem={problem} hideLabel={hideLabel} className={className}>
      {(control) => (
        <select
          {...control}
          className="tf-input"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        >
          {(placeholder !== undefined || value === null) && <option value="">{placeholder ?? t('common.choose')}</option>}
          {unknown && <option value={value}>{t('common.unknownValue', { value })}</option>}
          {grouped(options).map((g, i) =>
            g.group === undefined ? (
              g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))
            ) : (
              <optgroup key={`${g.group}-${i}`} label={g.group}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      )}
    </Field>
  );
}
