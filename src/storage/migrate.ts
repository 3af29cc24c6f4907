import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

/** One numbered migration: src/storage/migrations/NNNN_name.sql. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The migrations in version order; numbers must run 1, 2, 3… with no gap or repeat. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: match[2] ?? '', sql: readFileSync(`${dir}/${file}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.version}_${m.name} is out of sequence: expected number ${i + 1}.`);
  });
  return migrations;
}

/** Any fixed number: the advisory lock that lets one instance at a time migrate a shared database. */
const MIGRATION_LOCK = 724_150_001;

/**
 * Brings the database to `to` (default: the latest migration). Each migration runs in its own
 * transaction together with its row in schema_migrations, under an advisory lock, so several
 * instances starting at once apply each migration exactly once. Returns the versions it applied.
 */
export async function migrate(db: Database, options: { to?: number; migrations?: Migration[] } = {}): Promise<number[]> {
  const migrations = options.migrations ?? loadMigrations();
  const target = options.to ?? migrations.length;
  await db.rawTransaction(async (c) => {
    await c.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.exec(
      'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
    );
  });
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version > target) break;
    const done = await db.rawTransaction(async (c) => {
      await c.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await c.query('select 1 from schema_migrations where version = $1', [m.version]);
      if (rows.length) return false;
      await c.exec(m.sql);
      await c.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** The highest migration applied (0 for an empty database). */
export async function schemaVersion(db: Database): Promise<number> {
  return db.rawTransaction(async (c) => {
    const exists = await c.query<{ t: string | null }>("select to_regclass('schema_migrations')::text as t");
    if (!exists[0]?.t) return 0;
    const rows = await c.query<{ v: number | null }>('select max(version) as v from schema_migrations');
    return Number(rows[0]?.v ?? 0);
  });
}
