/**
 * Canvas benchmark (Chromium): opening a generated workflow of 1,000, 2,000, 5,000 and 20,000 actions
 * from its file, frame times while panning and while dragging a bubble, and the JavaScript heap, each
 * measured side by side and interleaved with a bare React Flow page drawing the same nodes and edges
 * (test/bench/bare-flow), and printed as Ticketflow's figure and its ratio "÷ bare React Flow".
 *
 * The workflow gets in as a user's file does: the file is set on the header's import input (the same
 * path a drop on the window takes), which reads, validates and opens it. "Import" is the time from that
 * input's change event to the first complete paint; "open" is the time from a click on the workflow's
 * name in the list (with another workflow open) to the first complete paint. The first complete paint is
 * the rAF after the count of nodes in the DOM, their visibility and the viewport transform stop changing.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { exportWorkflow } from '../../src/document';
import type { WorkflowDocument } from '../../src/model';
import { launchBrowser, newContext } from '../e2e/harness';
import { generateWorkflowDocument } from './generate';
import { serveApp } from './app-server';
import { ensureBareFlowBuilt } from './bare-flow/build';
import { figure, formatNumber, median, percentile, type Figure } from './measure';
import { formatHottest, heaviest, hottest, type CpuProfile } from './profile';

const SECTION = 'canvas';
/** Sizes the canvas benchmark opens. */
export const CANVAS_SIZES = [1000, 2000, 5000, 20000] as const;
/** Open targets (file → first complete paint) by size. */
const OPEN_TARGETS_MS: Record<number, number> = { 5000: 1000, 20000: 4000 };
/** At 2,000 actions, pan and drag frames' 95th percentile stays under this. */
const FRAME_TARGET_2000_MS = 33;
/** A frame longer than this is one the user sees as a stall. */
const LONG_FRAME_MS = 50;
/** Moves in one pan or drag gesture. */
const GESTURE_STEPS = 40;
const VIEWPORT = '.react-flow__viewport';

/** How long a side's open may take to settle before the bench says it did not (Ticketflow, the bare page). */
export const SETTLE_TIMEOUT_S = { ticketflow: 60, bare: 120 } as const;

/** The viewport's transform before React Flow has placed it: nodes counted then are not a paint yet. */
const INITIAL_TRANSFORM = 'translate(0px, 0px) scale(1)';

/**
 * In-page (as source text: the bench runs through tsx, whose helpers do not exist in the page): waits for
 * the canvas to settle and resolves with the moment of its first complete paint and of the click. A view
 * with no node in it counts as settled once the viewport has been placed (a fit may land on an empty
 * part of a very wide workflow: the node count in the figure's note says so).
 */
