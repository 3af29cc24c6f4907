import { createScanner } from 'jsonc-parser';

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

/** One value of the text: where it is, and for objects and arrays what it holds. */
interface LocNode {
  start: number;
  end: number;
  /** An object's members in text order (a key written twice is looked up at its last place, as JSON.parse reads it). */
  members?: { key: string; node: LocNode }[];
  byKey?: Map<string, LocNode>;
  /** An array's items in text order. */
  items?: LocNode[];
  /** A string value, unescaped. */
  text?: string;
}

// jsonc-parser's SyntaxKind (a const enum, so spelled out here).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const NULL = 7;
const TRUE = 8;
const FALSE = 9;
const STRING = 10;
const NUMBER = 11;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;

interface Frame {
  node: LocNode;
  /** The key read in an object, waiting for its value. */
  key: string | null;
}

/**
 * Builds the value tree of a JSON text with an explicit stack: no recursion, so text nested a hundred
 * thousand levels deep costs memory in proportion to its size and never overflows the call stack.
 * It reads as far as the text is well formed; at the first token that does not fit, the values still
 * open end there, so problems in a broken text still find the nearest value written before it.
 */
function buildTree(text: string): LocNode | undefined {
  const scanner = createScanner(text, false);
  const stack: Frame[] = [];
  let root: LocNode | undefined;
  let stopAt = text.length;

  // Hangs a finished or opened value on its parent; false when the text has no place for it.
  const attach = (node: LocNode): boolean => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (root) return false;
      root = node;
      return true;
    }
    if (top.node.items) {
      top.node.items.push(node);
      return true;
    }
    if (top.key === null) return false;
    top.node.members!.push({ key: top.key, node });
    top.node.byKey!.set(top.key, node);
    top.key = null;
    return true;
  };

  scan: for (;;) {
    const kind = scanner.scan();
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (scanner.getTokenError() !== 0 && kind !== STRING) {
      stopAt = start;
      break;
    }
    switch (kind) {
      case EOF:
        break scan;
      case LINE_COMMENT:
      case BLOCK_COMMENT:
      case LINE_BREAK:
      case TRIVIA:
      case COMMA:
      case COLON:
        continue;
      case OPEN_BRACE:
      case OPEN_BRACKET: {
        const node: LocNode = kind === OPEN_BRACE ? { start, end: start, members: [], byKey: new Map() } : { start, end: start, items: [] };
        if (!attach(node)) {
          stopAt = start;
          break scan;
        }
        stack.push({ node, key: null });
        continue;
      }
      case CLOSE_BRACE:
      case CLOSE_BRACKET: {
        const top = stack[stack.length - 1];
        if (!top || (kind === CLOSE_BRACE) !== (top.node.members !== undefined)) {
          stopAt = start;
          break scan;
        }
        top.node.end = end;
        stack.pop();
        continue;
      }
      case STRING: {
        const top = stack[stack.length - 1];
        if (top?.node.members && top.key === null) {
          top.key = scanner.getTokenValue();
          continue;
        }
        if (!attach({ start, end, text: scanner.getTokenValue() })) {
          stopAt = start;
          break scan;
        }
        continue;
      }
      case NUMBER:
      case NULL:
      case TRUE:
      case FALSE:
        if (!attach({ start, end })) {
          stopAt = start;
          break scan;
        }
        continue;
      default:
        stopAt = start;
        break scan;
    }
  }
  for (const frame of stack) frame.node.end = Math.max(frame.node.start + 1, stopAt);
  return root;
}

/** The child of a node at one path segment. */
function child(node: LocNode, segment: string | number): LocNode | undefined {
  if (node.items) return typeof segment === 'number' ? node.items[segment] : undefined;
  return node.byKey?.get(String(segment));
}

/** The child of a node whose span holds the offset (binary search: children are in text order). */
function childAt(node: LocNode, offset: number): { key: string | number; node: LocNode } | null {
  const list = node.items ? node.items.map((n, i) => ({ key: i as string | number, node: n })) : (node.members ?? []);
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = list[mid]!;
    if (offset < c.node.start) hi = mid - 1;
    else if (offset >= c.node.end) lo = mid + 1;
    else return c;
  }
  return null;
}

/**
 * Maps JSON pointers to spans of one text, and offsets back to action ids. Parses once per text (the
 * last text's tree is kept, so cursor moves do not parse again); nothing here recurses over the input.
 */
export class JsonLocator {
  private readonly root: LocNode | undefined;

  private static last: JsonLocator | null = null;

  /** The locator of a text, reusing the last one built when the text is the same. */
  static of(text: string): JsonLocator {
    if (JsonLocator.last?.text !== text) JsonLocator.last = new JsonLocator(text);
    return JsonLocator.last;
  }

  constructor(readonly text: string) {
    this.root = buildTree(text);
  }

  /** The span of the value at the pointer, or of its nearest existing ancestor. */
  spanOf(pointer: string): TextSpan | null {
    if (!this.root) return null;
    let node = this.root;
    for (const segment of pointerSegments(pointer)) {
      const next = child(node, segment);
      if (!next) break;
      node = next;
    }
    return { start: node.start, end: node.end };
  }

  private actions(): LocNode[] {
    const workflow = this.root && child(this.root, 'workflow');
    return (workflow && child(workflow, 'actions')?.items) ?? [];
  }

  /** The span of the action with the given id in /workflow/actions. */
  actionSpan(actionId: string): TextSpan | null {
    for (const item of this.actions()) {
      const id = child(item, 'id');
      if (id?.text === actionId) return { start: item.start, end: item.end };
    }
    return null;
  }

  /** The id of the action whose JSON contains the offset, if any. */
  actionAt(offset: number): string | null {
    const workflow = this.root && childAt(this.root, offset);
    if (workflow?.key !== 'workflow') return null;
    const actions = childAt(workflow.node, offset);
    if (actions?.key !== 'actions' || !actions.node.items) return null;
    const action = childAt(actions.node, offset);
    const id = action && child(action.node, 'id');
    return typeof id?.text === 'string' ? id.text : null;
  }
}
