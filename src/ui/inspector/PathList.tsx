import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { IconButton } from '../common/IconButton';
import { problemAt, type FieldProblem } from '../common/problems';
import { TextField } from '../common/TextField';
import { useT } from '../i18n';

/** What every path of a several-path action has: an id, a label and the action it continues at. */
export interface PathLike {
  id: string;
  label: string;
  next: string | null;
}

/** A path id not used by the action yet: `${prefix}1`, `${prefix}2`, ... */
export function freshPathId(paths: readonly PathLike[], prefix: string): string {
  const used = new Set(paths.map((p) => p.id));
  let n = paths.length + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * The paths of a several-path action, each in its own titled section with a remove button (refused,
 * with the reason, for the last path or one that still has actions) and, where order matters, move
 * buttons. `children` gives each path's own fields.
 */
export function PathList<P extends PathLike>({
  paths,
  onChange,
  reorder = false,
  children,
}: {
  paths: readonly P[];
  onChange: (paths: P[]) => void;
  reorder?: boolean;
  children: (path: P, index: number) => ReactNode;
}) {
  const { t } = useT();
  const swap = (i: number, j: number) => {
    const next = [...paths];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  return (
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
                {reorder && (
                  <>
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
                  </>
                )}
                <IconButton
                  icon={Trash2}
                  variant="danger"
                  label={t('inspector.branch.remove', { name })}
                  disabled={removeReason !== undefined}
                  reason={removeReason}
                  onClick={() => onChange(paths.filter((_, j) => j !== i))}
                />
              </div>
              {children(p, i)}
            </section>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Below a path list: the button that adds a path (`make` gets the new path's id and default label),
 * refused past `max` with `maxReason` when there is one, and the default path's label field.
 */
export function PathListEnd<P extends PathLike>({
  paths,
  onChange,
  max,
  maxReason,
  idPrefix,
  make,
  addText,
  defaultLabel,
  onDefaultLabel,
  defaultHint,
  problems,
}: {
  paths: readonly P[];
  onChange: (paths: P[]) => void;
  max: number;
  maxReason?: string;
  idPrefix: string;
  make: (id: string, label: string) => P;
  addText: string;
  defaultLabel: string;
  onDefaultLabel: (label: string) => void;
  defaultHint: string;
  problems: readonly FieldProblem[];
}) {
  const { t } = useT();
  const full = paths.length >= max;
  return (
    <>
      <button
        type="button"
        className="tf-button"
        disabled={full}
        title={full ? maxReason : undefined}
        onClick={() => onChange([...paths, make(freshPathId(paths, idPrefix), t('inspector.branch.pathN', { n: paths.length + 1 }))])}
      >
        <Plus size={14} aria-hidden />
        {addText}
      </button>
      <TextField
        label={t('inspector.branch.defaultLabel')}
        value={defaultLabel}
        onChange={onDefaultLabel}
        problem={problemAt(problems, '/defaultLabel')}
        hint={defaultHint}
      />
    </>
  );
}