function settleScript(timeoutS: number): string {
  return `new Promise((done, fail) => {
  let last = '';
  let stable = 0;
  let paintAt = 0;
  const deadline = performance.now() + ${timeoutS * 1000};
  const frame = (now) => {
    const nodes = document.querySelectorAll('.react-flow__node').length;
    const hidden = document.querySelectorAll('.react-flow__node[style*="visibility: hidden"]').length;
    const viewport = document.querySelector('.react-flow__viewport')?.style.transform ?? '';
    const state = nodes + '|' + hidden + '|' + viewport;
    const placed = nodes > 0 || (viewport !== '' && viewport !== ${JSON.stringify(INITIAL_TRANSFORM)});
    if (state !== last || !placed || hidden > 0) {
      last = state;
      stable = 0;
    } else if (++stable === 1) {
      // The first frame after the last change: that change has been painted by now.
      paintAt = now;
    } else if (stable >= 8) {
      done({ paintAt, start: window.__tfBenchStart, nodes });
      return;
    }
    if (now > deadline) fail(new Error('the canvas did not settle within ${timeoutS} s'));
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;
}

/** Resolves when the canvas has settled: its first complete paint, the click before it, the node count. */
function settle(page: Page, timeoutS: number = SETTLE_TIMEOUT_S.ticketflow): Promise<{ paintAt: number; start: number; nodes: number }> {
  return page.evaluate(settleScript(timeoutS));
}

/**
 * Does something to the page and measures from the page's first `event` on an element matching `selector`
 * (its own time stamp) to the canvas's first complete paint after it.
 */
async function untilPainted(
  page: Page,
  event: string,
  selector: string,
  what: string,
  act: () => Promise<unknown>,
  timeoutS: number = SETTLE_TIMEOUT_S.ticketflow,
): Promise<{ ms: number; nodes: number }> {
  await page.evaluate(`(() => {
    window.__tfBenchStart = NaN;
    document.addEventListener(${JSON.stringify(event)}, (e) => {
      if (e.target.closest(${JSON.stringify(selector)})) window.__tfBenchStart = e.timeStamp;
    }, { capture: true, once: true });
  })()`);
  await act();
  const r = await settle(page, timeoutS);
  if (!Number.isFinite(r.start)) throw new Error(`${what} was not seen by the page`);
  return { ms: r.paintAt - r.start, nodes: r.nodes };
}

/** Clicks a workflow's name in the list and measures the time to the canvas's first complete paint. */
async function openByClick(page: Page, name: string): Promise<{ ms: number; nodes: number }> {
  return untilPainted(page, 'click', '.tf-wf-row__name', `the click on "${name}"`, () =>
    page.locator('.tf-wf-row__name', { hasText: name }).first().click(),
  );
}

/** The header's file input for importing a workflow. */
const IMPORT_INPUT = '[data-testid="tf-import-file"]';

/**
 * Imports a workflow document through the header's file input, under a fresh id (a second import of the
 * same id would ask what to do), and measures the time from the file's arrival to the first complete paint.
 */
async function importFile(page: Page, doc: WorkflowDocument, id: string): Promise<{ ms: number; nodes: number }> {
  const text = exportWorkflow({ ...doc, workflow: { ...doc.workflow, id } });
  const r = await untilPainted(page, 'change', IMPORT_INPUT, `the import of ${id}`, () =>
    page.locator(IMPORT_INPUT).setInputFiles({ name: `${id}.workflow.json`, mimeType: 'application/json', buffer: Buffer.from(text) }),
  );
  const opened = await page.locator('.tf-wf-row__name[aria-current="page"]').textContent();
  if (opened !== doc.workflow.name) throw new Error(`the import of ${id} did not open it (open: "${opened}")`);
  return r;
}

/** In-page: records rAF frame intervals until stopped. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__tfFrames = [];
    window.__tfFramesOn = true;
    let prev = -1;
    const frame = (now) => {
      if (!window.__tfFramesOn) return;
      if (prev >= 0) window.__tfFrames.push(now - prev);
      prev = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);
}

async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate('(window.__tfFramesOn = false, window.__tfFrames)');
}

/** A point of the pane with no node, edge or control under it, for panning. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const r = pane.getBoundingClientRect();
    for (let fy = 0.3; fy < 0.95; fy += 0.05) {
      for (let fx = 0.1; fx < 0.7; fx += 0.05) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        if (document.elementFromPoint(x, y) === pane) return { x, y };
      }
    }
    return null;
  })()`);
  if (!point) throw new Error('no empty spot of the canvas pane to pan from');
  return point;
}

/** The centre of an action bubble well inside the visible pane, for dragging, and a selector of its node. */
async function bubblePoint(page: Page, bubbles = '.react-flow__node-action'): Promise<{ x: number; y: number; id: string; selector: string }> {
  const point = await page.evaluate<{ x: number; y: number; id: string } | null>(`(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (const node of document.querySelectorAll(${JSON.stringify(bubbles)})) {
      const r = node.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const inside = x > pane.left + 150 && x < pane.right - 250 && y > pane.top + 100 && y < pane.bottom - 150;
      if (inside && node.contains(document.elementFromPoint(x, y))) return { x, y, id: node.dataset.id || '' };
    }
    return null;
  })()`);
  if (!point) throw new Error('no action bubble inside the visible canvas to drag');
  return { ...point, selector: `.react-flow__node[data-id="${point.id}"]` };
}

