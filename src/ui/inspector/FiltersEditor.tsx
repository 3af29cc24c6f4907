import { Plus, X } from 'lucide-react';
import {
  LIST_OPERATORS,
  VALUELESS_OPERATORS,
  type FilterCondition,
  type FilterGroup,
  type FilterProperty,
  type Filters,
  type Workspace,
} from '../../model';
import { CheckboxGroup } from '../common/CheckboxGroup';
import { ProblemText } from '../common/Field';
import { IconButton } from '../common/IconButton';
import { problemAt, type FieldProblem } from '../common/problems';
import { SelectField } from '../common/SelectField';
import { NumberField, TextAreaField, TextField } from '../common/TextField';
import { useT } from '../i18n';
import {
  FILTER_PROPERTIES,
  FILTER_PROPERTY_ORDER,
  fromDateInput,
  newCondition,
  operatorChoices,
  toDateInput,
  withOperator,
} from './filter-rules';
import { choicesFor } from './workspace-options';

interface ConditionProps {
  condition: FilterCondition;
  workspace: Workspace;
  /** "group 1, condition 2", appended to every control's label. */
  where: string;
  pointer: string;
  problems: readonly FieldProblem[];
  onChange: (c: FilterCondition) => void;
  onRemove: () => void;
}

/** The value input suited to the condition's property and operator. */
function ConditionValue({ condition: c, workspace, where, pointer, problems, onChange }: Omit<ConditionProps, 'onRemove'>) {
  const { t } = useT();
  if (VALUELESS_OPERATORS.includes(c.operator)) return null;
  const kind = FILTER_PROPERTIES[c.property].kind;
  const label = t('filters.value', { where });
  const problem = problemAt(problems, `${pointer}/value`);
  const set = (value: FilterCondition['value']) =>
    onChange(value === undefined ? { property: c.property, operator: c.operator } : { ...c, value });
  const choices = choicesFor(kind, workspace, t);
  if (choices && LIST_OPERATORS.includes(c.operator)) {
    return (
      <CheckboxGroup
        legend={label}
        hideLegend
        inline
        value={Array.isArray(c.value) ? c.value : []}
        options={choices}
        onChange={set}
        problem={problem}
      />
    );
  }
  if (kind === 'text' && LIST_OPERATORS.includes(c.operator)) {
    return (
      <TextAreaField
        label={label}
        hideLabel
        rows={3}
        value={Array.isArray(c.value) ? c.value.join('\n') : ''}
        onChange={(text) => set(text.split('\n'))}
        problem={problem}
        hint={t('filters.onePerLine')}
      />
    );
  }
  if (kind === 'boolean') {
    return (
      <SelectField
        label={label}
        hideLabel
        value={typeof c.value === 'boolean' ? String(c.value) : null}
        options={choices ?? []}
        onChange={(v) => set(v === null ? undefined : v === 'true')}
        problem={problem}
      />
    );
  }
  if (choices) {
    return (
      <SelectField
        label={label}
        hideLabel
        value={typeof c.value === 'string' ? c.value : null}
        options={choices}
        onChange={(v) => set(v ?? undefined)}
        problem={problem}
      />
    );
  }
  if (kind === 'number') {
    return (
      <NumberField
        label={label}
        hideLabel
        min={0}
        value={typeof c.value === 'number' ? c.value : Number.NaN}
        onChange={set}
        problem={problem}
        hint={t('filters.minutes')}
      />
    );
  }
  if (kind === 'date') {
    return (
      <TextField
        label={label}
        hideLabel
        type="datetime-local"
        value={toDateInput(c.value)}
        onChange={(text) => set(fromDateInput(text))}
        problem={problem}
        hint={t('filters.utc')}
      />
    );
  }
  return (
    <TextField
      label={label}
      hideLabel
      value={typeof c.value === 'string' ? c.value : ''}
      onChange={(text) => set(text)}
      problem={problem}
    />
  );
}

