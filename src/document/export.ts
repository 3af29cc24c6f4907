import { canonicalJson } from './canonical';
import type { WorkflowDocument } from '../model/workflow';

/**
 * Deterministic JSON: RFC 8785 (JCS) member order at every level, 2-space indent, a trailing newline
 * (see canonical.ts, the one writer export, format, migrate and the CLI share). Equal values give equal
 * bytes however their keys were inserted, and `jq -S` orders keys the same way. Properties whose value
 * is undefined are left out, as JSON.stringify does.
 */
export function stableStringify(value: unknown): string {
  return canonicalJson(value);
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
