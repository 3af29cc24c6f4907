import { readFileSync } from 'node:fs';
import type { Frame, Locator, Page } from 'playwright-core';
import { exportBundle } from '../../src/document';
import { defaultWorkspace, type Scenario, type WorkflowDocument, type Workspace } from '../../src/model';
import { e2e } from './harness';

// Every string of a workspace, a workflow and a scenario holds script and markup. The app must show it
// as text everywhere (canvas, inspector, comments, JSON view, problems, settings, simulation), never run
// it: no dialog opens, the payloads' flag window.__pwned stays unset in every frame, no element the
// payloads describe exists, and the harness fails the test on any request that leaves the local server.

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const JS_URL = 'javascript:window.__pwned=1';
/** A payload short enough for a name (200 characters). */
const short = (label: string) => `${label} ${IMG} ${SCRIPT} {{constructor}} ${JS_URL}`;

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(`test/fixtures/hostile/${name}`, 'utf8')) as T;
}

/**
 * The catalogue's markup-everywhere workflow, complete (its javascript: webhook becomes an
 * https URL holding the payload), enrolling every new ticket: its filters move to unenrollment, where
 * they still show but never hold.
 */
function hostileWorkflow(): WorkflowDocument {
  const doc = fixture<WorkflowDocument>('markup-everywhere.json');
  doc.workflow.enrollment.filters = [];
  for (const a of doc.workflow.actions) if (a.kind === 'webhook') a.url = `https://hooks.acme.test/?q=${encodeURIComponent(SCRIPT)}`;
  return doc;
}

/** The default workspace with a payload in every name, label, address, template and the branding footer. */
function hostileWorkspace(): Workspace {
  const ws = defaultWorkspace();
  ws.name = short('Workspace');
  for (const p of ws.pipelines) {
    p.name = short('Pipeline');
    for (const s of p.statuses) s.label = short(s.label);
  }
  for (const u of ws.users) u.name = short(u.name);
  for (const t of ws.teams) t.name = short(t.name);
  for (const c of ws.contacts) c.name = short(c.name);
  for (const c of ws.channels) c.name = short(c.name);
  ws.sla.name = short(ws.sla.name);
  for (const t of ws.templates) {
    t.name = short(t.name);
    t.subject = `${short('Template subject')} {{ticket.subject}}`;
    t.body = `${short('Template body')}\n\n{{contact.name}} {{ticket.subject}}`;
  }
  ws.branding.footerText = short('Footer');
  return ws;
}

/** A first message whose subject and text are payloads, so tickets, traces and emails carry them. */
function hostileScenario(): Scenario {
  return fixture<Scenario>('scenario-markup.json');
}

/** Fails when anything the payloads would create or set exists in a frame. */
async function assertInert(frame: Frame, where: string): Promise<void> {
  const found = await frame.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    img: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length,
    jsLinks: [...document.querySelectorAll('[href],[src],[action],[formaction]')].filter((e) =>
      ['href', 'src', 'action', 'formaction'].some((a) => /^\s*javascript:/i.test(e.getAttribute(a) ?? '')),
    ).length,
    scripts: [...document.scripts].filter((s) => !s.src).length,
    svgs: [...document.querySelectorAll('svg')].filter((s) => s.getAttribute('onload') !== null).length,
  }));
  const bad = Object.entries(found).filter(([k, v]) => (k === 'pwned' ? v !== undefined : v !== 0));
  if (bad.length) throw new Error(`${where}: the payloads took effect: ${JSON.stringify(Object.fromEntries(bad))}`);
}

async function assertAllFramesInert(page: Page, where: string): Promise<void> {
  for (const frame of page.frames()) await assertInert(frame, `${where} (frame ${frame.url() || frame.name() || 'main'})`);
}

