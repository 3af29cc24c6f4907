import { ActionSchema, type Action } from '../actions';
import type { Draft } from './draft';
import { GraphError } from './errors';
import { linksOf } from './links';

/** Refuses an action that does not match its kind's schema or repeats a path id, naming where. */
export function checkAction(action: Action): void {
  const parsed = ActionSchema.safeParse(action);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const id = typeof (action as { id?: unknown }).id === 'string' ? action.id : '(no id)';
    throw new GraphError('INVALID_ACTION', {
      id,
      pointer: issue.path.length ? `/${issue.path.map(String).join('/')}` : '/',
      problem: issue.message,
    });
  }
  const slots = new Set<string>();
  for (const l of linksOf(action)) {
    if (slots.has(l.slot)) throw new GraphError('DUPLICATE_SLOT', { id: action.id, slot: l.slot });
    slots.add(l.slot);
  }
}

/** Refuses a go-to target that is the go-to itself or no action of the draft. */
export function checkJumpTarget(draft: Draft, id: string, target: string | null): void {
  if (target === null) return;
  if (target === id) throw new GraphError('GOTO_SELF', { id });
  if (!draft.byId.has(target)) throw new GraphError('GOTO_TARGET_UNKNOWN', { id, target });
}
