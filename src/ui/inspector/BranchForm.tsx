import type { BranchAction } from '../../actions';
import { problemAt, type FieldProblem } from '../common/problems';
import { TextField } from '../common/TextField';
import { useT } from '../i18n';
import { FiltersEditor } from './FiltersEditor';
import { PathList, PathListEnd } from './PathList';
import type { ActionFormProps } from './types';

type Path = BranchAction['paths'][number];

/** The most paths a branch may have (the schema's limit). */
const MAX_PATHS = 20;

/** A path whose filters still have an empty group reads better as "add a condition" than "choose a value". */
function withPathHints(problems: readonly FieldProblem[]): FieldProblem[] {
  return problems.map((p) =>
    p.level === 'incomplete' && /^\/paths\/\d+\/filters$/.test(p.pointer) ? { ...p, key: 'inspector.branch.needsCondition' } : p,
  );
}

/**
 * Branch: ordered paths (the first whose filters hold wins), each with a label and filter
 * groups, plus the default path's label. Links (each path's next action) move with their path.
 */
export function BranchForm({ draft, onChange, problems, workspace }: ActionFormProps<BranchAction>) {
  const { t } = useT();
  const paths = draft.paths;
  const shown = withPathHints(problems);
  const setPaths = (next: Path[]) => onChange({ ...draft, paths: next });
  const setPath = (i: number, path: Path) => setPaths(paths.map((p, j) => (j === i ? path : p)));
  return (
    <>
      <p className="tf-field__hint">{t('inspector.branch.intro')}</p>
      <PathList paths={paths} onChange={setPaths} reorder>
        {(p, i) => (
          <>
            <TextField
              label={t('inspector.branch.label')}
              value={p.label}
              onChange={(label) => setPath(i, { ...p, label })}
              problem={problemAt(shown, `/paths/${i}/label`)}
            />
            <FiltersEditor
              legend={t('inspector.branch.when')}
              filters={p.filters}
              workspace={workspace}
              base={`/paths/${i}/filters`}
              problems={shown}
              onChange={(filters) => setPath(i, { ...p, filters })}
              emptyText={t('inspector.branch.noGroups')}
            />
          </>
        )}
      </PathList>
      <PathListEnd
        paths={paths}
        onChange={setPaths}
        max={MAX_PATHS}
        idPrefix="p"
        make={(id, label) => ({ id, label, filters: [{ conditions: [] }], next: null })}
        addText={t('inspector.branch.add')}
        defaultLabel={draft.defaultLabel}
        onDefaultLabel={(defaultLabel) => onChange({ ...draft, defaultLabel })}
        defaultHint={t('inspector.branch.defaultHint')}
        problems={shown}
      />
    </>
  );
}