/**
 * A mouse drag of about a second from a point, in small steps a frame apart, out and back; returns the
 * frame intervals and the wall time from the press to the release. `moved` is an element whose inline transform must change on the way (the viewport
 * for a pan, the node for a bubble drag): a drag that moves nothing would measure an idle page.
 */
async function dragFrames(page: Page, from: { x: number; y: number }, dx: number, dy: number, moved: string): Promise<{ frames: number[]; wallMs: number }> {
  const steps = GESTURE_STEPS;
  const transform = () => page.evaluate<string>(`document.querySelector(${JSON.stringify(moved)})?.style.transform ?? ''`);
  const before = await transform();
  let during = before;
  await page.mouse.move(from.x, from.y);
  const t0 = performance.now();
  await page.mouse.down();
  await startFrames(page);
  for (let i = 1; i <= steps; i++) {
    const f = i <= steps / 2 ? i / (steps / 2) : (steps - i) / (steps / 2);
    await page.mouse.move(from.x + dx * f, from.y + dy * f);
    if (i === steps / 2) during = await transform();
    await page.waitForTimeout(16);
  }
  const frames = await stopFrames(page);
  await page.mouse.up();
  const wallMs = performance.now() - t0;
  if (during === before) throw new Error(`the drag from (${Math.round(from.x)}, ${Math.round(from.y)}) did not move ${moved}`);
  return { frames, wallMs };
}

/** Busy time of the page's main thread so far, by kind, in ms (Chrome's Performance domain). */
async function mainThreadMs(cdp: CDPSession): Promise<{ task: number; script: number; layout: number; style: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: ms('TaskDuration'), script: ms('ScriptDuration'), layout: ms('LayoutDuration'), style: ms('RecalcStyleDuration') };
}

/** Used JS heap after a full garbage collection, in MB. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  return used / (1024 * 1024);
}

/** The app loaded on its example workflows; returns the name of the workflow it opened on. */
async function openApp(page: Page, baseUrl: string): Promise<string> {
  await page.goto(baseUrl);
  await page.locator('.tf-wf-row__name').first().waitFor({ timeout: 30_000 });
  await settle(page);
  return (await page.locator('.tf-wf-row__name[aria-current="page"]').textContent()) ?? '';
}

/**
 * React render counts by component during a piece of work, read through React's devtools hook, each
 * with why it rendered: mounted, new props (its parent passed new values), or the same props (its own
 * state changed: a store selector or a context returned something new).
 */
const RENDER_COUNTER = `(() => {
  const counts = new Map();
  let on = false;
  let commits = 0;
  const name = (t) => (t && (t.displayName || t.name)) || (t && t.type && (t.type.displayName || t.type.name)) || (t && t.render && (t.render.displayName || t.render.name)) || null;
  const walk = (fiber) => {
    const stack = [fiber];
    while (stack.length) {
      const f = stack.pop();
      if (!f) continue;
      // PerformedWork (1): the component's function ran in this commit.
      if ((f.flags & 1) && typeof f.type !== 'string' && f.type) {
        const n = name(f.type);
        if (n) {
          const c = counts.get(n) || { renders: 0, mounts: 0, props: 0, own: 0 };
          c.renders++;
          if (!f.alternate) c.mounts++;
          else if (f.memoizedProps !== f.alternate.memoizedProps) c.props++;
          else c.own++;
          counts.set(n, c);
        }
      }
      if (f.sibling) stack.push(f.sibling);
      // A subtree React reused without rendering keeps its old fibers (and their old flags): skip it.
      if (f.child && !(f.alternate && f.child === f.alternate.child)) stack.push(f.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), isDisabled: false,
    inject(r) { this.renderers.set(1, r); return 1; },
    onCommitFiberRoot(_id, root) { if (on) { commits++; walk(root.current); } },
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, checkDCE() {}, onScheduleFiberRoot() {},
  };
  window.__tfRenders = {
    start() { counts.clear(); commits = 0; on = true; },
    stop() { on = false; return { commits, counts: [...counts].sort((a, b) => b[1].renders - a[1].renders).slice(0, 20) }; },
  };
})();`;

