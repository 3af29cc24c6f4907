import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy of the built app, as strict as it can work with; each relaxation is
 * explained in the README ("Content-Security-Policy"). Nothing may load from another origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // ajv compiles the published JSON Schemas into validator functions at run time (new Function).
  "script-src 'self' 'unsafe-eval'",
  // Monaco adds <style> elements at run time, React Flow and Monaco set style attributes.
  "style-src 'self' 'unsafe-inline'",
  // Vite inlines small images and fonts as data: URLs.
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  // Email previews are srcdoc iframes with an empty sandbox.
  "frame-src 'self' blob: data:",
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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
  },
});
