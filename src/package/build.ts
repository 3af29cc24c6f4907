// Builds the installable engine into dist-package/ (npm run build:package; npm pack runs it first):
// ESM JavaScript bundled by esbuild (the sources import without file extensions, which plain Node
// does not resolve), declarations emitted by tsc, and the example workflows and scenarios as JSON.
// The dependencies (zod, mustache, ajv, ajv-formats) stay imports, resolved where the package is
// installed; the sources name ajv's files with their extensions ("ajv/dist/2020.js"), as Node's ESM
// resolution needs. In Node ajv may compile with new Function, so src/document/schema-compile.ts ships as it is; only
// the app's build swaps it for precompiled validators (vite.config.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'dist-package');
const ENTRIES = ['index', 'model', 'document', 'engine'];
/** The packages the built code imports, to install beside it. */
export const RUNTIME_DEPENDENCIES = ['zod', 'mustache', 'ajv', 'ajv-formats'] as const;

/** Every file below `dir`, recursively. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

/**
 * Gives each relative import of an emitted declaration file the extension Node's ESM resolution
 * needs ("./codes" → "./codes.js", "../model" → "../model/index.js"), as TypeScript consumers under
 * moduleResolution node16/nodenext require; tsc keeps the specifiers as the sources wrote them.
 */
function withExtensions(file: string): void {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(/(from\s+|import\s+|import\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g, (_all, lead: string, quote: string, spec: string) => {
    const target = resolve(dirname(file), spec);
    if (existsSync(`${target}.d.ts`)) return `${lead}${quote}${spec}.js${quote}`;
    if (existsSync(join(target, 'index.d.ts'))) return `${lead}${quote}${spec}/index.js${quote}`;
    if (spec.endsWith('.json') || spec.endsWith('.js')) return `${lead}${quote}${spec}${quote}`;
    throw new Error(`${file}: the import "${spec}" names no declaration file`);
  });
  if (fixed !== text) writeFileSync(file, fixed);
}

export async function buildPackage(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES.map((name) => ({ in: `src/package/${name}.ts`, out: name })),
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: [...RUNTIME_DEPENDENCIES],
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  execFileSync(tsc, ['-p', join(ROOT, 'src/package/tsconfig.json')], { stdio: 'inherit' });
  for (const file of filesBelow(join(OUT, 'types'))) if (file.endsWith('.d.ts')) withExtensions(file);
  for (const kind of ['workflows', 'scenarios']) cpSync(join(ROOT, 'src/examples', kind), join(OUT, 'examples', kind), { recursive: true });
}

await buildPackage();