/** Render counts as printable lines. */
type RenderCounts = { commits: number; counts: [string, { renders: number; mounts: number; props: number; own: number }][] };
function formatRenders(title: string, r: RenderCounts): string {
  return [
    `React commits during ${title}: ${r.commits}; components rendered most (renders = mounted + new props + same props):`,
    ...r.counts.map(([n, c]) => `  ${String(c.renders).padStart(8)} = ${c.mounts} + ${c.props} + ${c.own}  ${n}`),
  ].join('\n');
}

/** One of the two pages measured side by side: Ticketflow or the bare React Flow page. */
interface Side {
  label: string;
  page: Page;
  cdp: CDPSession;
  /** Opens the workflow from its file (the i-th time: Ticketflow needs a fresh id for each import). */
  open(i: number): Promise<{ ms: number; nodes: number }>;
  /** Selector of the nodes a bubble drag may pick. */
  bubbles: string;
  close(): Promise<void>;
}

/** Ticketflow in a fresh context, on its example workflows, opening the workflow through its import input. */
async function ticketflowSide(browser: Browser, baseUrl: string, doc: WorkflowDocument): Promise<Side & { home: string }> {
  const { context, page } = await newContext(browser, baseUrl);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const home = await openApp(page, baseUrl);
  return {
    label: 'Ticketflow',
    page,
    cdp,
    home,
    bubbles: '.react-flow__node-action',
    open: async (i) => {
      // Opening another workflow first: the import must build the canvas from nothing.
      if (i > 0) await openByClick(page, home);
      return importFile(page, doc, i === 0 ? doc.workflow.id : `${doc.workflow.id}-${i}`);
    },
    close: () => context.close(),
  };
}

