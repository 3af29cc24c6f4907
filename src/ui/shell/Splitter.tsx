import type { KeyboardEvent, PointerEvent } from 'react';
import { LAYOUT_LIMITS } from '../../store/layout';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import '../i18n/app';

const STEP = 16;
const BIG_STEP = 64;

/**
 * The handle on a panel's inner edge: drag it, or focus it and use the arrow keys (Shift for bigger
 * steps, Home and End for the smallest and largest size). A window splitter as WAI-ARIA describes it.
 * The left panel grows to the right, the right panel to the left, the bottom panel upwards.
 */
export function Splitter({ panel }: { panel: keyof typeof LAYOUT_LIMITS }) {
  const { t } = useT();
  const store = useAppStore();
  const size = useApp((s) => s.layout[panel]);
  const { min, max } = LAYOUT_LIMITS[panel];
  const vertical = panel !== 'bottom';
  // Which way a positive pointer or arrow movement changes the size.
  const sign = panel === 'left' ? 1 : -1;
  const resize = (next: number) => store.getState().resizePanel(panel, next);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const start = vertical ? e.clientX : e.clientY;
    const from = store.getState().layout[panel];
    const move = (m: globalThis.PointerEvent) => resize(from + sign * ((vertical ? m.clientX : m.clientY) - start));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const grow = vertical ? (panel === 'left' ? 'ArrowRight' : 'ArrowLeft') : 'ArrowUp';
    const shrink = vertical ? (panel === 'left' ? 'ArrowLeft' : 'ArrowRight') : 'ArrowDown';
    let next: number | null = null;
    if (e.key === grow) next = size + step;
    else if (e.key === shrink) next = size - step;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    if (next === null) return;
    e.preventDefault();
    resize(next);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-label={t(`app.resize.${panel}`)}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={size}
      title={t('app.resize.hint')}
      className={`tf-splitter tf-splitter--${panel}`}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => resize(LAYOUT_LIMITS[panel].initial)}
    />
  );
}
