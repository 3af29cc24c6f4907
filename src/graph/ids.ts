import { ACTIONS, type ActionKind } from '../actions';
import type { Workflow } from '../model/workflow';
import { GraphError } from './errors';

/** A new action id for the kind, "<kind>-<n>" with n one above the highest such id in use: deterministic and unique. */
export function newActionId(workflow: Workflow, kind: ActionKind): string {
  if (!Object.hasOwn(ACTIONS, kind)) throw new GraphError('UNKNOWN_KIND', { kind: String(kind) });
  const prefix = `${kind}-`;
  let highest = 0;
  for (const a of workflow.actions) {
    if (!a.id.startsWith(prefix)) continue;
    const rest = a.id.slice(prefix.length);
    if (/^\d{1,15}$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  return `${prefix}${highest + 1}`;
}
