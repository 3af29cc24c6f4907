/**
 * Load benchmark: the gzipped JavaScript the app needs before its first paint (the entry script of
 * dist/index.html and its modulepreload links; chunks loaded later, such as Monaco, listed apart), and
 * the requests that leave the local server during a full session in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { launchBrowser, newContext } from '../e2e/harness';
import { figure, type Figure } from './measure';

const SECTION = 'load';
const INITIAL_JS_TARGET_KB = 250;

/** Gzipped size in KB (zlib's default level, as a server compressing on the fly would). */
function gzipKb(bytes: Buffer): number {
  return gzipSync(bytes).length / 1024;
}

/** The JavaScript files dist/index.html loads before first paint: module entry scripts and modulepreloads. */
export function initialScripts(html: string): string[] {
  const files = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (src && /\btype="module"/.test(tag)) files.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="modulepreload"/.test(tag)) files.add(href);
  }
  return [...files];
}

/** Stylesheets dist/index.html links (render-blocking, listed beside the JavaScript). */
function stylesheets(html: string): string[] {
  return (html.match(/<link\b[^>]*rel="stylesheet"[^>]*>/g) ?? []).flatMap((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1] ?? []);
}

/** Sizes of the initial JavaScript, the stylesheets and every lazily loaded chunk of a build. */
export function benchBundle(outDir: string): Figure[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const local = (url: string) => join(outDir, url.replace(/^\//, ''));
  const initial = initialScripts(html);
  if (initial.length === 0) throw new Error(`${outDir}/index.html names no module script.`);
  const initialKb = initial.map((f) => ({ file: f, kb: gzipKb(readFileSync(local(f))) }));
  const css = stylesheets(html).map((f) => ({ file: f, kb: gzipKb(readFileSync(local(f))) }));
  const initialNames = new Set(initial.map((f) => f.replace(/^.*\//, '')));
  const lazy = readdirSync(join(outDir, 'assets'))
    .filter((f) => f.endsWith('.js') && !initialNames.has(f))
    .map((f) => ({ file: f, kb: gzipKb(readFileSync(join(outDir, 'assets', f))) }))
    .sort((a, b) => b.kb - a.kb);
  const total = initialKb.reduce((s, f) => s + f.kb, 0);
  const figures = [
    figure({
      section: SECTION,
      name: 'JavaScript before first paint, gzipped',
      value: total,
      unit: 'KB',
      target: { kind: 'max', value: INITIAL_JS_TARGET_KB },
      note: initialKb.map((f) => `${f.file.replace(/^.*\//, '')} ${f.kb.toFixed(1)} KB`).join(', '),
    }),
    figure({ section: SECTION, name: '  stylesheets before first paint, gzipped', value: css.reduce((s, f) => s + f.kb, 0), unit: 'KB', note: css.map((f) => f.file.replace(/^.*\//, '')).join(', ') }),
    figure({
      section: SECTION,
      name: `  lazily loaded chunks (${lazy.length}), gzipped`,
      value: lazy.reduce((s, f) => s + f.kb, 0),
      unit: 'KB',
      note: lazy.length ? lazy.slice(0, 6).map((f) => `${f.file} ${f.kb.toFixed(1)} KB`).join(', ') + (lazy.length > 6 ? ', …' : '') : 'none: everything loads up front',
    }),
  ];
  return figures;
}

/** The package (or source folder) a bundled module comes from: "react-dom", "@xyflow/react", "src/ui". */
function origin(id: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (pkg) return pkg[1]!;
  const src = /\/src\/([^/]+)(\/([^/]+)\/)?/.exec(id);
  if (src) return src[2] ? `src/${src[1]}/${src[3]}` : `src/${src[1]}`;
  return id.replace(/^\0/, '').replace(/^.*\//, '');
}

/**
 * What the JavaScript before first paint is made of, for `--profile`: an in-memory build, the entry
 * chunk's modules grouped by package or source folder, each group's share of the gzipped entry
 * estimated from its rendered code gzipped alone.
 */
export async function bundleComposition(): Promise<string> {
  const result = await build({ logLevel: 'error', build: { write: false } });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const entry = chunks.filter((c) => c.isEntry);
  const initial = new Set(entry.flatMap((c) => [c.fileName, ...c.imports]));
  const groups = new Map<string, string[]>();
  for (const chunk of chunks.filter((c) => initial.has(c.fileName))) {
    for (const [id, m] of Object.entries(chunk.modules)) {
      const list = groups.get(origin(id)) ?? [];
      list.push(m.code ?? '');
      groups.set(origin(id), list);
    }
  }
  const sized = [...groups].map(([name, codes]) => ({ name, gz: gzipKb(Buffer.from(codes.join('\n'))) }));
  const total = sized.reduce((sum, g) => sum + g.gz, 0);
  const entryGz = chunks.filter((c) => initial.has(c.fileName)).reduce((sum, c) => sum + gzipKb(Buffer.from(c.code)), 0);
  return [
    `JavaScript before first paint by origin (${entryGz.toFixed(0)} KB gzipped; each group's share estimated from its own code gzipped alone):`,
    ...sized
      .sort((a, b) => b.gz - a.gz)
      .slice(0, 18)
      .map((g) => `  ${((g.gz / total) * entryGz).toFixed(1).padStart(7)} KB  ${((g.gz / total) * 100).toFixed(1).padStart(5)}%  ${g.name}`),
  ].join('\n');
}

/** Clicks the first element a selector finds, when there is one; says whether it was there. */
async function clickIfPresent(page: Page, selector: string): Promise<boolean> {
  const target = page.locator(selector).first();
  if ((await target.count()) === 0) return false;
  await target.click();
  return true;
}

/** The steps of a full session; each says what it did, or nothing when the app lacks that part. */
async function session(page: Page, baseUrl: string, done: (step: string) => void): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('.tf-wf-row__name').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  done('open app');
  const names = page.locator('.tf-wf-row__name');
  await names.nth(Math.min(1, (await names.count()) - 1)).click();
  await page.locator('.react-flow__node').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  done('open a workflow');
  if (await clickIfPresent(page, '[role="tab"][data-tab="json"]')) {
    await page.locator('.monaco-editor').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    done('JSON view');
  }
  if (!(await clickIfPresent(page, '[role="tab"][data-tab="simulation"]'))) return;
  done('simulation panel');
  const run = page.getByRole('button', { name: /run to the end/i }).first();
  await run.waitFor({ timeout: STEP_TIMEOUT_MS });
  const example = page.getByLabel('Example', { exact: true }).first();
  if (!(await run.isEnabled()) && (await example.count()) > 0) {
    // No scenario yet: add the first example scenario, as a user would.
    const values = await example.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    if (values[0]) {
      await example.selectOption(values[0], { timeout: STEP_TIMEOUT_MS });
      await page.getByRole('button', { name: /add example/i }).first().click({ timeout: STEP_TIMEOUT_MS });
      done('add an example scenario');
    }
  }
  await page.waitForFunction(RUN_BUTTON_ENABLED, undefined, { timeout: STEP_TIMEOUT_MS });
  await run.click();
  // Done: the button turns off once the run reaches the end.
  await page.waitForFunction(`!(${RUN_BUTTON_ENABLED})`, undefined, { timeout: 60_000 });
  done('run a simulation');
}

const STEP_TIMEOUT_MS = 20_000;
const RUN_BUTTON_ENABLED = `(() => { const b = [...document.querySelectorAll('button')].find((x) => /run to the end/i.test(x.textContent || '')); return !!b && !b.disabled; })()`;

/**
 * A full session: open the app, open a workflow, open the JSON view and run a simulation when the app has
 * them; counts requests to anything but the local server (data: and blob: URLs stay local), and the
 * page's uncaught errors. A step that fails ends the session; the note says where.
 */
export async function benchOffline(baseUrl: string): Promise<Figure[]> {
  const browser = await launchBrowser();
  try {
    const { context, page, externalRequests } = await newContext(browser, baseUrl);
    const steps: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await session(page, baseUrl, (step) => steps.push(step));
    } catch (e) {
      steps.push(`stopped: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    }
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(1000);
    const external = externalRequests();
    await context.close();
    return [
      figure({
        section: SECTION,
        name: 'requests leaving the local server, full session',
        value: external.length,
        unit: '',
        target: { kind: 'max', value: 1 },
        note: `${steps.join(' → ')}${external.length ? `; ${external.slice(0, 3).join(', ')}` : ''}`,
      }),
      figure({
        section: SECTION,
        name: '  uncaught page errors, same session',
        value: errors.length,
        unit: '',
        target: { kind: 'max', value: 1 },
        note: errors.slice(0, 2).map((e) => e.slice(0, 160)).join(' | '),
      }),
    ];
  } finally {
    await browser.close();
  }
}
