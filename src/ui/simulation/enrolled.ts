import type { SimulationResult } from '../../engine';

/** How many distinct tickets each workflow enrolled in a run (the [S-reenroll] warning asks whether any did). */
export function enrolledCounts(result: SimulationResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const history of Object.values(result.history)) {
    const seen = new Set<string>();
    for (const e of history.enrollments) {
      if (e.code !== 'enrollment.enrolled' || seen.has(e.workflow)) continue;
      seen.add(e.workflow);
      counts[e.workflow] = (counts[e.workflow] ?? 0) + 1;
    }
  }
  return counts;
}
