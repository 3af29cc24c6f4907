import { useCallback } from 'react';
import type { Problem } from '../../document/codes';
import { selectOpenDoc, selectOpenProblems, selectOpenUnchecked } from '../../store/selectors';
import { useApp, useAppStore, type AppStore } from '../../store/store';
import { ProblemsPanel } from '../problems/ProblemsPanel';

/** Selects and centres the bubble a problem is about, with its settings in the inspector (the problems panel, publish). */
export function revealProblem(store: AppStore, p: Problem): void {
  const s = store.getState();
  const doc = selectOpenDoc(s);
  if (p.actionId && doc?.workflow.actions.some((a) => a.id === p.actionId)) {
    s.revealNode(p.actionId);
    s.setPanels({ right: true, rightTab: 'inspector' });
  } else if (p.path.startsWith('/workflow/enrollment')) {
    s.revealNode('trigger');
    s.setPanels({ right: true, rightTab: 'inspector' });
  } else {
    // A problem of the workflow as a whole: its settings are what the inspector shows with nothing selected.
    s.select(null);
    s.setPanels({ right: true, rightTab: 'inspector' });
  }
}

/** The problems panel of the open workflow; picking a problem selects and centres its bubble. */
export function ProblemsArea() {
  const store = useAppStore();
  const problems = useApp(selectOpenProblems);
  const checking = useApp(selectOpenUnchecked);
  const workflow = useApp((s) => selectOpenDoc(s)?.workflow);
  const workspace = useApp((s) => s.workspace);
  const onSelect = useCallback((p: Problem) => revealProblem(store, p), [store]);
  return <ProblemsPanel problems={problems} onSelect={onSelect} workflow={workflow} workspace={workspace} checking={checking} />;
}
