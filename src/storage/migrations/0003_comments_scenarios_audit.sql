-- Review comment threads (authored by accounts), saved simulation scenarios, the audit log, and the
-- journal of live events that lets a client (or an instance whose LISTEN connection dropped) catch up
-- from the last sequence number it saw.

create table comment_threads (
  id text primary key,
  workspace_id text not null,
  workflow_id text not null,
  -- An action id, or 'trigger'.
  target text not null,
  -- The head revision when the thread was started: the thread stays readable from it.
  revision integer not null,
  resolved boolean not null default false,
  resolved_by text references accounts (id),
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (workspace_id, workflow_id) references workflows (workspace_id, id) on delete cascade
);
create index comment_threads_workflow on comment_threads (workspace_id, workflow_id);

create table comment_messages (
  id text primary key,
  thread_id text not null references comment_threads (id) on delete cascade,
  author text not null references accounts (id),
  text text not null,
  created_at timestamptz not null default now()
);
create index comment_messages_thread on comment_messages (thread_id, created_at);

create table scenarios (
  workspace_id text not null references workspaces (id) on delete cascade,
  id text not null,
  name text not null,
  -- The scenario document as exported (stable JSON).
  document text not null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by text references accounts (id),
  primary key (workspace_id, id)
);

create table audit_log (
  seq bigserial primary key,
  workspace_id text not null,
  at timestamptz not null default now(),
  actor_account text references accounts (id),
  actor_token text,
  actor_name text not null,
  action text not null,
  target text,
  detail jsonb not null default '{}'::jsonb
);
create index audit_log_workspace on audit_log (workspace_id, seq);

create table events (
  seq bigserial primary key,
  workspace_id text not null,
  at timestamptz not null default now(),
  type text not null,
  payload jsonb not null
);
create index events_workspace on events (workspace_id, seq);
