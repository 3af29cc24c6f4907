// Browser APIs React Flow needs that jsdom does not provide. Imported by component tests that
// render the canvas. Sizes are fixed so that nodes count as measured and get drawn.
import '@testing-library/jest-dom/vitest';

class FixedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const rect = { width: 1000, height: 800, top: 0, left: 0, bottom: 800, right: 1000, x: 0, y: 0 };
    this.callback([{ target, contentRect: rect } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

class IdentityMatrix {
  m22 = 1;
  constructor(transform?: string) {
    const scale = /scale\(([^)]+)\)/.exec(transform ?? '');
    if (scale) this.m22 = Number(scale[1]);
  }
}

globalThis.ResizeObserver ??= FixedResizeObserver as unknown as typeof ResizeObserver;
(globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly ??= IdentityMatrix;

// Every element reports a size, so React Flow treats nodes as measured and the pane as laid out; the
// pane is as large as a desktop canvas, so a fitted example workflow is drawn near full size.
const isPane = (el: HTMLElement) => el.classList.contains('react-flow__renderer');
Object.defineProperties(HTMLElement.prototype, {
  offsetWidth: { configurable: true, get(this: HTMLElement) { return isPane(this) ? 1600 : 200; } },
  offsetHeight: { configurable: true, get(this: HTMLElement) { return isPane(this) ? 1000 : 60; } },
});

if (!('elementsFromPoint' in document)) {
  (document as { elementsFromPoint?: () => Element[] }).elementsFromPoint = () => [];
}
globalThis.CSS ??= { escape: (s: string) => s.replace(/["\\]/g, '\\$&') } as unknown as typeof CSS;
