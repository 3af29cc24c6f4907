import { definitionOf, type Action, type ActionLink } from '../actions';
import type { Layout, Workflow } from '../model/workflow';
import { GraphError, listIds } from './errors';
import { actionMap, continuationSlot, linksOf, predecessors, reachableFrom, reachableFromStart } from './links';

/** A place where an action can be put: before the start action, or on one link of an action (a path end when its target is null). */
export type InsertionPoint = { type: 'start' } | { type: 'link'; from: string; slot: string };

/** What a graph operation produced: the new workflow, the ids it added and removed, and the layout kept in step. */
export interface OpResult {
  workflow: Workflow;
  added: string[];
  removed: string[];
  /** Present when the operation was given a layout: the same positions without those of removed actions. */
  layout?: Layout;
}

/** Options every graph operation accepts. */
export interface OpOptions {
  /** The document's layout, to drop the positions of removed actions from. */
  layout?: Layout;
}

/** A link into an action: from another action's slot, or from the start (from null). */
export interface Incoming {
  from: string | null;
  slot: string;
  jump: boolean;
}

/** The layout without the positions of actions an operation removed. */
export function applyToLayout(layout: Layout, result: Pick<OpResult, 'removed'>): Layout {
  if (result.removed.length === 0) return layout;
  const gone = new Set(result.removed);
  return { positions: Object.fromEntries(Object.entries(layout.positions).filter(([id]) => !gone.has(id))) };
}

/**
 * A copy-on-write working state of one operation on a workflow. Every change replaces action objects
 * (through their definitions' withLink), so the input workflow is never touched; `finish` checks that
 * nothing the input reached was lost and builds the result.
 */
export class Draft {
  readonly byId = new Map<string, Action>();
  start: string | null;
  private readonly added: string[] = [];
  private readonly removed: string[] = [];
  /** New actions to place in the actions array after an existing id ('' = at the front). */
  private readonly placedAfter = new Map<string, string[]>();
  private incomingCache?: Map<string, Incoming[]>;
  private baseById?: Map<string, Action>;

  constructor(readonly base: Workflow) {
    for (const a of base.actions) {
      if (this.byId.has(a.id)) throw new GraphError('DUPLICATE_ID', { id: a.id });
      this.byId.set(a.id, a);
    }
    this.start = base.startActionId;
  }

  /** The action by id, as it stands in the draft. */
  get(id: string): Action {
    const a = this.byId.get(id);
    if (!a) throw new GraphError('UNKNOWN_ACTION', { id });
    return a;
  }

  /** One link of an action by slot. */
  link(id: string, slot: string): ActionLink {
    const l = linksOf(this.get(id)).find((x) => x.slot === slot);
    if (!l) throw new GraphError('UNKNOWN_SLOT', { id, slot });
    return l;
  }

  /** Checks that a point is a place on a path and returns the action it currently leads to. */
  targetAt(point: InsertionPoint): string | null {
    if (point.type === 'start') return this.start;
    const l = this.link(point.from, point.slot);
    if (l.jump) throw new GraphError('JUMP_SLOT', { id: point.from });
    return l.target;
  }

  /** Points a place on a path at another action. */
  setTargetAt(point: InsertionPoint, target: string | null): void {
    if (point.type === 'start') this.start = target;
    else this.setLink(point.from, point.slot, target);
  }

  setLink(id: string, slot: string, target: string | null): void {
    const a = this.get(id);
    this.byId.set(id, definitionOf(a).withLink(a, slot, target));
  }

  /** Replaces an action by a new version with the same id. */
  put(action: Action): void {
    this.get(action.id);
    this.byId.set(action.id, action);
  }

  /** Adds a new action, to be listed in the actions array right after `after` (null: at the front). */
  add(action: Action, after: string | null): void {
    if (this.byId.has(action.id)) throw new GraphError('ACTION_EXISTS', { id: action.id });
    this.byId.set(action.id, action);
    this.added.push(action.id);
    const key = after ?? '';
    const list = this.placedAfter.get(key);
    if (list) list.push(action.id);
    else this.placedAfter.set(key, [action.id]);
  }

  remove(id: string): void {
    if (this.byId.delete(id)) this.removed.push(id);
  }

  /** Links into an action in the input workflow (path links and go-tos). */
  incoming(id: string): Incoming[] {
    this.incomingCache ??= predecessors(this.base);
    return this.incomingCache.get(id) ?? [];
  }

