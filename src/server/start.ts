import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { migrate, openDatabase, type Database } from '../storage';
import { API_BASE, buildServer, type BuildServerOptions } from './app';
import { ApiProblem } from './problems';

/** How the app is served beside the API. */
export type AppMode = 'development' | 'production' | 'none';

/** Options of startServer; main.ts fills them from the environment. */
export interface StartOptions extends Partial<Omit<BuildServerOptions, 'db' | 'serveApp'>> {
  port: number;
  host?: string;
  /** PostgreSQL connection string; when unset, the embedded database in `dataDir`. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder (default ./data). */
  dataDir?: string;
  /** development: Vite in middleware mode; production: the built app from `distDir`; none: the API only. */
  mode: AppMode;
  distDir?: string;
  root?: string;
}

/** A running server. */
export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  close(): Promise<void>;
}

/** The Content-Security-Policy the build wrote into dist/index.html, sent as a header too (plus frame-ancestors, which a meta cannot say). */
function builtPolicy(distDir: string): string | null {
  const html = readFileSync(resolve(distDir, 'index.html'), 'utf8');
  const match = /<meta[^>]+http-equiv="Content-Security-Policy"[^>]+content="([^"]+)"/i.exec(html);
  return match?.[1] ? `${match[1].replaceAll('&#39;', "'")}; frame-ancestors 'none'` : null;
}

function refuseUnknownApi(url: string): void {
  if (url.startsWith(`${API_BASE}/`) || url === API_BASE) throw new ApiProblem('not-found', `${url.split('?')[0]} is not a route of the API.`);
}

async function serveBuilt(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(resolve(distDir, 'index.html'))) throw new Error(`No built app in ${distDir}: run "npm run build" first.`);
  const policy = builtPolicy(distDir);
  await app.register(fastifyStatic, {
    root: resolve(distDir),
    wildcard: true,
    setHeaders: (res, path) => {
      if (policy && path.endsWith('.html')) res.header('content-security-policy', policy);
      if (/[\\/]assets[\\/]/.test(path)) res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}

const DEV_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' };

async function serveWithVite(app: FastifyInstance, root: string): Promise<() => Promise<void>> {
  const { createServer } = await import('vite');
  const vite = await createServer({ root, server: { middlewareMode: true, hmr: { server: app.server } }, appType: 'spa' });
  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    handler: async (request, reply) => {
      refuseUnknownApi(request.url);
      // The answer is Vite's, written past Fastify's hooks, so it gets the security headers here.
      // (No Content-Security-Policy in development: Vite's hot reloading runs inline scripts.)
      for (const [name, value] of Object.entries(DEV_HEADERS)) reply.raw.setHeader(name, value);
      reply.hijack();
      vite.middlewares(request.raw, reply.raw, () => {
        reply.raw.statusCode = 404;
        reply.raw.end('Not found');
      });
    },
  });
  return () => vite.close();
}

/**
 * Opens the database (creating and migrating it on first start), builds the server with the app
 * beside the API, and listens.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { port, host = '127.0.0.1', databaseUrl, dataDir = './data', mode, distDir = 'dist', root = process.cwd(), ...settings } = options;
  const db = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: resolve(root, dataDir) });
  await migrate(db);
  let closeVite: (() => Promise<void>) | null = null;
  const app = await buildServer({
    ...settings,
    db,
    serveApp: async (server) => {
      if (mode === 'production') await serveBuilt(server, resolve(root, distDir));
      if (mode === 'development') closeVite = await serveWithVite(server, root);
    },
  });
  const address = await app.listen({ port, host });
  return {
    app,
    db,
    url: address,
    close: async () => {
      await closeVite?.();
      await app.close();
      await db.close();
    },
  };
}
