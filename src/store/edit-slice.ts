import type { Action, ActionKind } from '../actions';
import * as graph from '../graph';
import { continuationSlot, reachableFrom } from '../graph/links';
import type { CommentThread, Layout, Point, Workflow, WorkflowDocument } from '../model';
import { pasteFragment, parseClipboard, copyChain, copyFragment } from './clipboard';
import type { AppState, Outcome, SliceCreator } from './types';
import { idRecord } from './id-record';

/** Every editing command of the open workflow; each committed command is one undo step. */
export interface EditSlice {
  /** Inserts a new action of a kind at an insertion point and selects it. */
  insertAt(point: graph.InsertionPoint, kind: ActionKind): Outcome;
  cloneAction(id: string): Outcome;
  moveAction(id: string, point: graph.InsertionPoint): Outcome;
  /** Deletes one action; for a branch, `keepSlot` names the path that stays. */
  deleteAction(id: string, keepSlot?: string): Outcome;
  deleteFollowing(id: string): Outcome;
  /** Saves an action's new settings (a run of edits to one action merges into one step). */
  updateAction(action: Action): Outcome;
  /** Saves workflow-level changes (name, enrollment, description). */
  updateWorkflow(workflow: Workflow): Outcome;
  /** Keeps the position a node was dragged to (one step per drag). */
  placeNode(nodeId: string, position: Point): void;
  /** Drops the positions the user placed, so the automatic layout applies again. */
  tidyUp(): void;
  renameWorkflow(workflowId: string, name: string): Outcome;
  /** Saves the comment threads (review works through the pure operations of src/review/threads). */
  setComments(comments: CommentThread[]): Outcome;
  /** The clipboard text for an action: a workflow document holding it (a branch with its subtree). */
  copyAction(id: string): string | null;
  /** The point right after an action on its path (null after a go-to, which ends its path). */
  pointAfter(id: string): graph.InsertionPoint | null;
  /** Pastes clipboard text at a point (after the selection when no point is given). */
  pasteText(text: string, point?: graph.InsertionPoint): Outcome;
  /** Deletes several actions in one step (graph.deleteActions). */
  deleteActions(ids: readonly string[]): Outcome;
  /** Moves several actions to a point as one run, in one step (graph.moveActions). */
  moveActions(ids: readonly string[], point: graph.InsertionPoint): Outcome;
  /** The clipboard text for several actions as one chain (graph.chainFragment); null, with a notice saying why, when refused. */
  copyActions(ids: readonly string[]): string | null;
  /** Connects an action's output to another action with a go-to, in one step (graph.connectWithGoto). */
  connectGoto(from: string, to: string): Outcome;
  /** Keeps the positions several nodes were dragged to (one step for the drag). */
  placeNodes(positions: Record<string, Point>): void;
}

type Get = () => AppState;

function refuse(get: Get, key: string, params?: Record<string, string | number>): Outcome {
  get().notify({ tone: 'error', key, params });
  return { ok: false, message: key };
}

/** Runs a change of the open document; refusals (GraphError and friends) reach the user as a notice. */
function change(
  get: Get,
  label: string,
  edit: (doc: WorkflowDocument) => { doc: WorkflowDocument; select?: AppState['selection'] },
  options: { coalesce?: string; allowInReview?: boolean; workflowId?: string } = {},
): Outcome {
  const s = get();
  const id = options.workflowId ?? s.openId;
  const doc = id ? s.documents[id] : undefined;
  if (!id || !doc) return refuse(get, 'notice.noWorkflow');
  if (s.preview) return refuse(get, 'notice.builtInReadOnly');
  if (s.historyView || (s.reviewMode && !options.allowInReview)) return refuse(get, 'notice.readOnly');
  let result: { doc: WorkflowDocument; select?: AppState['selection'] };
  try {
    result = edit(doc);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof graph.GraphError) s.notify({ tone: 'error', key: `graph.${error.code}`, params: error.params, fallback: message });
    else s.notify({ tone: 'error', key: 'notice.refused', params: { reason: message } });
    return { ok: false, message };
  }
  get().commit(id, result.doc, { label, coalesce: options.coalesce, select: result.select });
  return { ok: true };
}

