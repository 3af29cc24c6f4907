import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrate, openDatabase, type Database, type DatabaseKind } from '../../src/storage';

/**
 * The PostgreSQL server the tests create their throwaway databases on (trust auth on this project's
 * machines; .ci/run starts it). TICKETFLOW_TEST_PG overrides it.
 */
export const ADMIN_URL = process.env.TICKETFLOW_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const available = await postgresAnswers();
if (!available) {
  if (process.env.CI) throw new Error(`PostgreSQL does not answer at ${ADMIN_URL}; under CI the PostgreSQL tests must run.`);
  console.warn(`\n*** PostgreSQL does not answer at ${ADMIN_URL}: the PostgreSQL half of the storage and server tests is SKIPPED. ***\n`);
}

/** The database kinds the tests run against: both, or only the embedded one when no server answers. */
export const DATABASE_KINDS: readonly DatabaseKind[] = available ? ['embedded', 'postgres'] : ['embedded'];

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A throwaway database: an in-memory PGlite, or a new database `tf_test_<pid>_<random>` on the server. */
export interface TestDatabase {
  db: Database;
  /** The connection string of the PostgreSQL database (null for the embedded one). */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  let url: string | null = null;
  let name: string | null = null;
  if (kind === 'postgres') {
    name = `tf_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const u = new URL(ADMIN_URL);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const db = await openDatabase(url ? { url, poolSize: 20 } : {});
  if (options.migrated !== false) await migrate(db);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      if (name) await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Declares the same tests once per database kind, each with a fresh migrated database opened before
 * them and dropped after.
 */
export function describeEachDatabase(title: string, body: (get: () => TestDatabase) => void, options: { migrated?: boolean } = {}): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${title} (${kind})`, () => {
      let current: TestDatabase | null = null;
      beforeAll(async () => {
        current = await createTestDatabase(kind, options);
      }, 60_000);
      afterAll(async () => {
        await current?.drop();
      });
      body(() => {
        if (!current) throw new Error('the test database is not open');
        return current;
      });
    });
  }
}
