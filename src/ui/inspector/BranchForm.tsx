import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import type { BranchAction } from '../../actions';
import { IconButton } from '../common/IconButton';
import { problemAt, type FieldProblem } from '../common/problems';
import { TextField } from '../common/TextField';
import { useT } from '../i18n';
import { FiltersEditor } from './FiltersEditor';
import type { ActionFormProps } from './types';

type Path = BranchAction['paths'][number];

/** The most paths a branch may have (the schema's limit). */
const MAX_PATHS = 20;

/** A path id not used by the branch yet: p1, p2, ... */
function freshPathId(paths: readonly Path[]): string {
  const used = new Set(paths.map((p) => p.id));
  let n = paths.length + 1;
  while (used.has(`p${n}`)) n++;
  return `p${n}`;
}

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
  const swap = (i: number, j: number) => {
    const next = [...paths];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setPaths(next);
  };
  return (
    <>
      <p className="tf-field__hint">{t('inspector.branch.intro')}</p>
      <ol className="tf-branch-paths">
        {paths.map((p, i) => {
          const name = p.label.trim() || t('inspector.branch.pathN', { n: i + 1 });
          const removeReason =
            paths.length === 1 ? t('inspector.branch.lastPath') : p.next !== null ? t('inspector.branch.pathHasActions') : undefined;
          return (
            <li key={p.id} className="tf-branch-path">
              <section aria-label={t('inspector.branch.pathTitle', { n: i + 1, name })}>
                <div className="tf-branch-path__head">
                  <h4>{t('inspector.branch.pathN', { n: i + 1 })}</h4>
                  <IconButton
                    icon={ArrowUp}
                    label={t('inspector.branch.moveUp', { name })}
                    disabled={i === 0}
                    onClick={() => swap(i, i - 1)}
                  />
                  <IconButton
                    icon={ArrowDown}
                    label={t('inspector.branch.moveDown', { name })}
                    disabled={i === paths.length - 1}
                    onClick={() => swap(i, i + 1)}
                  />
                  <IconButton
                    icon={Trash2}
                    variant="danger"
                    label={t('inspector.branch.remove', { name })}
                    disabled={removeReason !== undefined}
                    reason={removeReason}
                    onClick={() => setPaths(paths.filter((_, j) => j !== i))}
                  />
                </div>
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
              </section>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="tf-button"
        disabled={paths.length >= MAX_PATHS}
        onClick={() =>
          setPaths([
            ...paths,
            {
              id: freshPathId(paths),
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
