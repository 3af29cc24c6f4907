import { Plus } from 'lucide-react';
import type { BranchAction } from '../../actions';
import { problemAt, type FieldProblem } from '../common/problems';
import { TextField } from '../common/TextField';
import { useT } from '../i18n';
import { FiltersEditor } from './FiltersEditor';
import { freshPathId, PathList } from './PathList';
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
      <button
        type="button"
        className="tf-button"
        disabled={paths.length >= MAX_PATHS}
        onClick={() =>
          setPaths([
            ...paths,
            {
              id: freshPathId(paths, 'p'),
              label: t('inspector.branch.pathN', { n: paths.length + 1 }),
              filters: [{ conditions: [] }],
              next: null,
            },
          ])
        }
      >
        <Plus size={14} aria-hidden />
        {t('inspector.branch.add')}
      </button>
      <TextField
        label={t('inspector.branch.defaultLabel')}
        value={draft.defaultLabel}
        onChange={(defaultLabel) => onChange({ ...draft, defaultLabel })}
        problem={problemAt(shown, '/defaultLabel')}
        hint={t('inspector.branch.defaultHint')}
      />
    </>
  );
}
