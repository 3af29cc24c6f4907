/**
 * Timing and reporting for the benchmark: medians of several runs after a warm-up, comparisons run
 * interleaved in the same process (A, B, A, B, ...) so both sides see the same machine load, and the
 * table and JSON the bench prints.
 */
import { cpus, loadavg } from 'node:os';

/** One timed run: wall-clock and processor time of this process, in milliseconds. */
export interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** How many runs to time and how many to throw away first. */
export interface Repeat {
  warmup: number;
  runs: number;
}

/** Times one call of `fn`. */
export function timeOnce(fn: () => void): Sample {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * Times several functions the same number of times, interleaved, after warm-up runs of each. Interleaving
 * puts every function under the same load from other programs, so ratios between them hold even on a
 * busy machine where the absolute figures drift.
 */
export function interleaved<K extends string>(fns: Record<K, () => void>, repeat: Repeat): Record<K, Sample[]> {
  const keys = Object.keys(fns) as K[];
  for (let i = 0; i < repeat.warmup; i++) for (const k of keys) fns[k]();
  const out = Object.fromEntries(keys.map((k) => [k, [] as Sample[]])) as Record<K, Sample[]>;
  for (let i = 0; i < repeat.runs; i++) for (const k of keys) out[k].push(timeOnce(fns[k]));
  return out;
}

/** The value at a percentile (0–100) of a list, by nearest rank; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median of a list (mean of the two middle values for an even count); NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time of samples. */
export const medianWall = (samples: readonly Sample[]) => median(samples.map((s) => s.wallMs));
/** Median processor time of samples. */
export const medianCpu = (samples: readonly Sample[]) => median(samples.map((s) => s.cpuMs));

/** A target a figure is held to. */
export interface Target {
  /** "max": the figure must stay below the value; "min": it must reach at least the value. */
  kind: 'max' | 'min';
  value: number;
}

/** One line of the report. */
export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** Processor-time median beside the wall-clock one, where the figure is a time. */
  cpu?: number;
  target?: Target;
  met?: boolean;
  note?: string;
}

/** A figure, judged against its target when it has one. */
export function figure(f: Omit<Figure, 'met'>): Figure {
  if (!f.target) return f;
  const met = f.target.kind === 'max' ? f.value < f.target.value : f.value >= f.target.value;
  return { ...f, met };
}

/** A number for the table: thousands separated, a sensible count of decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatValue(value: number, unit: string): string {
  return unit === '×' ? `${formatNumber(value)}×` : `${formatNumber(value)} ${unit}`.trim();
}

/** The report as a fixed-width table, one section after another. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.section,
    f.name,
    formatValue(f.value, f.unit) + (f.cpu !== undefined ? ` (cpu ${formatNumber(f.cpu)})` : ''),
    f.target ? `${f.target.kind === 'max' ? '<' : '≥'} ${formatValue(f.target.value, f.unit)}` : '',
    f.met === undefined ? '' : f.met ? 'met' : 'NOT MET',
    f.note ?? '',
  ]);
  const header = ['section', 'figure', 'median (wall)', 'target', 'result', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** What the JSON report says about the machine, so figures from different machines are read fairly. */
export function machineInfo(): { node: string; cpus: number; cpuModel: string; loadavg: number[] } {
  const list = cpus();
  return { node: process.version, cpus: list.length, cpuModel: list[0]?.model ?? 'unknown', loadavg: loadavg().map((x) => Math.round(x * 100) / 100) };
}
