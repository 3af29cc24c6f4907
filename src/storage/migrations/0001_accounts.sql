-- Accounts, the team workspace and who belongs to it, sign-in sessions, invites, API tokens and the
-- counters that rate-limit sign-in. Secrets (session ids, invite and API tokens) are stored as
-- SHA-256 hashes only; passwords as argon2id hashes.

create table accounts (
  id text primary key,
  email text not null unique,
  name text not null,
  password_hash text not null,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now()
);

create table workspaces (
  id text primary key,
  name text not null,
  -- The help-desk workspace document (src/model Workspace), as validated by the core.
  settings jsonb not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text references accounts (id)
);

create table members (
  workspace_id text not null references workspaces (id) on delete cascade,
  account_id text not null references accounts (id) on delete cascade,
  role text not null check (role in ('admin', 'reviewer', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, account_id)
);

create table sessions (
  id_hash text primary key,
  account_id text not null references accounts (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_account on sessions (account_id);

create table invites (
  token_hash text primary key,
  workspace_id text not null references workspaces (id) on delete cascade,
  email text not null,
  role text not null check (role in ('admin', 'reviewer', 'viewer')),
  created_by text not null references accounts (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by text references accounts (id)
);

create table api_tokens (
  id text primary key,
  workspace_id text not null references workspaces (id) on delete cascade,
  name text not null,
  scope text not null check (scope in ('read', 'read+run')),
  token_hash text not null unique,
  created_by text not null references accounts (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table rate_limits (
  key text primary key,
  window_start timestamptz not null,
  count integer not null
);
