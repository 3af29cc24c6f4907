import { Panel, useReactFlow, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { Map as MapIcon, X } from 'lucide-react';
import { memo, useEffect, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import type { Workflow } from '../../model';
import { useT } from '../i18n';
import '../i18n/canvas-tools';
import type { FlowNode } from './flow-model';

/** The map's size in CSS pixels. */
export const MAP_SIZE = { width: 200, height: 150 } as const;
const STORAGE_KEY = 'ticketflow.canvas.overviewMap';
const INSET = 6;

/** Whether the overview map was left open (it is, unless the user closed it); remembered in localStorage. */
export function readMapOpen(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) !== 'closed';
  } catch {
    return true;
  }
}

function writeMapOpen(open: boolean): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, open ? 'open' : 'closed');
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
}

/** The box around the nodes, and the scale and offset that fit it into the map. */
interface Frame {
  x: number;
  y: number;
  scale: number;
  offsetX: number;
  offsetY: number;
}

function frameOf(nodes: readonly FlowNode[]): Frame {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    const w = n.width ?? 0;
    const h = n.height ?? 0;
    if (n.position.x < x0) x0 = n.position.x;
    if (n.position.y < y0) y0 = n.position.y;
    if (n.position.x + w > x1) x1 = n.position.x + w;
    if (n.position.y + h > y1) y1 = n.position.y + h;
  }
  if (!Number.isFinite(x0)) return { x: 0, y: 0, scale: 1, offsetX: 0, offsetY: 0 };
  const scale = Math.min((MAP_SIZE.width - 2 * INSET) / Math.max(1, x1 - x0), (MAP_SIZE.height - 2 * INSET) / Math.max(1, y1 - y0));
  return { x: x0, y: y0, scale, offsetX: (MAP_SIZE.width - (x1 - x0) * scale) / 2, offsetY: (MAP_SIZE.height - (y1 - y0) * scale) / 2 };
}

/** The resolved colour of a CSS colour expression (custom properties and light-dark() included). */
function resolveColour(probe: HTMLElement, expression: string): string {
  probe.style.color = expression;
  return getComputedStyle(probe).color;
}

/**
 * The overview map in the canvas's corner: every node drawn once into a <canvas> in its kind's colour
 * (one element, however large the workflow), the visible part as a frame moved without rendering
 * anything again, click or drag to pan there, the wheel to zoom. It can be closed to a button, and
 * the choice is remembered.
 */
export const OverviewMap = memo(function OverviewMap({ nodes, workflow, open, onOpenChange }: { nodes: readonly FlowNode[]; workflow: Workflow | undefined; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useT();
  const flow = useReactFlow();
  const store = useStoreApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const frame = useMemo(() => frameOf(nodes), [nodes]);
  const [theme, setTheme] = useState(0);

  // Colours follow the theme: redraw when it changes.
  useEffect(() => {
    const again = () => setTheme((n) => n + 1);
    const observer = new MutationObserver(again);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    media?.addEventListener?.('change', again);
    return () => {
      observer.disconnect();
      media?.removeEventListener?.('change', again);
    };
  }, []);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext?.('2d');
    if (!el || !ctx || !probe.current) return;
    const dpr = globalThis.devicePixelRatio || 1;
    el.width = MAP_SIZE.width * dpr;
    el.height = MAP_SIZE.height * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, MAP_SIZE.width, MAP_SIZE.height);
    const kinds = new Map(workflow?.actions.map((a) => [a.id, a.kind]));
    const colours = new Map<string, string>();
    const colour = (key: string) => {
      let c = colours.get(key);
      if (!c) {
        c = resolveColour(probe.current!, key === 'end' ? 'var(--tf-border-strong)' : `var(--tf-kind-${key})`);
        colours.set(key, c);
      }
      return c;
    };
    for (const n of nodes) {
      const key = n.type === 'action' ? (kinds.get(n.id) ?? 'setProperty') : n.type === 'trigger' ? 'trigger' : 'end';
      ctx.fillStyle = colour(key);
      const w = Math.max(1, (n.width ?? 0) * frame.scale);
      const h = Math.max(1, (n.height ?? 0) * frame.scale);
      ctx.fillRect(frame.offsetX + (n.position.x - frame.x) * frame.scale, frame.offsetY + (n.position.y - frame.y) * frame.scale, w, h);
    }
  }, [nodes, workflow, frame, open, theme]);

  // The visible part, moved with the viewport through a store subscription: no React render per frame.
  useEffect(() => {
    if (!open) return;
    const place = (s: ReactFlowState) => {
      const el = view.current;
      if (!el) return;
      const [tx, ty, zoom] = s.transform;
      el.style.left = `${frame.offsetX + (-tx / zoom - frame.x) * frame.scale}px`;
      el.style.top = `${frame.offsetY + (-ty / zoom - frame.y) * frame.scale}px`;
      el.style.width = `${(s.width / zoom) * frame.scale}px`;
      el.style.height = `${(s.height / zoom) * frame.scale}px`;
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store, frame, open]);

  const dragging = useRef(false);
  const panTo = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = frame.x + (e.clientX - r.left - frame.offsetX) / frame.scale;
    const y = frame.y + (e.clientY - r.top - frame.offsetY) / frame.scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    e.stopPropagation();
    const zoom = flow.getZoom() * (e.deltaY < 0 ? 1.2 : 1 / 1.2);
    void flow.zoomTo(zoom);
  };

  const toggle = (next: boolean) => {
    writeMapOpen(next);
    onOpenChange(next);
  };

  return (
    <Panel position="bottom-right" className={`tf-overview nodrag nopan${open ? '' : ' tf-overview--closed'}`}>
      <span ref={probe} className="tf-overview__probe" aria-hidden />
      {open ? (
        <>
          <div
            className="tf-overview__map"
            role="img"
            aria-label={t('canvas.minimap')}
            style={MAP_SIZE}
            onPointerDown={(e) => {
              dragging.current = true;
              e.currentTarget.setPointerCapture?.(e.pointerId);
              panTo(e);
            }}
            onPointerMove={(e) => {
              if (dragging.current) panTo(e);
            }}
            onPointerUp={() => {
              dragging.current = false;
            }}
            onWheel={onWheel}
          >
            <canvas ref={canvas} style={MAP_SIZE} />
            <div ref={view} className="tf-overview__view" />
          </div>
          <button type="button" className="tf-overview__toggle tf-overview__close" aria-label={t('canvasTools.map.hide')} title={t('canvasTools.map.hide')} onClick={() => toggle(false)}>
            <X size={14} aria-hidden />
          </button>
        </>
      ) : (
        <button type="button" className="tf-overview__toggle" aria-label={t('canvasTools.map.show')} title={t('canvasTools.map.show')} onClick={() => toggle(true)}>
          <MapIcon size={16} aria-hidden />
        </button>
      )}
    </Panel>
  );
});
