/**
 * CPU profiles for `npm run bench -- --profile`: where the time of a measured piece of work goes, as the
 * functions with the most self time. Node work is profiled in-process through the inspector; browser
 * work through the Chrome DevTools Protocol (same profile format).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** The V8 CPU profile format (the subset read here). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** One line of a profile summary. */
export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  share: number;
}

/** Frames of the profiler itself: stopping it runs inside the profiled thread. */
const INSPECTOR = /^node:inspector/;
/** The bench's own wrapper around profiled work, left out of the totals. */
const WRAPPER = /test\/bench\/profile\.ts$/;

/** Each node's parent, and the nodes that run under the profiler's own frames. */
function shape(profile: CpuProfile): { parent: Map<number, number>; own: Set<number> } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const own = new Set<number>();
  for (const node of profile.nodes) {
    for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) {
      if (INSPECTOR.test(byId.get(at)!.callFrame.url)) {
        own.add(node.id);
        break;
      }
    }
  }
  return { parent, own };
}

type CallFrame = CpuProfile['nodes'][number]['callFrame'];

/** Where a frame's function is, with the path shortened to the part that names it. */
function whereOf(cf: CallFrame): string {
  if (!cf.url) return '';
  const file = cf.url.replace(/^.*\/(src|node_modules|test|assets)\//, '$1/');
  // tsx hands V8 one-line modules, so a line number only helps for bundles and plain JavaScript.
  return cf.lineNumber > 0 ? `${file}:${cf.lineNumber + 1}` : file;
}

/** Adds time to a function's line of a summary. */
function addTime(lines: Map<string, HotFunction>, name: string, where: string, ms: number): void {
  const key = `${name}@${where}`;
  const entry = lines.get(key) ?? { name, where, selfMs: 0, share: 0 };
  entry.selfMs += ms;
  lines.set(key, entry);
}

/** The largest lines of a summary, with their share of the total. */
function top(lines: Map<string, HotFunction>, total: number, count: number): HotFunction[] {
  return [...lines.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, count)
    .map((h) => ({ ...h, share: total ? h.selfMs / total : 0 }));
}

/** The functions with the most self time, garbage collection and idle included as V8 reports them. */
export function hottest(profile: CpuProfile, count = 12): HotFunction[] {
  const { own } = shape(profile);
  const selfById = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (!own.has(id)) selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byKey = new Map<string, HotFunction>();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = (selfById.get(node.id) ?? 0) / 1000;
    if (ms === 0) continue;
    total += ms;
    addTime(byKey, node.callFrame.functionName || '(anonymous)', whereOf(node.callFrame), ms);
  }
  return top(byKey, total, count);
}

/**
 * The functions with the most total time (their own and their callees'), each counted once per sample
 * however deep it recurses: where a piece of work goes, level by level.
 */
export function heaviest(profile: CpuProfile, count = 25): HotFunction[] {
  const { parent, own } = shape(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, HotFunction>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (own.has(id)) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const cf = byId.get(at)!.callFrame;
      if (!cf.functionName || cf.functionName.startsWith('(') || WRAPPER.test(cf.url)) continue;
      const where = whereOf(cf);
      const key = `${cf.functionName}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      addTime(totals, cf.functionName, where, ms);
    }
  });
  return top(totals, total, count);
}

/** A profile summary as printable lines. */
export function formatHottest(title: string, hot: readonly HotFunction[]): string {
  const lines = hot.map((h) => `  ${h.selfMs.toFixed(1).padStart(8)} ms ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}  ${h.where}`);
  return [`${title}`, ...lines].join('\n');
}

/** Profiles a synchronous piece of work in this process; writes the .cpuprofile when a file is given. */
export async function profileNode(work: () => void, file?: string): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    if (file) writeFileSync(file, JSON.stringify(profile));
    return profile;
  } finally {
    session.disconnect();
  }
}
