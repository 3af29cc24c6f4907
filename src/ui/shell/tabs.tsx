import { lazy, Suspense } from 'react';
import { loadValidators } from '../../document/schema-validation';
import { HistoryArea } from '../history/HistoryArea';
import { CommentsArea } from './CommentsArea';
import { InspectorArea } from './InspectorArea';
import { JsonArea } from './JsonArea';
import type { PanelTab } from './PanelTabs';
import { ProblemsArea } from './ProblemsArea';

// The simulation panel (and the engine behind it) loads when its tab first opens, not before first
// paint. It checks scenarios as they are edited or imported, so it waits for the schema validators too.
const SimulationArea = lazy(() =>
  Promise.all([import('../simulation/SimulationArea'), loadValidators()]).then(([m]) => ({ default: m.SimulationArea })),
);

/** Tabs of the right area. */
export const RIGHT_TABS: readonly PanelTab[] = [
  { id: 'inspector', labelKey: 'shell.tab.inspector', render: () => <InspectorArea /> },
  { id: 'comments', labelKey: 'shell.tab.comments', render: () => <CommentsArea /> },
  { id: 'json', labelKey: 'shell.tab.json', render: () => <JsonArea /> },
  { id: 'history', labelKey: 'shell.tab.history', render: () => <HistoryArea /> },
];

/** Tabs of the bottom area. */
export const BOTTOM_TABS: readonly PanelTab[] = [
  { id: 'problems', labelKey: 'shell.tab.problems', render: () => <ProblemsArea /> },
  {
    id: 'simulation',
    labelKey: 'shell.tab.simulation',
    render: () => (
      <Suspense fallback={null}>
        <SimulationArea />
      </Suspense>
    ),
  },
];
