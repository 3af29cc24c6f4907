import { format } from '../actions/messages';

/** English texts of the graph operations' refusals; the UI may translate them under "graph.<CODE>". */
export const GRAPH_ERROR_MESSAGES = {
  UNKNOWN_ACTION: 'There is no action "{id}" in this workflow.',
  UNKNOWN_KIND: 'There is no action kind "{kind}".',
  DUPLICATE_ID: 'The workflow has more than one action with id "{id}"; action ids must be unique.',
  NOT_A_TREE:
    'Action "{id}" is reached from both {first} and {second}; paths may only merge through a go-to. Fix the links in the JSON before editing here.',
  UNKNOWN_SLOT: 'Action "{id}" has no path "{slot}".',
  JUMP_SLOT: 'The target of go-to "{id}" is not a place on a path; actions cannot be placed there.',
  INVALID_ACTION: 'Action "{id}" is not valid at {pointer}: {problem}',
  ACTION_EXISTS: 'An action with id "{id}" already exists in this workflow.',
  ACTION_LINKED: 'Action "{id}" must lead nowhere before it is added, but its {slot} leads to "{target}".',
  GOTO_MID_PATH:
    'A go-to ends its path, so "{id}" can only be placed at the end of a path; here it would cut off "{next}".',
  BLOCK_ENDS_IN_GOTO:
    'The default path below "{id}" ends with go-to "{goto}", so nothing can follow it; "{next}" would be cut off. Drop it at the end of a path instead.',
  CLONE_BRANCH: 'Branch "{id}" cannot be cloned; only single actions can.',
  CLONE_GOTO: 'Go-to "{id}" cannot be cloned: it ends its path, so no copy can follow it.',
  MOVE_ONTO_ITSELF: 'Action "{id}" is already there.',
  MOVE_INTO_SUBTREE: 'Branch "{id}" cannot be moved below itself (onto a path after "{at}").',
  KEEP_PATH_REQUIRED:
    'Deleting branch "{id}" keeps one of its paths; choose which one ({slots}).',
  KEEP_PATH_NOT_BRANCH: 'Action "{id}" is not a branch, so there is no path to choose when deleting it.',
  NOT_A_GOTO: 'Action "{id}" is not a go-to.',
  GOTO_SELF: 'Go-to "{id}" cannot go to itself.',
  GOTO_TARGET_UNKNOWN: 'Go-to "{id}" points at "{target}", which is not an action of this workflow.',
  KIND_CHANGED: 'Action "{id}" is a {before} action and cannot become a {after} action; delete it and add a new one.',
  LINK_CHANGED:
    'Editing action "{id}" cannot re-link its {slot} (from "{before}" to "{after}"); move or delete actions instead.',
  DUPLICATE_SLOT: 'Action "{id}" has two paths named "{slot}"; path ids must be unique within a branch.',
  WOULD_ORPHAN:
    'This would leave {count} action(s) that nothing leads to any more ({ids}); they are reached only through what is being changed.',
} satisfies Record<string, string>;

/** Stable code of a refused graph operation. */
export type GraphErrorCode = keyof typeof GRAPH_ERROR_MESSAGES;

/** A graph operation refused because of its input; `code` is stable, `message` is English text. */
export class GraphError extends Error {
  override readonly name = 'GraphError';

  constructor(
    readonly code: GraphErrorCode,
    readonly params: Record<string, string | number>,
  ) {
    super(format(GRAPH_ERROR_MESSAGES[code], params));
  }
}

/** A short list of ids for messages: the first few, then how many more. */
export function listIds(ids: readonly string[], most = 5): string {
  const shown = ids.slice(0, most).map((id) => `"${id}"`).join(', ');
  return ids.length > most ? `${shown} and ${ids.length - most} more` : shown;
}

/** Whether an operation goes through: false when it is refused with a GraphError (other errors are bugs and rethrown). */
export function isAllowed(operation: () => unknown): boolean {
  try {
    operation();
    return true;
  } catch (e) {
    if (e instanceof GraphError) return false;
    throw e;
  }
}