/** Applies a graph operation's result to a document: drops layout and comments of removed actions. */
export function applyOp(doc: WorkflowDocument, result: graph.OpResult, unplace: readonly string[] = []): WorkflowDocument {
  const removed = new Set([...result.removed, ...unplace]);
  const layout = withoutPositions(result.layout ?? doc.layout, removed);
  const next: WorkflowDocument = { ...doc, workflow: result.workflow };
  if (layout) next.layout = layout;
  else delete next.layout;
  if (doc.comments && result.removed.length) {
    const gone = new Set(result.removed);
    next.comments = doc.comments.filter((t) => !gone.has(t.target));
  }
  return next;
}

function withoutPositions(layout: Layout | undefined, ids: ReadonlySet<string>): Layout | undefined {
  if (!layout) return undefined;
  if (ids.size === 0) return layout;
  const positions: Layout['positions'] = idRecord();
  let count = 0;
  for (const [key, point] of Object.entries(layout.positions)) {
    if (ids.has(key)) continue;
    positions[key] = point;
    count++;
  }
  return count ? { positions } : undefined;
}

export const createEditSlice: SliceCreator<EditSlice> = (_set, get) => ({
  insertAt(point, kind) {
    return change(get, 'history.insert', (doc) => {
      const action = graph.newAction(doc.workflow, kind);
      const result = graph.insertAction(doc.workflow, point, action);
      return { doc: applyOp(doc, result), select: { kind: 'action', id: action.id } };
    });
  },
  cloneAction(id) {
    return change(get, 'history.clone', (doc) => {
      const result = graph.cloneAction(doc.workflow, id);
      const copy = result.added[0];
      return { doc: applyOp(doc, result), select: copy ? { kind: 'action', id: copy } : undefined };
    });
  },
  moveAction(id, point) {
    get().setInteraction({ type: 'idle' });
    return change(get, 'history.move', (doc) => {
      const result = graph.moveAction(doc.workflow, id, point);
      // The moved subtree lands somewhere new: its old hand-placed positions no longer mean anything.
      const moved = reachableFrom(result.workflow, id, { jumps: false });
      return { doc: applyOp(doc, result, moved), select: { kind: 'action', id } };
    });
  },
  deleteAction(id, keepSlot) {
    return change(get, 'history.delete', (doc) => ({
      doc: applyOp(doc, graph.deleteAction(doc.workflow, id, keepSlot)),
      select: null,
    }));
  },
  deleteFollowing(id) {
    return change(get, 'history.deleteFollowing', (doc) => ({
      doc: applyOp(doc, graph.deleteFollowing(doc.workflow, id)),
      select: null,
    }));
  },
  updateAction(action) {
    return change(
      get,
      'history.edit',
      (doc) => {
        const old = doc.workflow.actions.find((a) => a.id === action.id);
        if (!old) throw new Error(`There is no action "${action.id}" in this workflow.`);
        if (action.kind === 'goto' && old.kind === 'goto' && old.target !== action.target) {
          return { doc: applyOp(doc, graph.setGotoTarget(doc.workflow, action.id, action.target)) };
        }
        return { doc: applyOp(doc, graph.updateAction(doc.workflow, action)) };
      },
      { coalesce: `action:${action.id}` },
    );
  },
  updateWorkflow(workflow) {
    return change(
      get,
      'history.editWorkflow',
      (doc) => {
        if (workflow.id !== doc.workflow.id) throw new Error('A workflow cannot change its id.');
        return { doc: { ...doc, workflow } };
      },
      { coalesce: `workflow:${workflow.id}` },
    );
  },
  placeNode(nodeId, position) {
    get().placeNodes({ [nodeId]: position });
  },
  placeNodes(positions) {
    const placed = idRecord(Object.entries(positions).map(([id, p]) => [id, { x: p.x, y: p.y }] as const));
    change(get, 'history.place', (doc) => ({
      doc: { ...doc, layout: { positions: idRecord([...Object.entries(doc.layout?.positions ?? {}), ...Object.entries(placed)]) } },
    }));
  },
  tidyUp() {
    const doc = get().openId ? get().documents[get().openId!] : undefined;
    if (!doc?.layout) return;
    change(get, 'history.tidy', (d) => {
      const next = { ...d };
      delete next.layout;
      return { doc: next };
    });
  },
  renameWorkflow(workflowId, name) {
    return change(get, 'history.rename', (d) => ({ doc: { ...d, workflow: { ...d.workflow, name: name.trim() } } }), { workflowId });
  },
  setComments(comments) {
    return change(
      get,
      'history.comment',
      (doc) => {
        const next = { ...doc };
        if (comments.length) next.comments = comments;
        else delete next.comments;
        return { doc: next };
      },
      { allowInReview: true },
    );
  },
  copyAction(id) {
    const s = get();
    const doc = s.openId ? s.documents[s.openId] : undefined;
    if (!doc || !doc.workflow.actions.some((a) => a.id === id)) return null;
    return copyFragment(doc.workflow, id);
  },
  pointAfter(id) {
    const s = get();
    const action = s.openId ? s.documents[s.openId]?.workflow.actions.find((a) => a.id === id) : undefined;
    const slot = action ? continuationSlot(action) : null;
    return slot ? { type: 'link', from: id, slot } : null;
  },
  deleteActions(ids) {
    return change(get, 'history.delete', (doc) => ({ doc: applyOp(doc, graph.deleteActions(doc.workflow, ids)), select: null }));
  },
  moveActions(ids, point) {
    get().setInteraction({ type: 'idle' });
    return change(get, 'history.move', (doc) => {
      const result = graph.moveActions(doc.workflow, ids, point);
      const moved = ids.flatMap((id) => reachableFrom(result.workflow, id, { jumps: false }));
      return { doc: applyOp(doc, result, moved) };
    });
  },
  copyActions(ids) {
    const s = get();
    const doc = s.openId ? s.documents[s.openId] : undefined;
    if (!doc) return null;
    try {
      return copyChain(doc.workflow, graph.chainFragment(doc.workflow, ids));
    } catch (error: unknown) {
      if (error instanceof graph.GraphError) s.notify({ tone: 'error', key: `graph.${error.code}`, params: error.params, fallback: error.message });
      else s.notify({ tone: 'error', key: 'notice.refused', params: { reason: String(error) } });
      return null;
    }
  },
  connectGoto(from, to) {
    return change(get, 'history.insert', (doc) => {
      const result = graph.connectWithGoto(doc.workflow, from, to);
      const added = result.added[0];
      return { doc: applyOp(doc, result), select: { kind: 'action', id: added ?? from } };
    });
  },
  pasteText(text, point) {
    const parsed = parseClipboard(text);
    if (!parsed.ok) return refuse(get, 'notice.pasteRefused', { reason: parsed.message });
    const s = get();
    const at = point ?? pastePoint(s);
    if (!at) return refuse(get, 'notice.pasteNowhere');
    return change(get, 'history.paste', (doc) => {
      const result = pasteFragment(doc.workflow, parsed.workflow, at);
      const first = result.added[0];
      return { doc: applyOp(doc, result), select: first ? { kind: 'action', id: first } : undefined };
    });
  },
});

/** Where a paste lands without an explicit point: after the selected action, or first when the trigger is selected. */
function pastePoint(s: AppState): graph.InsertionPoint | null {
  const sel = s.selection;
  if (sel === null || sel.kind === 'trigger') return { type: 'start' };
  return s.pointAfter(sel.id);
}
