import type { AppStore } from '../../store/store';
import { fansOut } from '../../graph/links';

/**
 * What the bubble menu and the keyboard do with a node. Each command either runs a store edit (one
 * undo step) or opens the question it needs first.
 */

/** Selects a node and opens its settings in the inspector. */
export function editNode(store: AppStore, id: string): void {
  const s = store.getState();
  s.select(id === 'trigger' ? { kind: 'trigger' } : { kind: 'action', id });
  s.setPanels({ right: true, rightTab: 'inspector' });
  // The inspector renders on the next frame; focus its first field so typing can start at once.
  requestAnimationFrame(() => {
    const panel = document.getElementById('tf-inspector');
    const first = panel?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])') ?? panel?.querySelector<HTMLElement>('button');
    first?.focus();
  });
}

/** Deletes one action; a branch first asks which path to keep. */
export function deleteOne(store: AppStore, id: string): void {
  const s = store.getState();
  const action = s.openId ? s.documents[s.openId]?.workflow.actions.find((a) => a.id === id) : undefined;
  if (!action) return;
  if (fansOut(action)) s.openDialog({ type: 'deleteBranch', actionId: id });
  else s.deleteAction(id);
}

/** Asks for confirmation (naming how many actions go), then deletes an action and all that follows. */
export function deleteWithFollowing(store: AppStore, id: string): void {
  store.getState().openDialog({ type: 'deleteFollowing', actionId: id });
}

/** Enters "pick an insertion point" mode for an action; Escape leaves it. */
export function startMove(store: AppStore, id: string): void {
  const s = store.getState();
  s.select({ kind: 'action', id });
  s.setInteraction({ type: 'move', actionId: id });
}
