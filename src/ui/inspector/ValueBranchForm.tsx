import type { Translate, ValueBranchAction } from '../../actions';
import { VALUE_BRANCH_MAX_PATHS, ValueBranchPropertySchema } from '../../actions/value-branch';
import type { Workspace } from '../../model';
import { problemAt } from '../common/problems';
import { SelectField, type Option } from '../common/SelectField';
import { TextField } from '../common/TextField';
import { useT } from '../i18n';
import { PathList, PathListEnd } from './PathList';
import type { ActionFormProps } from './types';
import { channelKindOptions, priorityOptions, statusOptions, userOptions } from './workspace-options';

type Path = ValueBranchAction['paths'][number];

/** The values the property can take, as choices. */
function valueOptions(property: ValueBranchAction['property'], ws: Workspace, t: Translate): Option[] {
  if (property === 'status') return statusOptions(ws);
  if (property === 'owner') return userOptions(ws, t);
  if (property === 'priority') return priorityOptions(t);
  return channelKindOptions(t);
}

/** Value branch: a ticket property, one path per value (each value once), and the default path's label. */
export function ValueBranchForm({ draft, onChange, problems, workspace }: ActionFormProps<ValueBranchAction>) {
  const { t } = useT();
  const paths = draft.paths;
  const options = valueOptions(draft.property, workspace, t);
  const setPaths = (next: Path[]) => onChange({ ...draft, paths: next });
  const setPath = (i: number, path: Path) => setPaths(paths.map((p, j) => (j === i ? path : p)));
  const labelOf = (value: string | null) => options.find((o) => o.value === value)?.label;
  return (
    <>
      <SelectField
        label={t('inspector.valueBranch.property')}
        value={draft.property}
        options={ValueBranchPropertySchema.options.map((p) => ({
          value: p,
          label: t(`valueBranch.property.${p}`),
        }))}
        onChange={(p) =>
          p &&
          p !== draft.property &&
          onChange({
            ...draft,
            property: p as ValueBranchAction['property'],
            paths: paths.map((x) => ({ ...x, value: null })),
          })
        }
        hint={t('inspector.valueBranch.propertyHint')}
        problem={problemAt(problems, '/property')}
      />
      <PathList paths={paths} onChange={setPaths}>
        {(p, i) => (
          <>
            <SelectField
              label={t('inspector.valueBranch.value')}
              value={p.value}
              options={options}
              placeholder={t('inspector.valueBranch.choose')}
              onChange={(value) => {
                // The label follows the value while it is the default one: no value yet, or the old value's name.
                const follows = p.value === null || p.label === labelOf(p.value);
                setPath(i, {
                  ...p,
                  value,
                  label: follows && value ? (labelOf(value) ?? p.label) : p.label,
                });
              }}
              problem={problemAt(problems, `/paths/${i}/value`)}
            />
            <TextField
              label={t('inspector.branch.label')}
              value={p.label}
              onChange={(label) => setPath(i, { ...p, label })}
              problem={problemAt(problems, `/paths/${i}/label`)}
            />
          </>
        )}
      </PathList>
      <PathListEnd
        paths={paths}
        onChange={setPaths}
        max={VALUE_BRANCH_MAX_PATHS}
        maxReason={t('inspector.valueBranch.max', { max: VALUE_BRANCH_MAX_PATHS })}
        idPrefix="v"
        make={(id, label) => ({ id, label, value: null, next: null })}
        addText={t('inspector.valueBranch.add')}
        defaultLabel={draft.defaultLabel}
        onDefaultLabel={(defaultLabel) => onChange({ ...draft, defaultLabel })}
        defaultHint={t('inspector.valueBranch.defaultHint')}
        problems={problems}
      />
    </>
  );
}
