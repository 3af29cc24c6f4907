import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { lazyValidators, standaloneValidators } from './src/document/schema-compile';
import scenarioSchema from './schemas/scenario.schema.json';
import workflowSchema from './schemas/workflow.schema.json';
import workspaceSchema from './schemas/workspace.schema.json';

/**
 * The Content-Security-Policy of the built app, as strict as it can work with: nothing loads from
 * another origin, nothing connects anywhere but the page's own origin, no inline script runs. Each relaxation is explained in
 * the README ("Content-Security-Policy"); test/e2e/hostile.e2e.ts checks the app under it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Monaco adds <style> elements at run time; Monaco and React Flow write style attributes.
  "style-src 'self' 'unsafe-inline'",
  // Monaco's stylesheet carries a few icons as data: URLs (the favicon is one too).
  "img-src 'self' data:",
  "font-src 'self'",
  // Monaco's editor and JSON workers and the simulation worker, all bundled.
  "worker-src 'self'",
  // The app talks to its own team server (the API and its event stream) and to nothing else.
  "connect-src 'self'",
  // Email previews are srcdoc iframes (no fetch) with an empty sandbox; no frame loads a URL.
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy in a <meta> at the top of the built index.html (a static app has no server to send
 * the header). Build only: the dev server's hot reloading needs inline scripts.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'ticketflow-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}

/** A module of translated texts; its first group is the language. */
const TRANSLATION_FILE = /[\\/]src[\\/]ui[\\/]i18n[\\/](es|it|fr)[\\/][^\\/]+\.ts$/;

/** The chunk of a module of translated texts, one per language ("messages-es"); null for any other module. */
function translationChunk(id: string): string | null {
  const lang = TRANSLATION_FILE.exec(id)?.[1];
  return lang ? `messages-${lang}` : null;
}

/** The module holding the validators compiled at build time, loaded on demand as a chunk of its own. */
const VALIDATORS_MODULE = 'virtual:ticketflow-validators';

/**
 * Gives the app the schema validators compiled at build time, in place of src/document/schema-compile.ts
 * (ajv compiles with new Function, which script-src 'self' forbids): that module becomes a loader that
 * imports them dynamically, so they are no part of the JavaScript before first paint. Build only:
 * tests run the real module.
 */
function precompiledValidators(): Plugin {
  const resolved = `\0${VALIDATORS_MODULE}`;
  return {
    name: 'ticketflow-precompiled-validators',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      return id === VALIDATORS_MODULE ? resolved : null;
    },
    load(id) {
      if (id === resolved) return standaloneValidators([workflowSchema, workspaceSchema, scenarioSchema]);
      if (!id.replaceAll('\\', '/').endsWith('/src/document/schema-compile.ts')) return null;
      return lazyValidators(VALIDATORS_MODULE);
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), precompiledValidators()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      output: {
        // The texts of a language other than English (src/ui/i18n/<language>/*.ts) come as one chunk,
        // fetched only when that language is spoken.
        codeSplitting: { groups: [{ name: translationChunk }] },
      },
    },
  },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/ui/i18n/all-languages.ts'],
    pool: 'threads',
    maxWorkers: 2,
  },
});
