/**
 * Canvas benchmark (Chromium): importing and opening a generated workflow of 100, 1,000 and 2,000
 * actions, frame times while panning and while dragging a bubble, and the JavaScript heap after opening.
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
import { figure, median, percentile, type Figure, type Repeat } from './measure';
import { formatHottest, heaviest, hottest, type CpuProfile } from './profile';

const SECTION = 'canvas';
/** Sizes the canvas benchmark opens. */
export const CANVAS_SIZES = [100, 1000, 2000] as const;
const OPEN_TARGET_MS = 1000;
const DRAG_FRAME_TARGET_MS = 20;
const VIEWPORT = '.react-flow__viewport';

/**
 * In-page (as source text: the bench runs through tsx, whose helpers do not exist in the page): waits for
 * the canvas to settle and resolves with the moment of its first complete paint and of the click.
 */
const SETTLE = `new Promise((done, fail) => {
  let last = '';
  let stable = 0;
  let paintAt = 0;
  const deadline = performance.now() + 60000;
  const frame = (now) => {
    const nodes = document.querySelectorAll('.react-flow__node').length;
    const hidden = document.querySelectorAll('.react-flow__node[style*="visibility: hidden"]').length;
    const viewport = document.querySelector('.react-flow__viewport')?.style.transform ?? '';
    const state = nodes + '|' + hidden + '|' + viewport;
    if (state !== last || nodes === 0 || hidden > 0) {
      last = state;
      stable = 0;
    } else if (++stable === 1) {
      // The first frame after the last change: that change has been painted by now.
      paintAt = now;
    } else if (stable >= 8) {
      done({ paintAt, start: window.__tfBenchStart, nodes });
      return;
    }
    if (now > deadline) fail(new Error('the canvas did not settle within 60 s'));
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;

/** Resolves when the canvas has settled: its first complete paint, the click before it, the node count. */
function settle(page: Page): Promise<{ paintAt: number; start: number; nodes: number }> {
  return page.evaluate(SETTLE);
}

/**
 * Does something to the page and measures from the page's first `event` on an element matching `selector`
 * (its own time stamp) to the canvas's first complete paint after it.
 */
async function untilPainted(page: Page, event: string, selector: string, what: string, act: () => Promise<unknown>): Promise<{ ms: number; nodes: number }> {
  await page.evaluate(`(() => {
    window.__tfBenchStart = NaN;
    document.addEventListener(${JSON.stringify(event)}, (e) => {
      if (e.target.closest(${JSON.stringify(selector)})) window.__tfBenchStart = e.timeStamp;
    }, { capture: true, once: true });
  })()`);
  await act();
  const r = await settle(page);
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
async function bubblePoint(page: Page): Promise<{ x: number; y: number; id: string; selector: string }> {
  const point = await page.evaluate<{ x: number; y: number; id: string } | null>(`(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (const node of document.querySelectorAll('.react-flow__node-action')) {
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
 * frame intervals. `moved` is an element whose inline transform must change on the way (the viewport
 * for a pan, the node for a bubble drag): a drag that moves nothing would measure an idle page.
 */
async function dragFrames(page: Page, from: { x: number; y: number }, dx: number, dy: number, moved: string): Promise<number[]> {
  const steps = 40;
  const transform = () => page.evaluate<string>(`document.querySelector(${JSON.stringify(moved)})?.style.transform ?? ''`);
  const before = await transform();
  let during = before;
  await page.mouse.move(from.x, from.y);
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
  if (during === before) throw new Error(`the drag from (${Math.round(from.x)}, ${Math.round(from.y)}) did not move ${moved}`);
  return frames;
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

/** The figures of one workflow size, measured in a fresh page (so the heap holds the examples and this workflow only). */
async function benchSize(browser: Browser, baseUrl: string, size: number, runs: number, drags: number): Promise<Figure[]> {
  const doc = generateWorkflowDocument(size);
  const label = `${size.toLocaleString('en-US')} actions`;
  const { context, page } = await newContext(browser, baseUrl);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const home = await openApp(page, baseUrl);
    const baseHeap = await heapMb(cdp);
    const warm = await importFile(page, doc, doc.workflow.id);
    const heap = await heapMb(cdp);
    const imports: number[] = [];
    const opens: number[] = [];
    for (let i = 1; i <= runs; i++) {
      await openByClick(page, home);
      imports.push((await importFile(page, doc, `${doc.workflow.id}-${i}`)).ms);
      await openByClick(page, home);
      opens.push((await openByClick(page, doc.workflow.name)).ms);
    }
    const panMedians: number[] = [];
    const panP95s: number[] = [];
    const dragMedians: number[] = [];
    const dragP95s: number[] = [];
    for (let i = 0; i < drags; i++) {
      const pan = await dragFrames(page, await emptyPanePoint(page), 240, 160, VIEWPORT);
      panMedians.push(median(pan));
      panP95s.push(percentile(pan, 95));
      const bubble = await bubblePoint(page);
      const drag = await dragFrames(page, bubble, 200, 120, bubble.selector);
      dragMedians.push(median(drag));
      dragP95s.push(percentile(drag, 95));
    }
    const big = size === 1000;
    const openTarget = big ? { target: { kind: 'max' as const, value: OPEN_TARGET_MS } } : {};
    return [
      figure({
        section: SECTION,
        name: `import ${label}: file → first complete paint`,
        value: median(imports),
        unit: 'ms',
        note: `${warm.nodes} nodes in the DOM; ${runs} imports after a warm-up (which took ${Math.round(warm.ms)} ms)`,
        ...openTarget,
      }),
      figure({ section: SECTION, name: `  open from the list: click → first complete paint`, value: median(opens), unit: 'ms', ...openTarget }),
      figure({ section: SECTION, name: `  frame while panning, median`, value: median(panMedians), unit: 'ms' }),
      figure({ section: SECTION, name: `  frame while panning, 95th percentile`, value: median(panP95s), unit: 'ms' }),
      figure({
        section: SECTION,
        name: `  frame while dragging a bubble, median`,
        value: median(dragMedians),
        unit: 'ms',
        ...(big ? { target: { kind: 'max' as const, value: DRAG_FRAME_TARGET_MS } } : {}),
      }),
      figure({ section: SECTION, name: `  frame while dragging a bubble, 95th percentile`, value: median(dragP95s), unit: 'ms' }),
      figure({ section: SECTION, name: `  JS heap after the first import`, value: heap, unit: 'MB', note: `${baseHeap.toFixed(1)} MB before, with an example workflow open` }),
    ];
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new Error(errors.length ? `${message}; the page threw: ${errors.slice(0, 2).join(' | ')}` : message);
  } finally {
    await context.close();
  }
}

/**
 * Runs the canvas benchmark against a served build. A size whose measurement fails is reported as a
 * missed figure with the reason (and the page's own errors), and the other sizes still run.
 */
export async function benchCanvas(baseUrl: string, repeat: Repeat, progress: (text: string) => void = () => {}): Promise<Figure[]> {
  const browser = await launchBrowser();
  const figures: Figure[] = [];
  // Every import and drag of a large canvas takes seconds; a few of each keep the section within minutes.
  const runs = Math.min(3, repeat.runs);
  const drags = Math.min(3, repeat.runs);
  try {
    for (const size of CANVAS_SIZES) {
      const started = performance.now();
      try {
        figures.push(...(await benchSize(browser, baseUrl, size, runs, drags)));
      } catch (e) {
        figures.push(
          figure({
            section: SECTION,
            name: `import ${size.toLocaleString('en-US')} actions: file → first complete paint`,
            value: Number.NaN,
            unit: 'ms',
            target: { kind: 'max', value: OPEN_TARGET_MS },
            note: `failed: ${e instanceof Error ? e.message : String(e)}`.slice(0, 400),
          }),
        );
      }
      progress(`${size} (${((performance.now() - started) / 1000).toFixed(0)} s) `);
    }
  } finally {
    await browser.close();
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
  const lines = ['pan frame median at 1,000 actions with style changes (2 pans each):'];
  for (const [label, css] of PAN_EXPERIMENTS) {
    const tag = css ? await page.addStyleTag({ content: css }) : null;
    const medians = [median(await pan()), median(await pan())];
    await tag?.evaluate((el: Node) => (el as ChildNode).remove());
    lines.push(`  ${median(medians).toFixed(1).padStart(6)} ms  ${label}`);
  }
  return lines.join('\n');
}

/**
 * Profiles opening and dragging in the 1,000-action workflow on an unminified build: CPU self time per
 * function (Chrome DevTools Protocol) and React render counts per component (devtools hook).
 */
export async function profileCanvas(baseUrl: string): Promise<string[]> {
  const doc = generateWorkflowDocument(1000);
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
    const pan = async () => dragFrames(page, await emptyPanePoint(page), 240, 160, VIEWPORT);
    await profiled('panning the 1,000-action canvas', pan, async () => undefined);
    const drag = async () => {
      const bubble = await bubblePoint(page);
      return dragFrames(page, bubble, 200, 120, bubble.selector);
    };
    await profiled('dragging a bubble of the 1,000-action canvas', drag, async () => undefined);
    out.push(await panExperiments(page, pan));
    await context.close();
  } finally {
    await browser.close();
  }
  return out;
}
