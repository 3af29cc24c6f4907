/**
 * Runs the browser tests (test/e2e/*.e2e.ts) against the built app served by `vite preview`,
 * in Debian's Chromium through playwright-core. Prints one line per test and writes
 * test-output/e2e/report.json with the counts that .ci/run adds to vitest's.
 */
import { readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { preview } from 'vite';
import { launchBrowser, loadTestFile, newContext, OUTPUT_DIR, registeredTests } from './harness';

const TEST_TIMEOUT_MS = 120_000;

async function main(): Promise<number> {
  if (!existsSync('dist/index.html')) {
    console.error('e2e: dist/ is missing; run `npm run build` first.');
    return 2;
  }
  const filter = process.argv[2];
  const dir = join(process.cwd(), 'test', 'e2e');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.e2e.ts')).sort()) {
    await loadTestFile(f, pathToFileURL(join(dir, f)).href);
  }
  const tests = registeredTests().filter((t) => !filter || t.name.includes(filter) || t.file.includes(filter));
  const server = await preview({ preview: { port: 4399, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4399/';
  const browser = await launchBrowser();
  const results: { name: string; ok: boolean; error?: string; ms: number }[] = [];
  try {
    for (const t of tests) {
      const started = Date.now();
      const ctx = await newContext(browser, baseUrl);
      const errors: string[] = [];
      ctx.page.on('pageerror', (e) => errors.push((e.stack ?? String(e)).split('\n').slice(0, 6).join('\n')));
      try {
        await Promise.race([
          t.run({ ...ctx, browser }),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS)),
        ]);
        const external = ctx.externalRequests();
        if (external.length) throw new Error(`requests left the machine: ${external.slice(0, 5).join(', ')}`);
        if (errors.length) throw new Error(`uncaught page errors: ${errors.slice(0, 3).join(' | ')}`);
        results.push({ name: t.name, ok: true, ms: Date.now() - started });
        console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        results.push({ name: t.name, ok: false, error: message, ms: Date.now() - started });
        console.log(`  ✗ ${t.name}\n      ${message.split('\n').join('\n      ')}`);
        await ctx.screenshot(`FAILED-${t.name.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => undefined);
      } finally {
        await ctx.context.close();
      }
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(join(OUTPUT_DIR, 'report.json'), JSON.stringify({ passed, failed, results }, null, 2));
  console.log(`browser tests: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
