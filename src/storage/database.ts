import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { tables } from './schema';

/** The typed query layer (Drizzle) over either driver; a transaction has the same type. */
export type Orm = PgDatabase<PgQueryResultHKT, typeof tables>;

/** A plain client for what the query layer cannot say: scripts of several statements (migrations). */
export interface RawClient {
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** Where the data lives: PostgreSQL embedded in the process (PGlite), or a PostgreSQL server. */
export type DatabaseKind = 'embedded' | 'postgres';

/** An open database. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly orm: Orm;
  /** Runs `work` in one transaction on a plain client; it commits only when `work` resolves. */
  rawTransaction<T>(work: (client: RawClient) => Promise<T>): Promise<T>;
  /**
   * Receives NOTIFY payloads on `channel`. With a PostgreSQL server the LISTEN connection is
   * re-established when it drops, and `onReconnect` is called once it listens again, so the caller
   * can catch up on what it missed. Resolves to a function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Where to open the database. */
export interface DatabaseOptions {
  /** A PostgreSQL connection string (DATABASE_URL); when set, the server is used. */
  url?: string | undefined;
  /** The folder of the embedded database; undefined keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Connections in the pool (PostgreSQL server only; default 10). */
  poolSize?: number;
}

/** Opens the database the options name: PostgreSQL at `url`, else PGlite in `dataDir` (or memory). */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openEmbedded(options.dataDir);
}

async function openEmbedded(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const orm = drizzlePglite({ client, schema: tables }) as unknown as Orm;
  return {
    kind: 'embedded',
    orm,
    rawTransaction: (work) =>
      client.transaction((tx) =>
        work({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <T,>(text: string, params: unknown[] = []) => (await tx.query<T>(text, params)).rows,
        }),
      ),
    listen: async (channel, onPayload) => {
      const stop = await client.listen(channel, onPayload);
      return stop;
    },
    close: () => client.close(),
  };
}

/** PostgreSQL's codes for a connection the server ended (admin shutdown, crash, cannot connect now). */
const CONNECTION_ENDED = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);

/**
 * Whether an error (or its cause: the query layer wraps driver errors) says the connection was lost,
 * not that the statement was wrong. Such a statement never ran on a live connection.
 */
export function isConnectionLost(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_ENDED.has(code) || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNREFUSED')) return true;
    if (/Connection terminated|Client has encountered a connection error|connection is not queryable/i.test(e.message)) return true;
  }
  return false;
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A backend that ends (a restart, pg_terminate_backend) makes an idle client emit an error; the
  // pool drops that client and opens a new one for the next query, so it is not fatal.
  pool.on('error', () => {});
  // A pooled connection may have been ended by the server before the pool noticed: a single
  // statement that fails that way is sent again, once, on a fresh connection.
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
    try {
      return await query(...args);
    } catch (error) {
      if (!isConnectionLost(error)) throw error;
      return query(...args);
    }
  };
  const orm = drizzlePg({ client: pool, schema: tables }) as unknown as Orm;
  const listeners = new Set<Listener>();
  return {
    kind: 'postgres',
    orm,
    rawTransaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <T,>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: async (channel, onPayload, onReconnect) => {
      const listener = new Listener(url, channel, onPayload, onReconnect);
      listeners.add(listener);
      await listener.start();
      return async () => {
        listeners.delete(listener);
        await listener.stop();
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((l) => l.stop()));
      await pool.end();
    },
  };
}

/** One LISTEN connection that comes back after it drops, retrying with a growing pause (at most 2 s). */
class Listener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onPayload: (payload: string) => void,
    private readonly onReconnect: (() => void) | undefined,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (n) => {
      if (n.channel === this.channel) this.onPayload(n.payload ?? '');
    });
    const dropped = () => this.dropped(client);
    client.on('error', dropped);
    client.on('end', dropped);
    await client.connect();
    await client.query(`listen "${this.channel.replaceAll('"', '""')}"`);
    this.client = client;
  }

  private dropped(client: pg.Client, attempt = 0): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    this.scheduleReconnect(attempt);
  }

  private scheduleReconnect(attempt: number): void {
    if (this.stopped) return;
    const pause = Math.min(2000, 50 * 2 ** attempt);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().then(
        () => this.onReconnect?.(),
        () => this.scheduleReconnect(attempt + 1),
      );
    }, pause);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
  }
}