function ConditionRow(props: ConditionProps) {
  const { t } = useT();
  const { condition: c, where, pointer, problems, onChange, onRemove } = props;
  return (
    <div className="tf-condition">
      <SelectField
        label={t('filters.property', { where })}
        hideLabel
        value={c.property}
        options={FILTER_PROPERTY_ORDER.map((p) => ({ value: p, label: t(`filters.property.${p}`) }))}
        onChange={(p) => p && onChange(newCondition(p as FilterProperty))}
      />
      <SelectField
        label={t('filters.operator', { where })}
        hideLabel
        value={c.operator}
        options={operatorChoices(c).map((o) => ({ value: o, label: t(`filters.operator.${o}`) }))}
        onChange={(o) => o && onChange(withOperator(c, o as FilterCondition['operator']))}
        problem={problemAt(problems, `${pointer}/operator`)}
      />
      <ConditionValue {...props} />
      <IconButton icon={X} label={t('filters.removeCondition', { where })} onClick={onRemove} variant="danger" />
    </div>
  );
}

/**
 * Editor of filter groups: conditions inside a group must all hold (AND), and at least one group
 * must hold (OR). `base` is the JSON pointer of the filters in the edited object, used to find
 * each condition's problems; `problems` may also hold a problem at `base` itself.
 */
export function FiltersEditor({
  legend,
  filters,
  workspace,
  base,
  problems,
  onChange,
  emptyText,
}: {
  legend: string;
  filters: Filters;
  workspace: Workspace;
  base: string;
  problems: readonly FieldProblem[];
  onChange: (filters: Filters) => void;
  /** Shown when there are no groups (what an empty list means here). */
  emptyText: string;
}) {
  const { t } = useT();
  const setGroup = (gi: number, group: FilterGroup) => onChange(filters.map((g, i) => (i === gi ? group : g)));
  const groupProblem = problemAt(problems, base);
  return (
    <fieldset className="tf-filters">
      <legend className="tf-field__label">{legend}</legend>
      {filters.length === 0 && <p className="tf-field__hint">{emptyText}</p>}
      {filters.map((g, gi) => {
        const group = t('filters.group', { n: gi + 1 });
        return (
          <div key={gi} className="tf-filters__group-wrap">
            {gi > 0 && (
              <p className="tf-filters__or" aria-hidden>
                {t('filters.or')}
              </p>
            )}
            <div role="group" aria-label={group} className="tf-filters__group">
              {g.conditions.length === 0 && <p className="tf-field__hint">{t('filters.emptyGroup')}</p>}
              {g.conditions.map((c, ci) => (
                <div key={ci} className="tf-filters__condition">
                  <span className="tf-filters__joint" aria-hidden>
                    {ci === 0 ? t('filters.where') : t('filters.and')}
                  </span>
                  <ConditionRow
                    condition={c}
                    workspace={workspace}
                    where={t('filters.where.position', { group: gi + 1, condition: ci + 1 })}
                    pointer={`${base}/${gi}/conditions/${ci}`}
                    problems={problems}
                    onChange={(next) => setGroup(gi, { conditions: g.conditions.map((x, i) => (i === ci ? next : x)) })}
                    onRemove={() => setGroup(gi, { conditions: g.conditions.filter((_, i) => i !== ci) })}
                  />
                </div>
              ))}
              <div className="tf-filters__group-actions">
                <button
                  type="button"
                  className="tf-button"
                  aria-label={t('filters.addCondition.to', { group: gi + 1 })}
                  onClick={() => setGroup(gi, { conditions: [...g.conditions, newCondition('status')] })}
                >
                  <Plus size={14} aria-hidden />
                  {t('filters.addCondition')}
                </button>
                <button
                  type="button"
                  className="tf-button tf-button--danger"
                  aria-label={t('filters.removeGroup.named', { group: gi + 1 })}
                  onClick={() => onChange(filters.filter((_, i) => i !== gi))}
                >
                  {t('filters.removeGroup')}
                </button>
              </div>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="tf-button"
        onClick={() => onChange([...filters, { conditions: [newCondition('status')] }])}
      >
        <Plus size={14} aria-hidden />
        {filters.length === 0 ? t('filters.addGroup.first') : t('filters.addGroup')}
      </button>
      {groupProblem && <ProblemText problem={groupProblem} />}
    </fieldset>
  );
}