/** The bare React Flow page in a fresh context, opening the workflow's file through its file input. */
async function bareSide(browser: Browser, bareUrl: string, doc: WorkflowDocument, pane: { width: number; height: number }): Promise<Side> {
  const { context, page } = await newContext(browser, bareUrl);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${bareUrl}?w=${Math.round(pane.width)}&h=${Math.round(pane.height)}`);
  const input = '[data-testid="bare-file"]';
  await page.locator(input).waitFor();
  const buffer = Buffer.from(exportWorkflow(doc));
  return {
    label: 'bare React Flow',
    page,
    cdp,
    bubbles: '.react-flow__node-plain:not([data-id^="#"]):not([data-id="trigger"])',
    open: () =>
      untilPainted(page, 'change', input, 'the bare page’s file', () =>
        page.locator(input).setInputFiles({ name: `${doc.workflow.id}.workflow.json`, mimeType: 'application/json', buffer }),
        SETTLE_TIMEOUT_S.bare,
      ),
    close: () => context.close(),
  };
}

/** Runs a step of one side, naming the side in its error. */
async function labelled<T>(side: Side, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw new Error(`${side.label}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

/** What one gesture gave: frame intervals, frames over 50 ms, wall time of the whole gesture. */
interface Gesture {
  p95: number;
  long: number;
  wallMs: number;
}

function gesture(g: { frames: number[]; wallMs: number }): Gesture {
  return { p95: percentile(g.frames, 95), long: g.frames.filter((f) => f > LONG_FRAME_MS).length, wallMs: g.wallMs };
}

/** Per-side lists of round results. */
interface Rounds {
  open: number[];
  pan: Gesture[];
  drag: Gesture[];
  heap: number;
  nodes: number;
}

/** Bench settings for one size: how many opens and gestures of each side. */
export interface CanvasRounds {
  opens: number;
  gestures: number;
}

/** Rounds per size: fewer at 20,000 actions, where one open takes seconds. */
export function canvasRounds(size: number, quick: boolean): CanvasRounds {
  if (quick) return size >= 20000 ? { opens: 1, gestures: 1 } : { opens: 2, gestures: 2 };
  return size >= 20000 ? { opens: 3, gestures: 3 } : { opens: 5, gestures: 5 };
}

/**
 * The figures of one size: Ticketflow and the bare page, each in a fresh context of the same Chromium,
 * measured interleaved (open A, open B, open B, open A, ...; pan A, pan B, ...; drag A, drag B, ...), so
 * both see the same load. Every figure is a median over rounds; each ratio is Ticketflow's median over
 * the bare page's.
 */
async function benchSize(browser: Browser, baseUrl: string, bareUrl: string, size: number, rounds: CanvasRounds): Promise<Figure[]> {
  const doc = generateWorkflowDocument(size);
  const label = `${size.toLocaleString('en-US')} actions`;
  const errors: string[] = [];
  const sides: Side[] = [];
  // The bare page may fail where Ticketflow does not (at 20,000 actions it mounts every node before it
  // culls): Ticketflow's own figures are still measured, and the ratios say why they are missing.
  let bareFailure: string | null = null;
  try {
    const ticketflow = await ticketflowSide(browser, baseUrl, doc);
    // The bare page's pane gets the size of Ticketflow's, so both show the same part of the workflow.
    const pane = await ticketflow.page.evaluate(`(() => { const r = document.querySelector('.react-flow').getBoundingClientRect(); return { width: r.width, height: r.height }; })()`);
    sides.push(ticketflow, await bareSide(browser, bareUrl, doc, pane as { width: number; height: number }));
    for (const side of sides) side.page.on('pageerror', (e) => errors.push(`${side.label}: ${e.message}`));
    const results = new Map<Side, Rounds>(sides.map((s) => [s, { open: [], pan: [], drag: [], heap: Number.NaN, nodes: 0 }]));
    const live = () => (bareFailure ? sides.slice(0, 1) : sides);
    /** Runs one side's step; a failure of the bare page drops it from the rest of this size. */
    const step = async <T>(side: Side, work: () => Promise<T>): Promise<T | null> => {
      try {
        return await labelled(side, work);
      } catch (e) {
        if (side === sides[0]) throw e;
        bareFailure = e instanceof Error ? e.message : String(e);
        return null;
      }
    };
    // Warm-up open (the first of a page compiles its code), then the heap with the workflow open.
    for (const side of live()) {
      const r = results.get(side)!;
      const opened = await step(side, () => side.open(0));
      if (!opened) continue;
      r.nodes = opened.nodes;
      r.heap = await heapMb(side.cdp);
    }
    const order = (i: number) => (i % 2 ? [...live()].reverse() : live());
    for (let i = 1; i <= rounds.opens; i++) {
      for (const side of order(i)) {
        const opened = await step(side, () => side.open(i));
        if (opened) results.get(side)!.open.push(opened.ms);
      }
    }
    for (let i = 0; i < rounds.gestures; i++) {
      for (const side of order(i)) {
        const pan = await step(side, async () => dragFrames(side.page, await emptyPanePoint(side.page), 240, 160, VIEWPORT));
        if (pan) results.get(side)!.pan.push(gesture(pan));
      }
      for (const side of order(i)) {
        const drag = await step(side, async () => {
          const bubble = await bubblePoint(side.page, side.bubbles);
          return dragFrames(side.page, bubble, 200, 120, bubble.selector);
        });
        if (drag) results.get(side)!.drag.push(gesture(drag));
      }
    }
    const tf = results.get(sides[0]!)!;
    const bare = results.get(sides[1]!)!;
    return compareFigures(label, size, tf, bare, rounds, bareFailure);
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new Error(errors.length ? `${message}; the page threw: ${errors.slice(0, 2).join(' | ')}` : message);
  } finally {
    for (const side of sides) await side.close();
  }
}

const RATIO_TARGET = { kind: 'max' as const, value: 1.5 };

/** The printed figures of one size from both sides' rounds. */
function compareFigures(label: string, size: number, tf: Rounds, bare: Rounds, rounds: CanvasRounds, bareFailure: string | null = null): Figure[] {
  const out: Figure[] = [];
  const add = (name: string, value: number, unit: string, extra: Partial<Figure> = {}) => out.push(figure({ section: SECTION, name, value, unit, ...extra }));
  const openTarget = OPEN_TARGETS_MS[size];
  const tfOpen = median(tf.open);
  const bareOpen = median(bare.open);
  add(`open ${label}: file → first complete paint`, tfOpen, 'ms', {
    note: `${tf.nodes} nodes in the DOM (bare: ${bare.nodes}); ${rounds.opens} opens of each, interleaved, after a warm-up`,
    ...(openTarget ? { target: { kind: 'max' as const, value: openTarget } } : {}),
  });
  add(`  bare React Flow: file → first complete paint`, bareOpen, 'ms', bareFailure ? { note: `bare page failed: ${bareFailure}`.slice(0, 300) } : {});
  add(`  open ÷ bare React Flow`, tfOpen / bareOpen, '×', { target: RATIO_TARGET });
  for (const [what, key] of [
    ['pan', 'pan'],
    ['drag', 'drag'],
  ] as const) {
    const gesturesTarget = size === 2000 ? { target: { kind: 'max' as const, value: FRAME_TARGET_2000_MS } } : {};
    const tfP95 = median(tf[key].map((g) => g.p95));
    const bareP95 = median(bare[key].map((g) => g.p95));
    const longTf = median(tf[key].map((g) => g.long));
    const longBare = median(bare[key].map((g) => g.long));
    const wallTf = median(tf[key].map((g) => g.wallMs));
    const wallBare = median(bare[key].map((g) => g.wallMs));
    const gestureName = what === 'pan' ? 'panning' : 'dragging a bubble';
    add(`  frame while ${gestureName}, 95th percentile`, tfP95, 'ms', { note: `${rounds.gestures} gestures of ${GESTURE_STEPS} moves`, ...gesturesTarget });
    add(`    bare React Flow`, bareP95, 'ms');
    add(`    ${what} p95 ÷ bare React Flow`, tfP95 / bareP95, '×', { target: RATIO_TARGET });
    add(`    frames over ${LONG_FRAME_MS} ms per ${what} gesture`, longTf, '', { note: `bare React Flow: ${formatNumber(longBare)}` });
    add(`    ${what} gesture wall time`, wallTf, 'ms', { note: `bare React Flow: ${formatNumber(wallBare)} ms` });
    add(`    ${what} gesture wall time ÷ bare React Flow`, wallTf / wallBare, '×', { target: RATIO_TARGET });
  }
  add(`  JS heap with the workflow open`, tf.heap, 'MB', { note: `bare React Flow: ${bare.heap.toFixed(1)} MB` });
  add(`  JS heap ÷ bare React Flow`, tf.heap / bare.heap, '×', { target: RATIO_TARGET });
  return out;
}

/** Where the bare React Flow page is built for the bench. */
const BARE_DIST = 'test-output/bench/bare-flow';

/**
 * Runs the canvas benchmark against a served build of the app, beside the bare React Flow page (built
 * and served here). A size whose measurement fails is reported as a missed figure with the reason (and
 * the pages' own errors), and the other sizes still run.
 */
export async function benchCanvas(baseUrl: string, quick: boolean, progress: (text: string) => void = () => {}, sizes: readonly number[] = CANVAS_SIZES): Promise<Figure[]> {
  await ensureBareFlowBuilt(BARE_DIST);
  const bare = await serveApp(BARE_DIST, 4397);
  const browser = await launchBrowser();
  const figures: Figure[] = [];
  try {
    for (const size of sizes) {
      const started = performance.now();
      try {
        figures.push(...(await benchSize(browser, baseUrl, bare.baseUrl, size, canvasRounds(size, quick))));
      } catch (e) {
        figures.push(
          figure({
            section: SECTION,
            name: `open ${size.toLocaleString('en-US')} actions: file → first complete paint`,
            value: Number.NaN,
            unit: 'ms',
            note: `failed: ${e instanceof Error ? e.message : String(e)}`.slice(0, 400),
          }),
        );
      }
      progress(`${size} (${((performance.now() - started) / 1000).toFixed(0)} s) `);
    }
  } finally {
    await browser.close();
    await bare.close();
  }
  return figures;
}

/** Style changes tried on the open canvas, to see what its panning frames pay for. */
const PAN_EXPERIMENTS: readonly [string, string][] = [
  ['as built', ''],
  ['viewport on its own layer (will-change: transform)', '.react-flow__viewport { will-change: transform; }'],
  ['bubbles without box-shadow', '.tf-bubble, .tf-trigger { box-shadow: none !important; }'],
  ['minimap hidden', '.react-flow__minimap { display: none; }'],
];

/** Median pan frame with each of PAN_EXPERIMENTS applied in turn (the page's own styles otherwise). */
async function panExperiments(page: Page, pan: () => Promise<number[]>): Promise<string> {
  const lines = ['pan frame median with style changes (2 pans each):'];
  for (const [label, css] of PAN_EXPERIMENTS) {
    const tag = css ? await page.addStyleTag({ content: css }) : null;
    const medians = [median(await pan()), median(await pan())];
    await tag?.evaluate((el: Node) => (el as ChildNode).remove());
    lines.push(`  ${median(medians).toFixed(1).padStart(6)} ms  ${label}`);
  }
  return lines.join('\n');
}

/**
 * Profiles opening and dragging in a workflow of `size` actions (1,000 unless told) on an unminified build: CPU self time per
 * function (Chrome DevTools Protocol) and React render counts per component (devtools hook).
 */
export async function profileCanvas(baseUrl: string, size = 1000): Promise<string[]> {
  const doc = generateWorkflowDocument(size);
  const label = size.toLocaleString('en-US');
  const browser = await launchBrowser();
  const out: string[] = [];
  try {
    const { context, page } = await newContext(browser, baseUrl);
    await context.addInitScript(RENDER_COUNTER);
    const cdp = await context.newCDPSession(page);
    const home = await openApp(page, baseUrl);
    await importFile(page, doc, doc.workflow.id);
    await openByClick(page, home);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    // Each gesture runs twice: once under the CPU profiler, once counting renders (the counter walks the
    // fiber tree at every commit, which would show in the profile).
    const profiled = async (title: string, work: () => Promise<unknown>, reset: () => Promise<unknown>) => {
      const before = await mainThreadMs(cdp);
      await cdp.send('Profiler.start');
      await work();
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      const after = await mainThreadMs(cdp);
      const d = (k: keyof typeof after) => after[k] - before[k];
      const other = d('task') - d('script') - d('layout') - d('style');
      out.push(
        `main thread during ${title}: ${d('task').toFixed(0)} ms busy = script ${d('script').toFixed(0)} + layout ${d('layout').toFixed(0)} + style ${d('style').toFixed(0)} + other (paint, composite, GC, parsing) ${other.toFixed(0)}`,
      );
      out.push(formatHottest(`profile: ${title} (browser, unminified build, self time)`, hottest(profile, 15)));
      out.push(formatHottest(`profile: ${title} (browser, unminified build, total time of named functions)`, heaviest(profile, 30)));
      await reset();
      await page.evaluate('window.__tfRenders.start()');
      await work();
      out.push(formatRenders(title, await page.evaluate<RenderCounts>('window.__tfRenders.stop()')));
    };
    let run = 0;
    await profiled(`importing ${doc.workflow.name}`, () => importFile(page, doc, `${doc.workflow.id}-${++run}`), () => openByClick(page, home));
    const pan = async () => (await dragFrames(page, await emptyPanePoint(page), 240, 160, VIEWPORT)).frames;
    await profiled(`panning the ${label}-action canvas`, pan, async () => undefined);
    const drag = async () => {
      const bubble = await bubblePoint(page);
      return (await dragFrames(page, bubble, 200, 120, bubble.selector)).frames;
    };
    await profiled(`dragging a bubble of the ${label}-action canvas`, drag, async () => undefined);
    out.push(await panExperiments(page, pan));
    await context.close();
  } finally {
    await browser.close();
  }
  return out;
}
