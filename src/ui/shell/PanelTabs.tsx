import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useApp, useAppStore } from '../../store/store';
import { PanelBoundary } from '../common/PanelBoundary';
import { useT } from '../i18n';

/** One tab of a side area; later features (JSON view, simulation) add theirs to the lists in tabs.tsx. */
export interface PanelTab {
  id: string;
  /** Message key of the tab's name. */
  labelKey: string;
  render: () => ReactNode;
}

/** A tab strip and the chosen tab's panel, for the right or the bottom area of the shell. */
export function PanelTabs({ area, tabs }: { area: 'right' | 'bottom'; tabs: readonly PanelTab[] }) {
  const { t } = useT();
  const store = useAppStore();
  const chosen = useApp((s) => (area === 'right' ? s.panels.rightTab : s.panels.bottomTab));
  const strip = useRef<HTMLDivElement>(null);
  const current = tabs.find((tab) => tab.id === chosen) ?? tabs[0];
  if (!current) return null;
  const choose = (id: string) => store.getState().setPanels(area === 'right' ? { rightTab: id } : { bottomTab: id });
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.id === current.id);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    choose(next.id);
    strip.current?.querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus();
  };
  return (
    <div className={`tf-tabs tf-tabs--${area}`}>
      <div ref={strip} role="tablist" aria-label={t(`shell.area.${area}`)} className="tf-tabs__strip" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            data-tab={tab.id}
            id={`tf-tab-${area}-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={`tf-tabpanel-${area}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            className="tf-tabs__tab"
            onClick={() => choose(tab.id)}
          >
            {t(tab.labelKey)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tf-tabpanel-${area}`} aria-labelledby={`tf-tab-${area}-${current.id}`} className="tf-tabs__panel">
        <PanelBoundary name={t(current.labelKey)} resetKey={current.id}>
          {current.render()}
        </PanelBoundary>
      </div>
    </div>
  );
}
