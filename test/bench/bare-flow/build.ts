/** Builds the bench's bare React Flow page (test/bench/bare-flow) when its build is missing or stale. */
import react from '@vitejs/plugin-react';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { newestMtime } from '../app-server';

const ROOT = resolve('test/bench/bare-flow');
/** What the page is made of: its own files and the core it lays the workflow out with. */
const SOURCES = [ROOT, resolve('src/graph'), resolve('src/model'), resolve('src/actions'), resolve('src/ui/canvas/flow-props.ts'), resolve('package.json')];

/** Builds the page into `outDir` unless a fresh build is there; returns whether it built. */
export async function ensureBareFlowBuilt(outDir: string): Promise<boolean> {
  const index = join(outDir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCES.map(newestMtime))) return false;
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    plugins: [react()],
    build: { outDir: resolve(outDir), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  });
  return true;
}
