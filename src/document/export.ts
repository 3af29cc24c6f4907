import type { WorkflowDocument } from '../model/workflow';

/**
 * Deterministic JSON: object keys sorted by UTF-16 code units at every level (the order of
 * JavaScript's default sort and of RFC 8785), 2-space indent, a trailing newline. Equal values give
 * equal bytes however their keys were inserted, and tools such as `jq -S` order keys the same way.
 * Properties whose value is undefined are left out, as JSON.stringify does.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    const sorted = sortKeys(source[key]);
    // Assigning "__proto__" would set the copy's prototype; defineProperty keeps it data.
    if (key === '__proto__') Object.defineProperty(out, key, { value: sorted, enumerable: true, writable: true, configurable: true });
    else out[key] = sorted;
  }
  return out;
}

/** Options of exportWorkflow. */
export interface ExportOptions {
  /** Include the review comment threads (default true). */
  comments?: boolean;
}

/**
 * The file text of a workflow document; the same document always gives the same bytes. Workspaces
 * and scenarios are written with stableStringify directly.
 */
export function exportWorkflow(doc: WorkflowDocument, options: ExportOptions = {}): string {
  if (options.comments === false) {
    const { comments: _omitted, ...rest } = doc;
    return stableStringify(rest);
  }
  return stableStringify(doc);
}
