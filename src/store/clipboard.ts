import { definitionOf, type Action } from '../actions';
import { importWorkflow } from '../document';
import { validatorsReady } from '../document/schema-validation';
import * as graph from '../graph';
import { actionMap, fansOut, linksOf, reachableFrom } from '../graph/links';
import { WORKFLOW_FORMAT, WORKFLOW_SCHEMA_VERSION, type Workflow, type WorkflowDocument } from '../model';

/** Largest clipboard text accepted for a paste. */
export const CLIPBOARD_LIMIT = 5_000_000;

/**
 * The clipboard text for an action: a workflow document whose start is the action. A branch comes
 * with every action below it; links leaving the copied part are cut, go-to targets are kept by id.
 */
export function copyFragment(workflow: Workflow, id: string): string {
  const byId = actionMap(workflow);
  const root = byId.get(id);
  if (!root) throw new Error(`There is no action "${id}" to copy.`);
  const ids = fansOut(root) ? reachableFrom(workflow, id, { jumps: false, byId }) : [id];
  const inside = new Set(ids);
  const actions = ids.map((x) => {
    let action = byId.get(x)!;
    for (const link of linksOf(action)) {
      if (!link.jump && link.target !== null && !inside.has(link.target)) {
        action = definitionOf(action).withLink(action, link.slot, null);
      }
    }
    return action;
  });
  return copyChain(workflow, { actions, startActionId: id });
}

/** The clipboard text for copied actions (already cut from the rest of the workflow) and the one they start at. */
export function copyChain(workflow: Workflow, fragment: { actions: Action[]; startActionId: string }): string {
  const { actions, startActionId: id } = fragment;
  const doc: WorkflowDocument = {
    format: WORKFLOW_FORMAT,
    schemaVersion: WORKFLOW_SCHEMA_VERSION,
    workflow: {
      id: 'clipboard',
      name: `Copied from ${workflow.name}`,
      enrollment: { triggers: [], filters: [], reenroll: false, unenroll: [] },
      actions,
      startActionId: id,
    },
  };
  return JSON.stringify(doc, null, 2);
}

/** Reads clipboard text as a workflow document, or says plainly why it cannot. */
export function parseClipboard(text: string): { ok: true; workflow: Workflow } | { ok: false; message: string } {
  if (text.length > CLIPBOARD_LIMIT) {
    return { ok: false, message: `the clipboard holds ${text.length} characters, more than the ${CLIPBOARD_LIMIT} a paste accepts` };
  }
  if (!text.trim()) return { ok: false, message: 'the clipboard is empty' };
  if (!validatorsReady()) return { ok: false, message: 'the checks a paste goes through are still loading; paste again in a moment' };
  const result = importWorkflow(text);
  if (!result.document) {
    const first = result.problems[0];
    return {
      ok: false,
      message: first ? `${first.message}${first.path ? ` (at ${first.path})` : ''}` : 'it is not a Ticketflow workflow',
    };
  }
  const workflow = result.document.workflow;
  if (workflow.startActionId === null || workflow.actions.length === 0) {
    return { ok: false, message: 'the copied workflow has no actions' };
  }
  return { ok: true, workflow };
}

/**
 * Inserts the actions of a copied workflow (from its start, following every path) at a point of
 * another workflow, under fresh ids. Go-tos keep targets that were copied along (renamed) or that
 * exist in the receiving workflow; any other target becomes "not chosen".
 */
export function pasteFragment(target: Workflow, fragment: Workflow, point: graph.InsertionPoint): graph.OpResult {
  const source = actionMap(fragment);
  const order = reachableFrom(fragment, fragment.startActionId, { jumps: false, byId: source });
  const renamed = new Map<string, string>();
  let workflow = target;
  const added: string[] = [];

  const place = (fragId: string, at: graph.InsertionPoint) => {
    const original = source.get(fragId)!;
    const id = graph.newActionId(workflow, original.kind);
    renamed.set(fragId, id);
    let copy: Action = { ...original, id };
    for (const link of linksOf(copy)) copy = definitionOf(copy).withLink(copy, link.slot, null);
    workflow = graph.insertAction(workflow, at, copy).workflow;
    added.push(id);
    for (const link of linksOf(original)) {
      if (!link.jump && link.target !== null && source.has(link.target)) {
        place(link.target, { type: 'link', from: id, slot: link.slot });
      }
    }
  };
  place(order[0]!, point);

  const existing = new Set(target.actions.map((a) => a.id));
  for (const [fragId, id] of renamed) {
    const original = source.get(fragId)!;
    if (original.kind !== 'goto' || original.target === null) continue;
    const goal = renamed.get(original.target) ?? (existing.has(original.target) ? original.target : null);
    if (goal !== null) workflow = graph.setGotoTarget(workflow, id, goal).workflow;
  }
  return { workflow, added, removed: [] };
}
