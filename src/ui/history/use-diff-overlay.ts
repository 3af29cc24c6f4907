import { useMemo } from 'react';
import { diffMarks, selectAgainstDocument, selectViewDiff } from '../../store/history-view';
import { useApp } from '../../store/store';
import { effectiveLayout, type DiffOverlay } from '../canvas/flow-model';

/** The canvas's diff overlay while the history shows a revision (null otherwise). */
export function useDiffOverlay(): DiffOverlay | null {
  const diff = useApp(selectViewDiff);
  const against = useApp(selectAgainstDocument);
  return useMemo(() => {
    if (!diff || !against) return null;
    const positions = diff.removed.length ? effectiveLayout(against.workflow, against.layout).positions : {};
    return {
      marks: diffMarks(diff),
      ghosts: diff.removed.map((a) => ({ id: a.id, kind: a.kind, position: positions[a.id] ?? { x: 0, y: 0 } })),
    };
  }, [diff, against]);
}
