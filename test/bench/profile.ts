/**
 * CPU profiles for `npm run bench -- --profile`: where the time of a measured piece of work goes, as the
 * functions with the most self time. Node work is profiled in-process through the inspector; browser
 * work through the Chrome DevTools Protocol (same profile format).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** The V8 CPU profile format (the subset read here). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
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

/** The functions with the most self time, garbage collection and idle included as V8 reports them. */
export function hottest(profile: CpuProfile, count = 12): HotFunction[] {
  const selfById = new Map<number, number>();
  profile.samples.forEach((id, i) => selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byKey = new Map<string, HotFunction>();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = (selfById.get(node.id) ?? 0) / 1000;
    if (ms === 0) continue;
    total += ms;
    const cf = node.callFrame;
    const where = cf.url ? `${cf.url.replace(/^.*\/(src|node_modules|test|assets)\//, '$1/')}:${cf.lineNumber + 1}` : '';
    const name = cf.functionName || '(anonymous)';
    const key = `${name}@${where}`;
    const entry = byKey.get(key) ?? { name, where, selfMs: 0, share: 0 };
    entry.selfMs += ms;
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, count)
    .map((h) => ({ ...h, share: total ? h.selfMs / total : 0 }));
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
