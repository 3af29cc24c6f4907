// Builds the installable engine into dist-package/ (npm run build:package; npm run pack:package packs it),
// a package of its own with a package.json that names only what the engine needs at run time:
// ESM JavaScript bundled by esbuild (the sources import without file extensions, which plain Node
// does not resolve), declarations emitted by tsc, the JSON Schemas, the README and the example
// workflows and scenarios as JSON. The schema validators are compiled here, at build time, into the
// bundle (ajv's standalone code, as the app's build does), so ajv's compiler is no part of the
// package; the few helpers that code calls, and mustache, are bundled in. zod stays an import: the
// declarations name its types, so a TypeScript consumer needs it installed beside the package.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { standaloneValidators } from '../document/schema-compile';
import type { JsonSchema } from '../document/json-schemas';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'dist-package');
const ENTRIES = ['index', 'model', 'document', 'engine'];
/** The packages the built code imports, to install beside it: its only dependencies. */
export const RUNTIME_DEPENDENCIES = ['zod'] as const;
const SCHEMAS = ['workflow', 'workspace', 'scenario'];

/**
 * Puts the validators compiled now in place of src/document/schema-compile.ts (which compiles them
 * with ajv on first use): the module the core imports exports the same four functions, ready at once.
 */
function precompiledValidators(): Plugin {
  return {
    name: 'ticketflow-precompiled-validators',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]document[\\/]schema-compile\.ts$/ }, () => {
        const schemas = SCHEMAS.map((name) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as JsonSchema);
        const contents = [
          standaloneValidators(schemas),
          // The precompiled validators decide as fast as the deciders would; the verdict is the same.
          'export function compileDecider(schema) { return compileValidator(schema); }',
          'export function loadValidators() { return Promise.resolve(); }',
          'export function validatorsReady() { return true; }',
        ].join('\n');
        return { contents, loader: 'js', resolveDir: ROOT };
      });
    },
  };
}

/** The package.json of the built package: the app's name, version and description, the engine's entries, zod alone as a dependency. */
function packageJson(): string {
  const app = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; description: string; dependencies: Record<string, string> };
  const entry = (name: string) => ({ types: `./types/package/${name}.d.ts`, import: `./${name}.js` });
  return `${JSON.stringify(
    {
      name: app.name,
      version: app.version,
      description: app.description,
      type: 'module',
      main: './index.js',
      types: './types/package/index.d.ts',
      exports: {
        '.': entry('index'),
        './model': entry('model'),
        './document': entry('document'),
        './engine': entry('engine'),
        './schemas/*.json': './schemas/*.json',
        './examples/*.json': './examples/*.json',
        './package.json': './package.json',
      },
      engines: { node: '>=20' },
      dependencies: Object.fromEntries(RUNTIME_DEPENDENCIES.map((name) => [name, app.dependencies[name]])),
    },
    null,
    2,
  )}\n`;
}

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
    plugins: [precompiledValidators()],
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  execFileSync(tsc, ['-p', join(ROOT, 'src/package/tsconfig.json')], { stdio: 'inherit' });
  for (const file of filesBelow(join(OUT, 'types'))) if (file.endsWith('.d.ts')) withExtensions(file);
  for (const kind of ['workflows', 'scenarios']) cpSync(join(ROOT, 'src/examples', kind), join(OUT, 'examples', kind), { recursive: true });
  mkdirSync(join(OUT, 'schemas'), { recursive: true });
  for (const file of readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.json'))) cpSync(join(ROOT, 'schemas', file), join(OUT, 'schemas', file));
  cpSync(join(ROOT, 'README.md'), join(OUT, 'README.md'));
  writeFileSync(join(OUT, 'package.json'), packageJson());
}

await buildPackage();
