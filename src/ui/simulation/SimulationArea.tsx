import { useEffect, useMemo, useState } from 'react';
import type { Workflow } from '../../model';
import { liveDocument, type VersionState } from '../../store/revisions';
import { useApp, useAppStore } from '../../store/store';
import { RadioGroup } from '../common/RadioGroup';
import { useT } from '../i18n';
import '../i18n/simulation';
import '../i18n/versions';
import type { WorkflowVersion } from './CompareView';
import { enrolledCounts } from './enrolled';
import { SimulationPanel } from './SimulationPanel';
import { useSimulationStore } from './simulation-store';

/** What a run takes for the open workflow: its live revision, or its draft in place of it (SPEC §10). */
export type RunSource = 'live' | 'draft';

/**
 * The workflows a run takes: the live revision of each workflow, in list order; with `draftOf`, that
 * workflow's draft in place of its live revision (or added, when nothing of it is live).
 */
export function runWorkflows(
  order: readonly string[],
  documents: Readonly<Record<string, { workflow: Workflow }>>,
  versions: Readonly<Record<string, VersionState>>,
  draftOf: string | null,
): Workflow[] {
  return order.flatMap((id) => {
    if (id === draftOf && documents[id]) return [documents[id].workflow];
    const live = liveDocument(versions[id]);
    return live && documents[id] ? [live.workflow] : [];
  });
}

/**
 * The simulation panel wired to the application store: the live revisions of the workspace's
 * workflows (or the open draft in place of its live revision), the open workflow, and its revisions
 * and draft as versions to compare on one scenario. Review mode runs scenarios without editing them.
 */
export function SimulationArea() {
  const { t } = useT();
  const store = useAppStore();
  const workspace = useApp((s) => s.workspace);
  const documents = useApp((s) => s.documents);
  const order = useApp((s) => s.order);
  const openId = useApp((s) => s.openId);
  const allVersions = useApp((s) => s.versions);
  const review = useApp((s) => s.reviewMode);
  const [source, setSource] = useState<RunSource>('live');
  const workflows = useMemo(
    () => runWorkflows(order, documents, allVersions, source === 'draft' ? openId : null),
    [order, documents, allVersions, source, openId],
  );
  const open = openId ? allVersions[openId] : undefined;
  const draft = openId ? documents[openId] : undefined;
  const versions = useMemo<WorkflowVersion[]>(() => {
    const list: WorkflowVersion[] = draft ? [{ id: 'draft', label: t('versions.compare.draft'), workflow: draft.workflow }] : [];
    for (const r of [...(open?.revisions ?? [])].reverse()) {
      const label = r.number === open?.published ? t('versions.compare.liveRevision', { number: r.number }) : t('versions.compare.revision', { number: r.number });
      list.push({ id: `revision-${r.number}`, label, workflow: r.document.workflow });
    }
    return list;
  }, [draft, open, t]);

  // [S-reenroll] What the live revisions enrolled in the last run, for the publish dialog's warning.
  useEffect(
    () =>
      useSimulationStore.subscribe(
        (s) => s.snapshot,
        (snapshot) => {
          const from = useSimulationStore.getState().loadedFrom;
          if (!snapshot || !from) return;
          const live = new Set(from.workflows.filter((w) => liveDocument(store.getState().versions[w.id])?.workflow === w).map((w) => w.id));
          const counts = enrolledCounts(snapshot.result);
          store.getState().setLastEnrolled(Object.fromEntries(Object.entries(counts).filter(([id]) => live.has(id))));
        },
      ),
    [store],
  );

  return (
    <>
      <RadioGroup
        legend={t('versions.sim.source')}
        value={source}
        options={[
          { value: 'live', label: t('versions.sim.live') },
          { value: 'draft', label: t('versions.sim.draft') },
        ]}
        onChange={(v) => setSource(v === 'draft' ? 'draft' : 'live')}
      />
      <SimulationPanel workspace={workspace} workflows={workflows} currentWorkflowId={openId} versions={versions} readOnly={review} />
    </>
  );
}
