import { Maximize2, Minimize2, PanelBottom, PanelLeft, PanelRight } from 'lucide-react';
import { lazy, Suspense, useEffect, useState, type CSSProperties, type DragEvent } from 'react';
import { parseSettingsRoute } from '../../settings/route';
import { selectOpenDoc } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { Canvas } from '../canvas/Canvas';
import { CommentBox } from '../canvas/CommentBox';
import { DeleteDialogs } from '../canvas/DeleteDialogs';
import { Palette } from '../canvas/Palette';
import { PanelBoundary } from '../common/PanelBoundary';
import { useT } from '../i18n';
import '../i18n/canvas';
import { ReviewBanner } from '../review/ReviewBanner';
import { canEdit, useTeamSession } from '../../store/team-session';
import { useTheme } from '../theme/theme';
import { importFile } from '../files/file-actions';
import { ImportDialogs } from '../files/ImportDialogs';
import { focusCanvas } from './focus';
import { VersionDialogs } from '../history/VersionDialogs';
import { Header } from './Header';
import { Notices } from './Notices';
import { PanelTabs } from './PanelTabs';
import { PreviewBanner } from './PreviewBanner';
import { ShortcutSheet } from './ShortcutSheet';
import { Splitter } from './Splitter';
import './shell.css';
import { StorageBanner } from './StorageBanner';
import { BOTTOM_TABS, RIGHT_TABS } from './tabs';
import { useShortcuts } from './use-shortcuts';
import { WorkflowsArea } from './WorkflowsArea';

// The settings pages load when first opened, not before first paint.
const SettingsArea = lazy(() => import('./SettingsArea').then((m) => ({ default: m.SettingsArea })));

/**
 * The application frame: header; palette and workflow list on the left; the canvas in the centre;
 * tabbed areas on the right (inspector, comments) and at the bottom (problems), where later
 * features add their tabs.
 */
export function AppShell() {
  const { t } = useT();
  const store = useAppStore();
  const panels = useApp((s) => s.panels);
  const layout = useApp((s) => s.layout);
  const loaded = useApp((s) => s.loaded);
  const review = useApp((s) => s.reviewMode);
  const editor = useTeamSession(canEdit);
  const openId = useApp((s) => s.openId);
  const workflowName = useApp((s) => selectOpenDoc(s)?.workflow.name ?? '');
  const openThreads = useApp((s) => (selectOpenDoc(s)?.comments ?? []).filter((c) => !c.resolved).length);
  useTheme(useApp((s) => s.theme));
  useShortcuts(store);
  const toggle = (area: 'left' | 'right' | 'bottom') => store.getState().setPanels({ [area]: !panels[area] });
  const settings = useSettingsRoute();
  const [dropping, setDropping] = useState(false);
  const isFileDrag = (e: DragEvent) => e.dataTransfer.types.includes('Files');
  const onDragOver = (e: DragEvent) => {
    if (!isFileDrag(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = review ? 'none' : 'copy';
    setDropping(true);
  };
  const onDrop = async (e: DragEvent) => {
    if (!isFileDrag(e)) return;
    e.preventDefault();
    setDropping(false);
    const file = e.dataTransfer.files[0];
    if (file) await importFile(store, file, file.name);
  };

  return (
    <>
      <div
        className="tf-app"
        data-left={panels.left}
        data-right={panels.right}
        data-bottom={panels.bottom}
        data-bottom-max={panels.bottom && layout.bottomMax}
        style={{ '--tf-left-w': `${layout.left}px`, '--tf-right-w': `${layout.right}px`, '--tf-bottom-h': `${layout.bottom}px` } as CSSProperties}
        data-review={review}
        data-dropping={dropping}
        onDragOver={onDragOver}
        onDragLeave={(e) => e.currentTarget === e.target && setDropping(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <button type="button" className="tf-skip-link" onClick={focusCanvas}>
          {t('app.skipToCanvas')}
        </button>
        <PanelBoundary name={t('app.panel.header')}>
          <Header />
        </PanelBoundary>
        <div className="tf-app__banners">
          <StorageBanner />
          <PreviewBanner />
          {review && (
            <ReviewBanner
              workflowName={workflowName}
              openThreads={openThreads}
              onShowComments={() => store.getState().setPanels({ right: true, rightTab: 'comments' })}
              onExit={editor ? () => store.getState().setReviewMode(false) : undefined}
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
            <Splitter panel="left" />
            <PanelBoundary name={t('app.panel.left')}>
              <Palette />
              <WorkflowsArea />
            </PanelBoundary>
          </aside>
        )}
        <main id="tf-canvas" tabIndex={-1} className="tf-app__centre" aria-label={t('shell.area.canvas')}>
          {!loaded ? (
            <p className="tf-empty">{t('shell.loading')}</p>
          ) : settings ? (
            <PanelBoundary name={t('app.panel.settings')} resetKey={`${settings.page}/${settings.tab ?? ''}`}>
              <Suspense fallback={<p className="tf-empty">{t('shell.loading')}</p>}>
                <SettingsArea page={settings.page} pipelineTab={settings.tab} />
              </Suspense>
            </PanelBoundary>
          ) : (
            <PanelBoundary name={t('app.panel.canvas')} resetKey={openId}>
              <Canvas />
            </PanelBoundary>
          )}
          <CommentBox />
        </main>
        {panels.right && (
          <aside className="tf-app__right" aria-label={t('shell.area.right')}>
            <Splitter panel="right" />
            <PanelTabs area="right" tabs={RIGHT_TABS} />
          </aside>
        )}
        {panels.bottom && (
          <section className="tf-app__bottom" aria-label={t('shell.area.bottom')}>
            {!layout.bottomMax && <Splitter panel="bottom" />}
            <PanelTabs
              area="bottom"
              tabs={BOTTOM_TABS}
              tools={<PanelToggle icon={layout.bottomMax ? Minimize2 : Maximize2} label={t(layout.bottomMax ? 'app.bottom.restore' : 'app.bottom.maximise')} on={layout.bottomMax} onClick={() => store.getState().setBottomMax(!layout.bottomMax)} />}
            />
          </section>
        )}
        <Notices />
        <DeleteDialogs />
        <ImportDialogs />
        <ShortcutSheet />
        <VersionDialogs />
        {dropping && (
          <div className="tf-drop-hint" aria-hidden>
            {t('files.drop')}
          </div>
        )}
      </div>
    </>
  );
}

function PanelToggle({ icon: Icon, label, on, onClick }: { icon: typeof PanelLeft; label: string; on: boolean; onClick: () => void }) {
  return (
    <button type="button" className="tf-icon-button" aria-pressed={on} aria-label={label} title={label} onClick={onClick}>
      <Icon size={16} aria-hidden />
    </button>
  );
}

/** The settings page named by the location hash (#/settings/<page>), or null for the builder. */
function useSettingsRoute() {
  const read = () => {
    const route = parseSettingsRoute(window.location.hash);
    return route?.kind === 'settings' ? route : null;
  };
  const [page, setPage] = useState(read);
  useEffect(() => {
    const onHash = () => setPage(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return page;
}