/** Waits until a payload shows as literal text inside the locator. */
async function showsLiterally(scope: Locator | Page, text: string, where: string): Promise<void> {
  try {
    await scope.getByText(text, { exact: false }).first().waitFor({ state: 'attached', timeout: 10_000 });
  } catch {
    throw new Error(`${where}: ${JSON.stringify(text)} does not show as text`);
  }
}

e2e('hostile: the built app enforces its Content-Security-Policy', async ({ page, baseUrl }) => {
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = (policy ?? '').split(';').map((d) => d.trim());
  if (!directives.includes("script-src 'self'") || !directives.includes("object-src 'none'") || !directives.includes("default-src 'none'")) {
    throw new Error(`no strict policy in the page: ${policy}`);
  }
  // An inline script, an inline event handler and a string run as code, all added to the live page, are refused.
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__cspProbe = 1';
    document.body.append(script);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__cspProbe = 2');
    img.src = 'data:,';
    document.body.append(img);
    // A string handed to setTimeout is compiled by the page itself, where the policy applies.
    (window.setTimeout as unknown as (code: string, ms: number) => number)('window.__cspProbe = 3', 0);
    await new Promise((r) => setTimeout(r, 300));
    script.remove();
    img.remove();
    return { probe: (window as unknown as { __cspProbe?: unknown }).__cspProbe, violations };
  });
  if (outcome.probe !== undefined) throw new Error(`an inline script ran under the policy (probe = ${String(outcome.probe)})`);
  // One refusal each: the inline script, the inline handler, the string compiled as code.
  const refused = [...new Set(outcome.violations)].sort();
  if (refused.join(' ') !== 'script-src script-src-attr script-src-elem') throw new Error(`the policy refused ${refused.join(', ') || 'nothing'}`);
});

