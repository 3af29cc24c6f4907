import { findNodeAtLocation, getLocation, parseTree, type Node } from 'jsonc-parser';

/** A span of the JSON text, as offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Splits a JSON pointer ("/workflow/actions/3/next") into path segments, unescaping ~1 and ~0. */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Maps JSON pointers to spans of one text, and offsets back to action ids.
 * Parses once per text; the tree is reused for every lookup.
 */
export class JsonLocator {
  private readonly root: Node | undefined;

  constructor(readonly text: string) {
    this.root = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  }

  /** The span of the value at the pointer, or of its nearest existing ancestor. */
  spanOf(pointer: string): TextSpan | null {
    if (!this.root) return null;
    const path = pointerSegments(pointer);
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.root, path.slice(0, n));
      if (node) {
        // A property's key is a better anchor than a whole object for a missing child.
        return { start: node.offset, end: node.offset + node.length };
      }
    }
    return null;
  }

  /** The span of the action with the given id in /workflow/actions. */
  actionSpan(actionId: string): TextSpan | null {
    const actions = this.root && findNodeAtLocation(this.root, ['workflow', 'actions']);
    for (const item of actions?.children ?? []) {
      const idNode = findNodeAtLocation(item, ['id']);
      if (idNode?.value === actionId) return { start: item.offset, end: item.offset + item.length };
    }
    return null;
  }

  /** The id of the action whose JSON contains the offset, if any. */
  actionAt(offset: number): string | null {
    const loc = getLocation(this.text, offset);
    const [a, b, index] = loc.path;
    if (a !== 'workflow' || b !== 'actions' || typeof index !== 'number' || !this.root) return null;
    const idNode = findNodeAtLocation(this.root, ['workflow', 'actions', index, 'id']);
    return typeof idNode?.value === 'string' ? idNode.value : null;
  }
}
