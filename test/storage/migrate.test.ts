import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openDatabase, schemaVersion } from '../../src/storage';
import { tables } from '../../src/storage/schema';
import { createTestDatabase, DATABASE_KINDS } from './databases';

const MIGRATIONS = loadMigrations();

describe('loadMigrations', () => {
  it('numbers the migrations 1, 2, 3… with no gap', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(3);
  });
});

// Rows written at each version, to prove a later migration keeps what an earlier one stored.
const SEED: Record<number, string> = {
  1: `insert into accounts (id, email, name, password_hash) values ('acc_1', 'ada@example.com', 'Ada', 'x');
      insert into workspaces (id, name, settings) values ('ws_1', 'Team', '{}'::jsonb);
      insert into members (workspace_id, account_id, role) values ('ws_1', 'acc_1', 'admin');`,
  2: `insert into workflows (workspace_id, id, name, head) values ('ws_1', 'wf', 'A workflow', 1);
      insert into revisions (workspace_id, workflow_id, number, kind, author, author_name, document)
        values ('ws_1', 'wf', 1, 'create', 'acc_1', 'Ada', '{}');`,
  3: `insert into comment_threads (id, workspace_id, workflow_id, target, revision) values ('thr_1', 'ws_1', 'wf', 'trigger', 1);`,
};

for (const kind of DATABASE_KINDS) {
  describe(`migrate (${kind})`, () => {
    it('builds the whole schema on an empty database, once', async () => {
      const t = await createTestDatabase(kind, { migrated: false });
      try {
        expect(await schemaVersion(t.db)).toBe(0);
        expect(await migrate(t.db)).toEqual(MIGRATIONS.map((m) => m.version));
        expect(await schemaVersion(t.db)).toBe(MIGRATIONS.length);
        expect(await migrate(t.db)).toEqual([]);
      } finally {
        await t.drop();
      }
    }, 60_000);

    for (let from = 1; from < MIGRATIONS.length; from++) {
      it(`upgrades a database at version ${from} and keeps its rows`, async () => {
        const t = await createTestDatabase(kind, { migrated: false });
        try {
          await migrate(t.db, { to: from });
          expect(await schemaVersion(t.db)).toBe(from);
          for (let v = 1; v <= from; v++) {
            const seed = SEED[v];
            if (seed) await t.db.rawTransaction((c) => c.exec(seed));
          }
          expect(await migrate(t.db)).toEqual(MIGRATIONS.filter((m) => m.version > from).map((m) => m.version));
          const rows = await t.db.rawTransaction((c) => c.query<{ name: string }>("select name from accounts where id = 'acc_1'"));
          expect(rows).toEqual([{ name: 'Ada' }]);
        } finally {
          await t.drop();
        }
      }, 60_000);
    }

    it('has every column the typed query layer names', async () => {
      const t = await createTestDatabase(kind);
      try {
        const columns = await t.db.rawTransaction((c) =>
          c.query<{ table_name: string; column_name: string }>("select table_name, column_name from information_schema.columns where table_schema = 'public'"),
        );
        const present = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
        for (const table of Object.values(tables) as PgTable[]) {
          for (const column of Object.values(getTableColumns(table))) {
            expect(present, `${getTableName(table)}.${column.name}`).toContain(`${getTableName(table)}.${column.name}`);
          }
        }
      } finally {
        await t.drop();
      }
    }, 60_000);

    it('refuses to change or delete a stored revision', async () => {
      const t = await createTestDatabase(kind, { migrated: false });
      try {
        await migrate(t.db, { to: 2 });
        await t.db.rawTransaction(async (c) => {
          await c.exec(SEED[1] ?? '');
          await c.exec(SEED[2] ?? '');
        });
        await expect(t.db.rawTransaction((c) => c.exec("update revisions set document = 'changed'"))).rejects.toThrow(/immutable/);
        await expect(t.db.rawTransaction((c) => c.exec('delete from revisions'))).rejects.toThrow(/immutable/);
      } finally {
        await t.drop();
      }
    }, 60_000);
  });
}

if (DATABASE_KINDS.includes('postgres')) {
  describe('migrate on a shared PostgreSQL', () => {
    it('applies each migration once when two instances start together', async () => {
      const t = await createTestDatabase('postgres', { migrated: false });
      const other = await openDatabase({ url: t.url ?? '' });
      try {
        const [a, b] = await Promise.all([migrate(t.db), migrate(other)]);
        expect([...a, ...b].sort()).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await other.close();
        await t.drop();
      }
    }, 60_000);
  });
}
