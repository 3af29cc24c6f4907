import { CommentsArea } from './CommentsArea';
import { InspectorArea } from './InspectorArea';
import type { PanelTab } from './PanelTabs';
import { ProblemsArea } from './ProblemsArea';

/** Tabs of the right area; the JSON view joins here. */
export const RIGHT_TABS: readonly PanelTab[] = [
  { id: 'inspector', labelKey: 'shell.tab.inspector', render: () => <InspectorArea /> },
  { id: 'comments', labelKey: 'shell.tab.comments', render: () => <CommentsArea /> },
];

/** Tabs of the bottom area; the simulation panel joins here. */
export const BOTTOM_TABS: readonly PanelTab[] = [{ id: 'problems', labelKey: 'shell.tab.problems', render: () => <ProblemsArea /> }];
