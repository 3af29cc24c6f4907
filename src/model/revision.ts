import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { CommentThreadSchema, WorkflowDocumentSchema } from './workflow';

/** How a revision came to be (DESIGN: the draft → revision rule). */
export const RevisionKindSchema = z.enum(['create', 'save', 'checkpoint', 'publish', 'restore', 'import']);
export type RevisionKind = z.infer<typeof RevisionKindSchema>;

/**
 * One immutable revision of a workflow (SPEC §10): the same shape in the local store and on the team
 * server. Its document never carries comments; they belong to the workflow and follow its bubbles.
 */
export const RevisionSchema = z
  .object({
    workflowId: IdSchema,
    number: z.number().int().min(1).describe('1, 2, … per workflow.'),
    base: z.number().int().min(1).nullable().describe('The revision the draft was based on; null for the first.'),
    kind: RevisionKindSchema,
    author: z.string().max(200).nullable().describe('Account id in team mode; null in local mode.'),
    authorName: z.string().max(200),
    createdAt: TimestampSchema,
    message: z.string().max(2000).nullable(),
    document: WorkflowDocumentSchema,
    /**
     * Local mode only: the comment threads as they were at this revision, so a thread on a bubble a
     * later revision removed stays readable from this one (the team server keeps comments itself).
     */
    comments: z.array(CommentThreadSchema).max(10000).optional(),
  })
  .describe('A revision of a workflow.');
export type Revision = z.infer<typeof RevisionSchema>;

/** Which revisions a workflow has and which one is live. */
export const WorkflowVersionsSchema = z.object({
  /** The latest revision number; 0 before the first revision. */
  head: z.number().int().min(0),
  /** The live revision; null while the workflow is off. */
  published: z.number().int().min(1).nullable(),
  publishedAt: TimestampSchema.nullable(),
  publishedBy: z.string().max(200).nullable(),
  /** Every revision that has been live at some time, for the history's published mark. */
  everPublished: z.array(z.number().int().min(1)).max(100000),
  /**
   * Local mode: threads the draft lost with a removed bubble, still readable from a revision that has
   * the bubble (the team server keeps every thread with its target and revision itself).
   */
  removedThreads: z.array(CommentThreadSchema).max(10000).optional(),
});
export type WorkflowVersions = z.infer<typeof WorkflowVersionsSchema>;

/**
 * How many deleted workflows a trash keeps, newest first (both modes: a browser's trash, and the team
 * server's GET /trash); the oldest goes first.
 */
export const TRASH_LIMIT = 50;
