/**
 * The built app for the browser benchmarks: builds it when dist/ is missing or older than its sources,
 * and serves it with `vite preview`, as test/e2e/run.ts does.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';

/** Files whose change makes a build stale. */
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json'];

/** The newest modification time of a file or of anything under a folder (0 when missing). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether `outDir` holds a build at least as new as every source file. */
export function isBuildFresh(outDir: string): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return false;
  return statSync(index).mtimeMs >= Math.max(...SOURCES.map((s) => newestMtime(resolve(s))));
}

/**
 * Builds the app into `outDir` unless a fresh build is there already. `unminified` keeps function and
 * component names, for CPU profiles that can be read. Returns whether it built.
 */
export async function ensureBuilt(outDir: string, options: { unminified?: boolean } = {}): Promise<boolean> {
  if (isBuildFresh(outDir)) return false;
  await build({
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, ...(options.unminified ? { minify: false, sourcemap: false } : {}) },
  });
  return true;
}

/** A running `vite preview` of a build. */
export interface AppServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves a build on a free local port. */
export async function serveApp(outDir: string, port: number): Promise<AppServer> {
  const server = await preview({ preview: { port, strictPort: false, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  return {
    baseUrl,
    close: () => new Promise<void>((done) => server.httpServer.close(() => done())),
  };
}
