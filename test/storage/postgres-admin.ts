import pg from 'pg';

/**
 * The PostgreSQL server that tests and the bench create their throwaway databases on (trust auth
 * on this project's machines; .ci/run starts it). TICKETFLOW_TEST_PG overrides it.
 */
export const ADMIN_URL = process.env.TICKETFLOW_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs one statement on the server's maintenance database (create or drop a database). */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The connection string of database `name` on that server. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