e2e('hostile: markup and script in every string of a workspace, workflow and scenario show as text and never run', async ({ page, baseUrl, screenshot }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const violations: string[] = [];
  await page.exposeFunction('__reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportViolation(v: string): void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();

  // A refused file: its problems show in the report as text, the name of the file too.
  const refusedName = `${IMG}.json`;
  await page.getByTestId('tf-import-file').setInputFiles({ name: refusedName, mimeType: 'application/json', buffer: readFileSync('test/fixtures/hostile/top-level-string.json') });
  const report = page.getByRole('dialog');
  await showsLiterally(report, '<script>alert(1)</script>', 'the import report');
  await showsLiterally(report, refusedName, 'the import report title');
  await assertAllFramesInert(page, 'the import report');
  await report.getByRole('button', { name: 'Close' }).click();

  // The whole workspace from a bundle whose every string is a payload.
  const workflow = hostileWorkflow();
  const bundle = exportBundle({ workspace: hostileWorkspace(), workflows: [workflow], scenarios: [hostileScenario()] });
  await page.getByTestId('tf-import-file').setInputFiles({ name: `${SCRIPT}.bundle.json`, mimeType: 'application/json', buffer: Buffer.from(bundle) });
  await page.getByRole('dialog').getByRole('button', { name: 'Replace everything' }).click();
  await showsLiterally(page.locator('header'), short('Workspace'), 'the header');
  await page.getByRole('button', { name: workflow.workflow.name, exact: true }).first().click().catch(() => undefined);
  await showsLiterally(page.getByRole('heading', { level: 1 }), short('Name'), 'the workflow heading');
  // Long names are cut with an ellipsis and never run under the header's controls.
  const names = await page.locator('.tf-header__names').boundingBox();
  const tools = await page.locator('.tf-header__tools').boundingBox();
  const apart = (a: NonNullable<typeof names>, b: NonNullable<typeof names>) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  if (!names || !tools || !apart(names, tools)) throw new Error(`the header's names overlap its tools: ${JSON.stringify({ names, tools })}`);

  // Canvas: every bubble, then its settings in the inspector.
  await page.locator('.react-flow__node[data-id="email"]').waitFor();
  await showsLiterally(page.locator('.react-flow'), 'Subject <img src=x onerror', 'the canvas');
  await showsLiterally(page.locator('.react-flow'), short('Path'), 'the branch path label');
  for (const id of workflow.workflow.actions.map((a) => a.id)) {
    await page.locator(`.react-flow__node[data-id="${id}"]`).click();
    await page.getByRole('tab', { name: 'Settings', exact: true }).click();
    await assertInert(page.mainFrame(), `the inspector of ${id}`);
  }
  await page.locator('.react-flow__node[data-id="trigger"]').click();
  await screenshot('hostile-canvas');

  // Comments.
  await page.getByRole('tab', { name: 'Comments' }).click();
  await showsLiterally(page.locator('.tf-app__right'), 'Comment <img src=x onerror', 'the comments panel');
  await showsLiterally(page.locator('.tf-app__right'), SCRIPT, 'the comments panel');

  // JSON view (Monaco and its workers, under the policy).
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.locator('.monaco-editor .view-lines').first();
  await editor.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('onerror'), undefined, { timeout: 15_000 });
  // Monaco's editor and JSON workers load from the app's own origin under worker-src.
  await page.waitForFunction(
    () => ['editor.worker', 'json.worker'].every((w) => performance.getEntriesByType('resource').some((e) => e.name.includes(w))),
    undefined,
    { timeout: 15_000 },
  );
  await assertAllFramesInert(page, 'the JSON view');
  await screenshot('hostile-json');

  // Problems.
  await page.getByRole('tab', { name: 'Problems' }).click();
  await assertAllFramesInert(page, 'the problems panel');

  // Simulation: the scenario from the bundle, run to the end; every view of the result.
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const panel = page.locator('.tf-sim');
  await panel.waitFor();
  await panel.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption({ label: short('Scenario') });
  // An imported workflow is a draft that is not live (SPEC §10): run it in place of a live revision.
  await page.getByRole('radio', { name: 'The open draft in place of its live revision' }).check();
  await panel.getByRole('button', { name: 'Run to the end' }).click();
  await panel.getByText('Finished', { exact: true }).waitFor();
  for (const name of [/^Trace/, /^Tickets/, /^Notifications/, /^Board/, /^Outbox/]) {
    await panel.getByRole('tab', { name }).click();
    await assertAllFramesInert(page, `the simulation's ${String(name)} view`);
  }
  await panel.locator('.tf-sim-outbox__list button').first().click();
  const preview = panel.locator('iframe.tf-sim-email').first();
  await preview.waitFor();
  if ((await preview.getAttribute('sandbox')) !== '') throw new Error('the email preview is not sandboxed');
  const frame = await (await preview.elementHandle())?.contentFrame();
  if (!frame) throw new Error('the email preview has no document');
  await showsLiterally(frame.locator('body'), 'Subject <img src=x onerror', 'the email preview');
  await showsLiterally(frame.locator('footer'), short('Footer'), 'the email footer');
  await screenshot('hostile-outbox');

  // Settings: every page, each showing the workspace's payloads as text.
  await page.goto(`${baseUrl}#/settings`);
  await page.getByRole('heading', { name: 'Help-desk settings' }).waitFor();
  for (const name of ['Pipelines', 'Users', 'Teams', 'Channels', 'Email templates', 'SLA policy', 'Branding']) {
    await page.getByRole('button', { name, exact: true }).click();
    await assertAllFramesInert(page, `the ${name} settings`);
  }
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  await showsLiterally(page.locator('.tf-settings__main'), short('Ana García'), 'the users page');
  await page.getByRole('button', { name: 'Email templates', exact: true }).click();
  await showsLiterally(page.locator('.tf-settings__main'), 'Template', 'the templates page');
  await screenshot('hostile-settings');

  await assertAllFramesInert(page, 'the end');
  if (dialogs.length) throw new Error(`dialogs opened: ${dialogs.join(' | ')}`);
  if (violations.length) throw new Error(`the policy blocked something the app needs: ${violations.join(' | ')}`);
});
