import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/start';

/** A team server for a browser test: its address and how to stop it. */
export interface TeamServer {
  base: string;
  close(): Promise<void>;
}

/**
 * The team server as `npm start` runs it (the built app from dist/ with its Content-Security-Policy
 * header), on a free loopback port, with an embedded PGlite database in a temporary folder.
 */
export async function startTeamServer(): Promise<TeamServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ticketflow-e2e-'));
  // A cheap password hash for tests; the default cost is for real accounts.
  const server = await startServer({ port: 0, mode: 'production', dataDir, passwordCost: { memoryCost: 1024, timeCost: 1 } });
  return {
    base: `${server.url.replace('localhost', '127.0.0.1')}/`,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
