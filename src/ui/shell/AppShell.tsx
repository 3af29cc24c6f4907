import { ReactFlowProvider } from '@xyflow/react';
import { PanelBottom, PanelLeft, PanelRight } from 'lucide-react';
import { selectOpenDoc } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { Canvas } from '../canvas/Canvas';
import { CommentBox } from '../canvas/CommentBox';
import { DeleteDialogs } from '../canvas/DeleteDialogs';
import { Palette } from '../canvas/Palette';
import { useT } from '../i18n';
import '../i18n/canvas';
import { ReviewBanner } from '../review/ReviewBanner';
import { useTheme } from '../theme/theme';
import { Header } from './Header';
import { Notices } from './Notices';
import { PanelTabs } from './PanelTabs';
import { StorageBanner } from './StorageBanner';
import { BOTTOM_TABS, RIGHT_TABS } from './tabs';
import { useShortcuts } from './use-shortcuts';
import { WorkflowsArea } from './WorkflowsArea';

/**
 * The application frame: header; palette and workflow list on the left; the canvas in the centre;
 * tabbed areas on the right (inspector, comments) and at the bottom (problems), where later
 * features add their tabs.
 */
export function AppShell() {
  const { t } = useT();
  const store = useAppStore();
  const panels = useApp((s) => s.panels);
  const loaded = useApp((s) => s.loaded);
  const review = useApp((s) => s.reviewMode);
  const workflowName = useApp((s) => selectOpenDoc(s)?.workflow.name ?? '');
  const openThreads = useApp((s) => (selectOpenDoc(s)?.comments ?? []).filter((c) => !c.resolved).length);
  useTheme(useApp((s) => s.theme));
  useShortcuts(store);
  const toggle = (area: 'left' | 'right' | 'bottom') => store.getState().setPanels({ [area]: !panels[area] });

  return (
    <ReactFlowProvider>
      <div
        className="tf-app"
        data-left={panels.left}
        data-right={panels.right}
        data-bottom={panels.bottom}
        data-review={review}
      >
        <Header />
        <div className="tf-app__banners">
          <StorageBanner />
          {review && (
            <ReviewBanner
              workflowName={workflowName}
              openThreads={openThreads}
              onShowComments={() => store.getState().setPanels({ right: true, rightTab: 'comments' })}
              onExit={() => store.getState().setReviewMode(false)}
            />
          )}
        </div>
        <nav className="tf-app__toggles" aria-label={t('shell.panels')}>
          <PanelToggle icon={PanelLeft} label={t('shell.panel.left')} on={panels.left} onClick={() => toggle('left')} />
          <PanelToggle icon={PanelBottom} label={t('shell.panel.bottom')} on={panels.bottom} onClick={() => toggle('bottom')} />
          <PanelToggle icon={PanelRight} label={t('shell.panel.right')} on={panels.right} onClick={() => toggle('right')} />
        </nav>
        {panels.left && (
          <aside className="tf-app__left" aria-label={t('shell.area.left')}>
            <Palette />
            <WorkflowsArea />
          </aside>
        )}
        <main className="tf-app__centre" aria-label={t('shell.area.canvas')}>
          {loaded ? <Canvas /> : <p className="tf-empty">{t('shell.loading')}</p>}
          <CommentBox />
        </main>
        {panels.right && (
          <aside className="tf-app__right" aria-label={t('shell.area.right')}>
            <PanelTabs area="right" tabs={RIGHT_TABS} />
          </aside>
        )}
        {panels.bottom && (
          <section className="tf-app__bottom" aria-label={t('shell.area.bottom')}>
            <PanelTabs area="bottom" tabs={BOTTOM_TABS} />
          </section>
        )}
        <Notices />
        <DeleteDialogs />
      </div>
    </ReactFlowProvider>
  );
}

function PanelToggle({ icon: Icon, label, on, onClick }: { icon: typeof PanelLeft; label: string; on: boolean; onClick: () => void }) {
  return (
    <button type="button" className="tf-icon-button" aria-pressed={on} aria-label={label} title={label} onClick={onClick}>
      <Icon size={16} aria-hidden />
    </button>
  );
}
