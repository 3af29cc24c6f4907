import { IdSchema } from '../model';

/** The hash prefix of review mode: `#/review/<workflowId>` opens that workflow read-only, comments allowed. */
export const REVIEW_ROUTE_PREFIX = '#/review/';

/** What a location hash says about review mode. */
export type ReviewRoute =
  | { kind: 'review'; workflowId: string }
  | { kind: 'invalid'; message: string };

/** The hash that opens a workflow in review mode. */
export function reviewRoute(workflowId: string): string {
  if (!IdSchema.safeParse(workflowId).success) {
    throw new Error(`Cannot link to review mode: "${workflowId}" is not a workflow id.`);
  }
  return `${REVIEW_ROUTE_PREFIX}${encodeURIComponent(workflowId)}`;
}

/** Reads a location hash: a review route, an unusable one (with the reason), or null when it is not about review. */
export function parseReviewRoute(hash: string): ReviewRoute | null {
  if (!hash.startsWith(REVIEW_ROUTE_PREFIX)) return null;
  const raw = hash.slice(REVIEW_ROUTE_PREFIX.length).replace(/\/+$/, '');
  let workflowId: string;
  try {
    workflowId = decodeURIComponent(raw);
  } catch {
    return { kind: 'invalid', message: `The review link "${hash}" is not properly encoded.` };
  }
  if (!workflowId) return { kind: 'invalid', message: 'The review link names no workflow.' };
  if (!IdSchema.safeParse(workflowId).success) {
    return { kind: 'invalid', message: `The review link names "${workflowId}", which is not a workflow id.` };
  }
  return { kind: 'review', workflowId };
}
