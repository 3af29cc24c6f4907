import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Packs the engine as it is published (npm run pack:package: dist-package/ with a package.json of
// its own), installs the tarball with `npm install` into an empty project, as a backend team would,
// and uses it as a Node 20 backend would. The install must bring the engine and its one runtime
// dependency (zod), never the app's or the server's packages.

const ROOT = resolve(import.meta.dirname, '../..');
const RUNTIME_DEPENDENCIES = ['zod'];
/** Packages of the app and the team server that an install of the engine must never bring. */
const NOT_THE_ENGINES = ['react', 'react-dom', '@xyflow/react', 'monaco-editor', 'zustand', 'fastify', '@fastify/static', 'pg', '@electric-sql/pglite', 'drizzle-orm', '@node-rs/argon2', 'ajv', 'mustache', 'tsx'];
let scratch = '';
let installed = '';

/** The standard output of a command; a failure throws with what the command wrote. */
function run(file: string, args: string[], cwd: string): string {
  try {
    return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** Every file below `dir`, recursively, relative to it. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

/** The one ```js block of the README's section "Using the engine from Node". */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Using the engine from Node\n'));
  if (!section) throw new Error('README.md has no section "Using the engine from Node"');
  const blocks = [...section.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  if (blocks.length !== 1) throw new Error(`The section "Using the engine from Node" has ${blocks.length} js blocks, not one`);
  return blocks[0]!;
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ticketflow-package-'));
  run('npm', ['run', '--silent', 'pack:package', '--', '--silent', '--pack-destination', scratch], ROOT);
  const tarballs = readdirSync(scratch).filter((f) => f.endsWith('.tgz'));
  expect(tarballs).toEqual(['ticketflow-0.1.0.tgz']);
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'backend', private: true, type: 'module' }));
  // From npm's cache when it holds zod already; otherwise from the registry.
  run('npm', ['install', `./${tarballs[0]!}`, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], scratch);
  installed = join(scratch, 'node_modules/ticketflow');
}, 300_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed engine', () => {
  it('installs with npm into an empty project bringing only its runtime dependency, none of the app or server packages', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: unknown };
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(RUNTIME_DEPENDENCIES);
    expect(manifest.devDependencies).toBeUndefined();
    // Everything npm installed, from its lock file: the engine and zod, nothing else.
    const lock = JSON.parse(readFileSync(join(scratch, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const packages = Object.keys(lock.packages).filter((k) => k !== '').map((k) => k.replace(/^.*node_modules\//, ''));
    expect(packages.sort()).toEqual(['ticketflow', ...RUNTIME_DEPENDENCIES].sort());
    for (const name of NOT_THE_ENGINES) expect(existsSync(join(scratch, 'node_modules', name)), name).toBe(false);
  });

  it('ships its schema validators compiled at build time: nothing compiles code at run time', () => {
    const code = filesBelow(installed)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(installed, f), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/new Function\b/);
    // Node with code generation from strings forbidden (as ajv's compiler needs it) still validates.
    const script = [
      "import { validateWorkflowDocument } from 'ticketflow/document';",
      "const problems = validateWorkflowDocument({ format: 'ticketflow.workflow', schemaVersion: 3, workflow: { name: 42 } });",
      "console.log(problems.filter((p) => p.severity === 'error').length > 0 ? 'refused' : 'accepted');",
    ].join('\n');
    writeFileSync(join(scratch, 'no-eval.mjs'), script);
    expect(run(process.execPath, ['--disallow-code-generation-from-strings', 'no-eval.mjs'], scratch).trim()).toBe('refused');
  }, 30_000);

  it('holds the built entry points, declarations, schemas and examples, and no app or server code', () => {
    const files = filesBelow(installed);
    for (const entry of ['index', 'model', 'document', 'engine']) {
      expect(files).toContain(`${entry}.js`);
      expect(files).toContain(`types/package/${entry}.d.ts`);
    }
    expect(files).toContain('schemas/workflow.schema.json');
    expect(files).toContain('examples/workflows/ticket-received-email.json');
    expect(files).toContain('examples/scenarios/email-ticket-life.json');
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.includes('node_modules'))).toEqual([]);
    // The built code imports nothing but Node's modules and the runtime dependencies.
    const imported = new Set<string>();
    for (const f of files.filter((f) => f.endsWith('.js'))) {
      for (const m of readFileSync(join(installed, f), 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*"([^"]+)"/g)) {
        // The package a specifier names: "ajv/dist/2020.js" → "ajv", "@scope/name/x" → "@scope/name".
        if (!m[1]!.startsWith('.')) imported.add(m[1]!.split('/').slice(0, m[1]!.startsWith('@') ? 2 : 1).join('/'));
      }
    }
    expect([...imported].filter((m) => !m.startsWith('node:') && !RUNTIME_DEPENDENCIES.includes(m))).toEqual([]);
  });

  it('runs the README example with plain node: validate and simulate the shipped example', () => {
    writeFileSync(join(scratch, 'readme.mjs'), readmeExample());
    const out = run(process.execPath, ['readme.mjs'], scratch);
    expect(out).toMatch(/^ticket \S+: \S+$/m);
    expect(out).toMatch(/^[1-9]\d* trace entries, \d+ emails sent$/m);
  }, 30_000);

  it('validates with the schemas it ships, naming what is wrong and where', () => {
    const script = [
      "import { validateWorkflowDocument } from 'ticketflow/document';",
      "import { readFileSync } from 'node:fs';",
      "import { createRequire } from 'node:module';",
      "const doc = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('ticketflow/examples/workflows/ticket-received-email.json'), 'utf8'));",
      'console.log(JSON.stringify(validateWorkflowDocument(doc)));',
      'doc.workflow.name = 42;',
      'console.log(JSON.stringify(validateWorkflowDocument(doc)));',
    ].join('\n');
    writeFileSync(join(scratch, 'validate.mjs'), script);
    const [valid, broken] = run(process.execPath, ['validate.mjs'], scratch).trim().split('\n').map((l) => JSON.parse(l) as { severity: string; path: string }[]);
    expect(valid!.filter((p) => p.severity === 'error')).toEqual([]);
    expect(broken!.filter((p) => p.severity === 'error').map((p) => p.path)).toContain('/workflow/name');
  }, 30_000);

  it('type-checks a TypeScript consumer under --strict --module nodenext', () => {
    const consumer = [
      "import { simulate, type SimulationResult } from 'ticketflow/engine';",
      "import { importWorkflow, diffWorkflows, migrateDocument, type Problem } from 'ticketflow/document';",
      "import { defaultWorkspace, type Workspace } from 'ticketflow/model';",
      "import * as all from 'ticketflow';",
      'const workspace: Workspace = defaultWorkspace();',
      "const imported = importWorkflow('{}', { workspace });",
      'const problems: Problem[] = imported.problems;',
      'if (imported.document) {',
      '  const wf = imported.document.workflow;',
      '  const result: SimulationResult = simulate({ workspace, workflows: [wf], scenario: { format: "x" } as never });',
      '  const status: string | undefined = result.tickets[0]?.status;',
      '  // @ts-expect-error a ticket status is not a number: the declarations carry real types',
      '  const wrong: number = result.tickets[0]!.status;',
      '  console.log(status, wrong, diffWorkflows(wf, wf), all.simulate === simulate);',
      '}',
      'console.log(problems.length, typeof migrateDocument);',
    ].join('\n');
    writeFileSync(join(scratch, 'consumer.ts'), consumer);
    const tsc = join(ROOT, 'node_modules/.bin/tsc');
    const args = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--noEmit', '--types', '', 'consumer.ts'];
    run(tsc, args, scratch);
  }, 60_000);
});
