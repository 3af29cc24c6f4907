import { z } from 'zod';
import '../model/zod-config';
import { DEFAULT_BUDGETS } from '../engine';

// The request and response bodies of the HTTP API (/api/v1), in zod: the routes check bodies with
// them, openapi.ts turns them into the OpenAPI 3.1 document, and clients can take their types.
// Workflow, workspace and scenario documents are the model's own schemas (the source of schemas/).

const Id = z.string().min(1).max(200);
const Iso = z.string().describe('An ISO 8601 date-time.');
const Email = z.string().trim().min(3).max(320).regex(/^[^\s@]+@[^\s@]+$/, 'an email address such as ada@example.com');
const Password = z.string().min(10, 'at least 10 characters').max(200);
const PersonName = z.string().trim().min(1).max(200);

export const RoleSchema = z.enum(['admin', 'reviewer', 'viewer']).describe('admin: edit, publish, manage members and tokens; reviewer: read and comment; viewer: read.');
export const TokenScopeSchema = z.enum(['read', 'read+run']).describe('read: the workflows and workspace; read+run: also validate and simulate.');

/** One problem with a document, as the core reports it (TF codes). */
export const DocumentProblemSchema = z.object({
  code: z.string().describe('Stable code such as TF304.'),
  severity: z.enum(['error', 'warning']),
  path: z.string().describe('JSON pointer into the document.'),
  message: z.string(),
  actionId: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** RFC 9457 problem details, with the document's problems when a document is at fault. */
export const ProblemSchema = z.object({
  type: z.string().describe('A URI naming the kind of problem.'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  problems: z.array(DocumentProblemSchema).optional(),
  current: z.number().int().optional().describe('On 409: the current revision (or version).'),
});

export const AccountSchema = z.object({ id: Id, name: z.string(), email: z.string() });
const WorkspaceRefSchema = z.object({ id: Id, name: z.string() });
const PersonRefSchema = z.object({ id: Id, name: z.string() }).nullable();

export const HealthSchema = z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']), version: z.string() });
export const SetupStatusSchema = z.object({ needed: z.boolean() });
export const SetupBodySchema = z.object({ name: PersonName, email: Email, password: Password, workspaceName: z.string().trim().min(1).max(200).optional() });
export const SignInBodySchema = z.object({ email: z.string().max(320), password: z.string().max(200) });
export const SessionSchema = z.object({
  account: AccountSchema,
  role: RoleSchema,
  workspace: WorkspaceRefSchema,
  csrfToken: z.string().describe('Send it as the x-csrf-token header on every state-changing request made with the cookie.'),
  expiresAt: Iso,
});
export const PasswordBodySchema = z.object({ current: z.string().max(200), password: Password });
export const MeSchema = z.object({ account: AccountSchema, role: RoleSchema, workspace: WorkspaceRefSchema });

export const MemberSchema = z.object({ id: Id, name: z.string(), email: z.string(), role: RoleSchema, since: Iso });
export const MembersSchema = z.object({ members: z.array(MemberSchema) });
export const InviteBodySchema = z.object({ email: Email, role: RoleSchema });
export const InviteSchema = z.object({ invite: z.object({ url: z.string(), token: z.string(), email: z.string(), role: RoleSchema, expiresAt: Iso }) });
export const MemberPatchSchema = z.object({ role: RoleSchema });
export const AcceptInviteBodySchema = z.object({ name: PersonName, password: Password });

export const TokenSchema = z.object({ id: Id, name: z.string(), scope: TokenScopeSchema, createdAt: Iso, createdBy: PersonRefSchema, lastUsedAt: Iso.nullable() });
export const TokensSchema = z.object({ tokens: z.array(TokenSchema) });
export const TokenBodySchema = z.object({ name: z.string().trim().min(1).max(200), scope: TokenScopeSchema });
export const NewTokenSchema = z.object({ token: TokenSchema, secret: z.string().describe('The token itself ("tf_…"), shown this once: it is stored hashed.') });

export const WorkspaceBodySchema = z.object({ name: z.string().trim().min(1).max(200).optional(), settings: z.unknown().describe('The help-desk workspace (workspace.schema.json).') });
export const TeamWorkspaceSchema = z.object({ id: Id, name: z.string(), version: z.number().int(), updatedAt: Iso, settings: z.unknown().describe('The help-desk workspace (workspace.schema.json).') });

export const RevisionKindSchema = z.enum(['create', 'save', 'checkpoint', 'publish', 'restore', 'import']);
export const WorkflowSummarySchema = z.object({
  id: Id,
  name: z.string(),
  head: z.number().int().describe('The latest revision (the draft).'),
  published: z.number().int().nullable().describe('The live revision, or null when the workflow is off.'),
  publishedAt: Iso.nullable(),
  updatedAt: Iso,
  updatedBy: PersonRefSchema,
});
export const WorkflowsSchema = z.object({ workflows: z.array(WorkflowSummarySchema) });
export const TrashSchema = z.object({
  workflows: z.array(
    z.object({
      id: Id,
      name: z.string(),
      revision: z.number().int().describe('Its last revision, whose document this is.'),
      deletedAt: Iso,
      document: z.record(z.string(), z.unknown()).describe('The workflow document of that revision (ticketflow.workflow), without comments.'),
    }),
  ),
});
export const RevisionSchema = z.object({
  workflowId: Id,
  number: z.number().int(),
  base: z.number().int().nullable(),
  kind: RevisionKindSchema,
  author: Id.nullable(),
  authorName: z.string(),
  createdAt: Iso,
  message: z.string().nullable(),
  published: z.boolean().describe('Whether this is the live revision.'),
});
export const RevisionsSchema = z.object({ workflowId: Id, head: z.number().int(), published: z.number().int().nullable(), revisions: z.array(RevisionSchema) });
export const SavedSchema = z.object({
  revision: RevisionSchema,
  problems: z.array(DocumentProblemSchema).describe('What the core found in the stored draft (errors block publishing, not saving).'),
  notes: z.array(z.string()),
});
export const PublishBodySchema = z.object({ revision: z.number().int().min(1) });
export const PublishedSchema = z.object({ workflowId: Id, published: z.number().int().nullable(), publishedAt: Iso.nullable() });

export const CommentMessageSchema = z.object({ id: Id, author: Id, authorName: z.string(), at: Iso, text: z.string() });
export const CommentThreadSchema = z.object({
  id: Id,
  workflowId: Id,
  target: z.string().describe('An action id, or "trigger".'),
  revision: z.number().int().describe('The head revision when the thread was started.'),
  resolved: z.boolean(),
  resolvedBy: Id.nullable(),
  resolvedAt: Iso.nullable(),
  createdAt: Iso,
  messages: z.array(CommentMessageSchema),
});
export const CommentsSchema = z.object({ comments: z.array(CommentThreadSchema) });
const CommentText = z.string().trim().min(1).max(10000);
const OriginKey = (what: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(`The id the ${what} has on the client (a page, a file): sent again, it finds what the first call stored instead of storing it twice.`);
export const CommentBodySchema = z.object({ target: z.string().min(1).max(200), text: CommentText, key: OriginKey('thread'), messageKey: OriginKey('first message') });
export const ReplyBodySchema = z.object({ text: CommentText, key: OriginKey('message') });
export const CommentPatchSchema = z.object({ resolved: z.boolean() });

export const ScenarioSummarySchema = z.object({ id: Id, name: z.string(), version: z.number().int(), updatedAt: Iso });
export const ScenariosSchema = z.object({ scenarios: z.array(ScenarioSummarySchema) });
export const ScenarioSavedSchema = z.object({ scenario: ScenarioSummarySchema, problems: z.array(DocumentProblemSchema) });

export const ImportReportSchema = z.object({
  workspace: z.enum(['replaced', 'kept']),
  workflows: z.array(z.object({ id: Id, name: z.string(), revision: z.number().int(), outcome: z.enum(['created', 'revised', 'unchanged']) })),
  scenarios: z.array(z.object({ id: Id, name: z.string(), outcome: z.enum(['created', 'replaced']) })),
  problems: z.array(DocumentProblemSchema),
  notes: z.array(z.string()),
});

export const ValidationSchema = z.object({
  ok: z.boolean().describe('True when no problem is an error.'),
  problems: z.array(DocumentProblemSchema),
  notes: z.array(z.string()),
  migratedFrom: z.number().int().optional(),
});
const budget = (limit: number, what: string) => z.number().int().min(1).max(limit).optional().describe(`At most ${limit.toLocaleString('en')} ${what} (the default, as in the CLI).`);
/** Budgets a caller may lower (never raise) for one run. */
export const SimulateBudgetsSchema = z.object({
  maxActions: budget(DEFAULT_BUDGETS.maxActions, 'actions'),
  maxRecords: budget(DEFAULT_BUDGETS.maxRecords, 'records'),
  maxOutputBytes: budget(DEFAULT_BUDGETS.maxOutputBytes, 'bytes of output'),
});

export const SimulateBodySchema = z.object({
  scenario: z.union([Id, z.record(z.string(), z.unknown())]).describe('A saved scenario id, or a scenario document.'),
  drafts: z
    .array(z.record(z.string(), z.unknown()))
    .max(200)
    .optional()
    .describe('Workflow documents run in place of the live revision with the same id (or added).'),
  budgets: SimulateBudgetsSchema.optional().describe("Lower budgets for this run; unset ones are the engine's defaults, as in the CLI."),
});
export const SimulationResponseSchema = z.object({
  workflows: z.array(z.object({ id: Id, revision: z.number().int().nullable().describe('null for a draft sent in the request.') })),
  result: z.record(z.string(), z.unknown()).describe('The simulation result, as the CLI prints with --json.'),
});

export const PresenceBodySchema = z.object({ workflowId: Id, state: z.enum(['viewing', 'editing', 'left']) });
export const PresenceSchema = z.object({
  presence: z.array(z.object({ workflowId: Id, account: Id, name: z.string(), state: z.enum(['viewing', 'editing']), at: Iso })),
});

export const AuditSchema = z.object({
  entries: z.array(
    z.object({
      seq: z.number().int(),
      at: Iso,
      actor: z.object({ account: Id.nullable(), token: Id.nullable(), name: z.string() }),
      action: z.string(),
      target: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** The types of live event on GET /events. */
export const EVENT_TYPES = ['workflow.saved', 'workflow.published', 'workflow.deleted', 'comment.created', 'comment.updated', 'presence', 'workspace.saved', 'scenario.saved'] as const;
export const LiveEventSchema = z
  .object({
    type: z.enum(EVENT_TYPES),
    seq: z.number().int().describe('Increases by event; the SSE id. Reconnect with Last-Event-ID to receive what was missed.'),
    workflowId: Id.optional(),
    revision: z.number().int().nullable().optional(),
  })
  .catchall(z.unknown());
export type LiveEventBody = z.infer<typeof LiveEventSchema>;
