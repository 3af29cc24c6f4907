import { bigserial, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// The typed view of the tables the SQL migrations in ./migrations create. The migrations are the
// source of truth; test/storage/schema.test.ts checks that every column named here exists there.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const accounts = pgTable('accounts', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  passwordChangedAt: at('password_changed_at').notNull().defaultNow(),
});

export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  settings: jsonb('settings').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

export const members = pgTable(
  'members',
  {
    workspaceId: text('workspace_id').notNull(),
    accountId: text('account_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.accountId] })],
);

export const sessions = pgTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  accountId: text('account_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
});

export const invites = pgTable('invites', {
  tokenHash: text('token_hash').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  email: text('email').notNull(),
  role: text('role').$type<Role>().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  acceptedAt: at('accepted_at'),
  acceptedBy: text('accepted_by'),
});

export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  name: text('name').notNull(),
  scope: text('scope').$type<TokenScope>().notNull(),
  tokenHash: text('token_hash').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
});

export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: at('window_start').notNull(),
  count: integer('count').notNull(),
});

export const workflows = pgTable(
  'workflows',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    head: integer('head').notNull(),
    published: integer('published'),
    publishedAt: at('published_at'),
    publishedBy: text('published_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
    deletedAt: at('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const revisions = pgTable(
  'revisions',
  {
    workspaceId: text('workspace_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    number: integer('number').notNull(),
    base: integer('base'),
    kind: text('kind').$type<RevisionKind>().notNull(),
    author: text('author'),
    authorName: text('author_name').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    message: text('message'),
    document: text('document').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.workflowId, t.number] })],
);

export const commentThreads = pgTable('comment_threads', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  workflowId: text('workflow_id').notNull(),
  target: text('target').notNull(),
  revision: integer('revision').notNull(),
  resolved: boolean('resolved').notNull().default(false),
  resolvedBy: text('resolved_by'),
  resolvedAt: at('resolved_at'),
  createdAt: at('created_at').notNull().defaultNow(),
  /** The id the thread had where it came from (a bundle, a page), when it was not started here. */
  origin: text('origin'),
});

export const commentMessages = pgTable('comment_messages', {
  id: text('id').primaryKey(),
  threadId: text('thread_id').notNull(),
  author: text('author').notNull(),
  text: text('text').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  /** The id the message had where it came from, when it was not written here. */
  origin: text('origin'),
});

export const scenarios = pgTable(
  'scenarios',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    document: text('document').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const auditLog = pgTable('audit_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  at: at('at').notNull().defaultNow(),
  actorAccount: text('actor_account'),
  actorToken: text('actor_token'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  target: text('target'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
});

export const events = pgTable('events', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  at: at('at').notNull().defaultNow(),
  type: text('type').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
});

/** A member's role in a workspace. */
export type Role = 'admin' | 'reviewer' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'reviewer', 'viewer'];

/** What an API token may do: read, or read and validate/simulate. */
export type TokenScope = 'read' | 'read+run';

/** Why a revision was made (DESIGN revision model). */
export type RevisionKind = 'create' | 'save' | 'checkpoint' | 'publish' | 'restore' | 'import';
export const REVISION_KINDS: readonly RevisionKind[] = ['create', 'save', 'checkpoint', 'publish', 'restore', 'import'];

/** Every table, for drizzle's relational queries. */
export const tables = {
  accounts,
  workspaces,
  members,
  sessions,
  invites,
  apiTokens,
  rateLimits,
  workflows,
  revisions,
  commentThreads,
  commentMessages,
  scenarios,
  auditLog,
  events,
};
