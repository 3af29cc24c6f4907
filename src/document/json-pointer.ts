/** A JSON pointer (RFC 6901) built from path segments, escaping "~" and "/". */
export function pointer(...segments: (string | number)[]): string {
  let out = '';
  for (const s of segments) out += '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

/** The segments of a JSON pointer, unescaped. */
export function segments(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The value a JSON pointer designates in `root` (own properties only), or undefined where there is
 * none. Walks the pointer in place, without splitting it: it runs once per schema error, and a
 * hostile file has hundreds of thousands.
 */
export function valueAt(root: unknown, path: string): unknown {
  let value = root;
  let start = 1;
  while (start <= path.length && path.length > 0) {
    let end = path.indexOf('/', start);
    if (end === -1) end = path.length;
    let key = path.slice(start, end);
    if (key.includes('~')) key = key.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
    start = end + 1;
  }
  return value;
}

/** The id of the workflow action a pointer lies in ("/workflow/actions/N/…"), read from the document. */
export function actionIdAt(doc: unknown, path: string): string | undefined {
  const m = /^\/workflow\/actions\/(\d+)(?:\/|$)/.exec(path);
  if (!m || !isRecord(doc) || !isRecord(doc.workflow)) return undefined;
  const actions = doc.workflow.actions;
  if (!Array.isArray(actions)) return undefined;
  const action: unknown = actions[Number(m[1])];
  return isRecord(action) && typeof action.id === 'string' ? action.id : undefined;
}

/** How a message names the place a pointer designates. */
export function describePlace(path: string, actionId?: string): string {
  if (actionId !== undefined) return `Action "${actionId}" (${path})`;
  return path === '' ? 'The document' : `The value at ${path}`;
}

/** Whether a value is a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
