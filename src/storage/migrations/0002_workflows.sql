-- Workflows and their revisions. A revision is immutable: a trigger refuses any UPDATE or DELETE,
-- so history can only grow. A workflow row says which revision is the head (the draft in team mode)
-- and which one, if any, is published (live).

create table workflows (
  workspace_id text not null references workspaces (id) on delete cascade,
  id text not null,
  name text not null,
  head integer not null,
  published integer,
  published_at timestamptz,
  published_by text references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text references accounts (id),
  deleted_at timestamptz,
  primary key (workspace_id, id)
);

create table revisions (
  workspace_id text not null,
  workflow_id text not null,
  number integer not null check (number >= 1),
  base integer,
  kind text not null check (kind in ('create', 'save', 'checkpoint', 'publish', 'restore', 'import')),
  author text references accounts (id),
  author_name text not null,
  created_at timestamptz not null default now(),
  message text,
  -- The exported bytes of the workflow document without comments (deterministic export).
  document text not null,
  primary key (workspace_id, workflow_id, number),
  foreign key (workspace_id, workflow_id) references workflows (workspace_id, id) on delete cascade,
  check (base is null or base < number)
);

create function revisions_are_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'revisions are immutable (% refused)', tg_op;
end;
$$;

create trigger revisions_immutable before update or delete on revisions
  for each row when (pg_trigger_depth() = 0) execute function revisions_are_immutable();
