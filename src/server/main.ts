// `npm run dev` and `npm start`: one process on one port serving the API and the app.
//   PORT             the port (default 5173)
//   HOST             the address to listen on (default 127.0.0.1; 0.0.0.0 behind a load balancer)
//   DATABASE_URL     postgres://… to use a PostgreSQL server (several instances can share it)
//   TICKETFLOW_DATA  the embedded database's folder when DATABASE_URL is unset (default ./data)
//   TRUST_PROXY      1 behind a load balancer that sets X-Forwarded-For/-Proto
// With --production it serves the built app (dist/) instead of Vite's development server.
import { readFileSync } from 'node:fs';
import { startServer } from './start';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const port = Number(process.env.PORT ?? 5173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(2);
}

const server = await startServer({
  port,
  host: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.TICKETFLOW_DATA || './data',
  mode: production ? 'production' : 'development',
  trustProxy: process.env.TRUST_PROXY === '1',
  logger: production,
  version,
});
const where = server.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${process.env.TICKETFLOW_DATA || './data'}`;
console.log(`Ticketflow ${version} on ${server.url} (${production ? 'built app' : 'development'}), data in ${where}.`);
console.log(`API: ${server.url}/api/v1 · OpenAPI: ${server.url}/api/v1/openapi.json`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Closing lets the embedded database write its last pages before the process ends.
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
