// One team-server instance for the server bench, in a process of its own: `tsx server-instance.ts
// <postgres-url | data-folder>`. It prints "READY <url>" once it listens and stops on SIGTERM.
import { startServer } from '../../src/server/start';

const target = process.argv[2] ?? '';
const server = await startServer({
  port: 0,
  mode: 'none',
  ...(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target }),
});
process.stdout.write(`READY ${server.url}\n`);
process.on('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