  /** The one place on a path that leads to the action in the input; undefined when only go-tos (or nothing) reach it. */
  pathParent(id: string): Incoming | undefined {
    // A path link of an action to itself (malformed input) leads nowhere new, so it is no parent.
    const parents = this.incoming(id).filter((p) => !p.jump && p.from !== id);
    if (parents.length > 1) {
      const where = (p: Incoming) => (p.from === null ? 'the start' : `"${p.from}" (${p.slot})`);
      throw new GraphError('NOT_A_TREE', { id, first: where(parents[0]!), second: where(parents[1]!) });
    }
    return parents[0];
  }

  /** The insertion point that leads to an action on its path, if any. */
  pointBefore(id: string): InsertionPoint | undefined {
    const p = this.pathParent(id);
    if (!p) return undefined;
    return p.from === null ? { type: 'start' } : { type: 'link', from: p.from, slot: p.slot };
  }

  /** Ids reachable from `id` in the input workflow (itself first), following every link: what may go with it. */
  followingInBase(id: string): string[] {
    this.baseById ??= actionMap(this.base);
    return reachableFrom(this.base, id, { byId: this.baseById });
  }

  /** Re-points every go-to of the input that targets `id` (other than removed ones) to `target`. */
  retargetJumps(id: string, target: string | null): void {
    for (const p of this.incoming(id)) if (p.jump && p.from !== null && this.byId.has(p.from)) this.setLink(p.from, p.slot, target);
  }

  /**
   * Puts the chain headed by `head` at a point: the point leads to `head`, and whatever the point led to
   * before hangs at the end of the chain's continuation (a branch's default path).
   */
  place(point: InsertionPoint, head: string): void {
    const rest = this.targetAt(point);
    this.setTargetAt(point, head);
    if (rest === null) return;
    const seen = new Set<string>();
    let cur = head;
    for (;;) {
      if (seen.has(cur)) throw new GraphError('NOT_A_TREE', { id: cur, first: `"${head}"`, second: 'itself' });
      seen.add(cur);
      const a = this.get(cur);
      const slot = continuationSlot(a);
      if (slot === null) {
        if (cur === head) throw new GraphError('GOTO_MID_PATH', { id: head, next: rest });
        throw new GraphError('BLOCK_ENDS_IN_GOTO', { id: head, goto: cur, next: rest });
      }
      const t = this.link(cur, slot).target;
      if (t === null || !this.byId.has(t)) {
        this.setLink(cur, slot, rest);
        return;
      }
      cur = t;
    }
  }

  /** Ids reachable from the draft's start, following every link. */
  reachable(): Set<string> {
    return new Set(reachableFrom(this.base, this.start, { byId: this.byId }));
  }

  /** Removes those of `candidates` that nothing reaches any more; returns them in candidate order. */
  prune(candidates: Iterable<string>): string[] {
    const live = this.reachable();
    const gone: string[] = [];
    for (const id of candidates) {
      if (!live.has(id) && this.byId.has(id)) {
        this.remove(id);
        gone.push(id);
      }
    }
    return gone;
  }

  /**
   * Builds the result: links to removed actions become null, and the operation is refused when an action
   * the input reached would no longer be reachable from the start. (Actions the input already failed to
   * reach, as in a half-built import, may still be edited; they stay as unreachable as they were.)
   */
  finish(opts: OpOptions = {}): OpResult {
    const removed = new Set(this.removed);
    if (removed.size) {
      if (this.start !== null && removed.has(this.start)) this.start = null;
      for (const a of [...this.byId.values()]) {
        for (const l of linksOf(a)) if (l.target !== null && removed.has(l.target)) this.setLink(a.id, l.slot, null);
      }
    }
    const before = reachableFromStart(this.base);
    const after = this.reachable();
    const lost: string[] = [];
    for (const id of before) if (!removed.has(id) && !after.has(id)) lost.push(id);
    if (lost.length) throw new GraphError('WOULD_ORPHAN', { count: lost.length, ids: listIds(lost) });

    const actions: Action[] = [];
    const emit = (id: string) => {
      const a = this.byId.get(id);
      if (a) actions.push(a);
      for (const next of this.placedAfter.get(id) ?? []) emit(next);
    };
    for (const id of this.placedAfter.get('') ?? []) emit(id);
    for (const a of this.base.actions) emit(a.id);

    const result: OpResult = {
      workflow: { ...this.base, actions, startActionId: this.start },
      added: [...this.added],
      removed: [...this.removed],
    };
    if (opts.layout) result.layout = applyToLayout(opts.layout, result);
    return result;
  }
}
