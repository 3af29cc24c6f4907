import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where browser tests leave screenshots and reports for a person to look at. */
export const OUTPUT_DIR = join(process.cwd(), 'test-output', 'e2e');

/** What a browser test receives: a fresh context and page on the built app. */
export interface E2EContext {
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  browser: Browser;
  /** Saves a full-page screenshot under test-output/e2e/NAME.png. */
  screenshot(name: string, page?: Page): Promise<string>;
  /** Requests that left the local server so far. */
  externalRequests(): string[];
}

/** A registered browser test. */
export interface E2ETest {
  name: string;
  /** The file that registered it (so a run can pick a file). */
  file: string;
  run(ctx: E2EContext): Promise<void>;
}

const registry: E2ETest[] = [];
let loadingFile = '';

/** Registers a browser test; files under test/e2e/*.e2e.ts call this at import time. */
export function e2e(name: string, run: (ctx: E2EContext) => Promise<void>): void {
  registry.push({ name, file: loadingFile, run });
}

/** Imports a test file, tagging the tests it registers with its name. */
export async function loadTestFile(name: string, url: string): Promise<void> {
  loadingFile = name;
  await import(url);
}

/** The tests registered so far. */
export function registeredTests(): readonly E2ETest[] {
  return registry;
}

/** Launches Debian's Chromium with the flags this closed-network machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh, isolated context (own storage) with a request log. */
export async function newContext(browser: Browser, baseUrl: string): Promise<Omit<E2EContext, 'browser'>> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const external: string[] = [];
  const origin = new URL(baseUrl).origin;
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  return {
    baseUrl,
    context,
    page,
    async screenshot(name, p = page) {
      const file = join(OUTPUT_DIR, `${name}.png`);
      await p.screenshot({ path: file, fullPage: true });
      return file;
    },
    externalRequests: () => [...external],
  };
}

/** The canvas's action bubbles. */
export const actionNodes = (page: Page) => page.locator('.react-flow__node-action');

/** Waits up to 5 s for the canvas to show `count` action bubbles; `what` names the step when it does not. */
export async function expectCount(page: Page, count: number, what: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await actionNodes(page).count()) === count) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what}: expected ${count} action bubbles, found ${await actionNodes(page).count()}`);
}

/** Waits until the save indicator says everything is saved. */
export async function saved(page: Page): Promise<void> {
  await page.locator('.tf-save--saved').waitFor({ timeout: 15_000 });
}

/** Opens the app at `url` and waits for the canvas and for storage to have settled. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  await saved(page);
}
