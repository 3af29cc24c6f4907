import { useMemo } from 'react';
import type { Workflow } from '../../model';
import { useApp } from '../../store/store';
import { useT } from '../i18n';
import '../i18n/simulation';
import type { WorkflowVersion } from './CompareView';
import { SimulationPanel } from './SimulationPanel';

/**
 * The simulation panel wired to the application store: the workspace, every workflow in list order,
 * the open workflow, and its undo steps as versions to compare with. Review mode runs scenarios
 * without editing them.
 */
export function SimulationArea() {
  const { t } = useT();
  const workspace = useApp((s) => s.workspace);
  const documents = useApp((s) => s.documents);
  const order = useApp((s) => s.order);
  const openId = useApp((s) => s.openId);
  const history = useApp((s) => (s.openId ? s.histories[s.openId] : undefined));
  const review = useApp((s) => s.reviewMode);
  const workflows = useMemo<Workflow[]>(() => order.flatMap((id) => (documents[id] ? [documents[id].workflow] : [])), [documents, order]);
  const versions = useMemo<WorkflowVersion[]>(
    () =>
      [...(history?.past ?? [])]
        .reverse()
        .map((entry, i) => ({ id: `undo-${entry.seq}`, label: t('sim.compare.undoVersion', { n: i + 1, change: t(entry.label) }), workflow: entry.doc.workflow })),
    [history, t],
  );
  return <SimulationPanel workspace={workspace} workflows={workflows} currentWorkflowId={openId} versions={versions} readOnly={review} />;
}
