/**
 * Team mode in the browser, against the real team server: each test starts the server on a free
 * loopback port with an in-memory PGlite database, serving the built app, and drives two browser
 * contexts (two people) signed in with their own accounts.
 */
import type { BrowserContext, Page, Route } from 'playwright-core';
import { e2e, type E2EContext } from './harness';
import { startTeamServer, type TeamServer } from './team-server';

const OWNER = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const PASSWORD = 'a long enough password';

/** Runs `body` with a fresh team server, closing it afterwards whatever happens. */
async function withServer(body: (server: TeamServer) => Promise<void>): Promise<void> {
  const server = await startTeamServer();
  try {
    await body(server);
    const errors = people.flatMap((p) => p.errors);
    if (errors.length) throw new Error(errors.slice(0, 3).join(' | '));
  } finally {
    for (const p of people.splice(0)) await p.context.close().catch(() => undefined);
    await server.close();
  }
}

/**
 * A person: a context of its own (own cookies and storage) on the same browser, whose requests
 * must all stay on the team server. (The harness's own page belongs to the preview server.)
 */
async function person(ctx: E2EContext, server: TeamServer): Promise<{ context: BrowserContext; page: Page }> {
  const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const origin = new URL(server.base).origin;
  const errors: string[] = [];
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) errors.push(`request left the machine: ${url}`);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  people.push({ context, errors });
  return { context, page };
}

const people: { context: BrowserContext; errors: string[] }[] = [];

/** The first visit to the new server: the owner account through the setup screen. */
async function setUpOwner(page: Page, base: string) {
  await page.goto(base);
  await page.getByRole('heading', { name: 'Set up this Ticketflow server' }).waitFor();
  await page.getByLabel('Name').fill(OWNER.name);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Create the owner account' }).click();
  await page.getByTestId('mode-line').getByText(`${OWNER.name} (admin)`).waitFor();
}

/** The admin invites `email` with `role` through the members screen; returns the one-time link. */
async function invite(page: Page, email: string, role: 'admin' | 'reviewer' | 'viewer'): Promise<string> {
  await page.getByRole('button', { name: 'Account and team' }).click();
  await page.getByRole('menuitem', { name: 'Members…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Members' });
  const form = dialog.getByRole('form', { name: 'Invite' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Invite' }).click();
  const link = await dialog.getByLabel('Invitation link').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return link;
}

/** A new member opens the link, sets a name and password, and lands in the workspace. */
async function joinTeam(page: Page, link: string, name: string, role: string) {
  await page.goto(link);
  await page.getByRole('heading', { name: 'Join the team' }).waitFor();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByTestId('mode-line').getByText(`${name} (${role})`).waitFor();
}

/** Opens a workflow from the list. */
async function open(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Workflows' }).getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Calls the API from inside a page, with its session cookie and CSRF token, as the app does. */
async function apiFromPage(page: Page, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
    const session = await fetch('/api/v1/session', { credentials: 'same-origin' }).then((r) => r.json() as Promise<{ csrfToken: string }>);
    const r = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, ...headers },
      body,
    });
    return { status: r.status, text: await r.text(), etag: r.headers.get('etag') };
    },
    { method, path, body, headers },
  );
}

const WORKFLOW = 'Notify the team and the owner when a ticket is waiting on us';

e2e("team: a reviewer's comment appears on the admin's open canvas within a second, with no reload", async (ctx) => {
  await withServer(async (server) => {
    const admin = (await person(ctx, server)).page;
    await setUpOwner(admin, server.base);
    const link = await invite(admin, 'rui@example.com', 'reviewer');
    const reviewer = await person(ctx, server);
    await joinTeam(reviewer.page, link, 'Rui Reviewer', 'reviewer');
    const r = reviewer.page;
    await open(admin, WORKFLOW);
    await open(r, WORKFLOW);
    // Review mode is the reviewer's role: the banner has no way out, and the header no toggle.
    const banner = r.getByRole('region', { name: 'Review mode' });
    await banner.waitFor();
    if ((await banner.getByRole('button', { name: 'Leave review mode' }).count()) > 0) throw new Error('a reviewer was offered to leave review mode');
    // The admin sees who is here.
    await admin.getByRole('img', { name: 'Rui Reviewer is viewing' }).first().waitFor({ timeout: 10_000 });

    await r.getByRole('button', { name: 'Actions for Notify Tier 1' }).click();
    await r.getByRole('menuitem', { name: 'Comment' }).click();
    const box = r.getByRole('dialog', { name: /^Comments on / });
    await box.getByLabel('New comment').fill('Should Tier 1 hear about every ticket?');
    const badge = admin.getByRole('button', { name: '1 open comment thread' });
    if ((await badge.count()) > 0) throw new Error('the admin saw a comment before it was made');
    const sent = Date.now();
    await box.getByRole('button', { name: 'Comment', exact: true }).click();
    await badge.first().waitFor({ timeout: 5_000 });
    const took = Date.now() - sent;
    if (took > 1000) throw new Error(`the comment took ${took} ms to appear on the admin's canvas`);
    console.log(`      comment reached the admin's canvas ${took} ms after the reviewer's click began`);
    await badge.first().click();
    await admin.getByRole('dialog', { name: /^Comments on / }).getByText('Should Tier 1 hear about every ticket?').waitFor();
    await admin.getByRole('dialog', { name: /^Comments on / }).getByText('Rui Reviewer').first().waitFor();
    await ctx.screenshot('team-comment-live', admin);
  });
});

e2e('team: a reviewer cannot edit, in the UI or through the API (403)', async (ctx) => {
  await withServer(async (server) => {
    const admin = (await person(ctx, server)).page;
    await setUpOwner(admin, server.base);
    const link = await invite(admin, 'rui@example.com', 'reviewer');
    const reviewer = await person(ctx, server);
    const r = reviewer.page;
    await joinTeam(r, link, 'Rui Reviewer', 'reviewer');
    await open(r, WORKFLOW);
    // The UI: the bubble menu offers only Comment; no insertion point, no new workflow, no rename.
    await r.getByRole('button', { name: 'Actions for Notify Tier 1' }).click();
    const items = await r.getByRole('menuitem').allTextContents();
    if (items.join('|') !== 'Comment') throw new Error(`the bubble menu offers a reviewer ${items.join(', ')}`);
    await r.keyboard.press('Escape');
    if ((await r.getByRole('button', { name: /^Add an action/ }).count()) > 0) throw new Error('insertion points are offered to a reviewer');
    if ((await r.getByRole('button', { name: 'New workflow' }).count()) > 0) throw new Error('a reviewer is offered a new workflow');
    if ((await r.getByRole('button', { name: /^Review mode/ }).count()) > 0) throw new Error('a reviewer has the review toggle');
    // The API: a save with the right base and a valid document is still refused for the role.
    const list = JSON.parse((await apiFromPage(r, 'GET', '/workflows')).text) as { workflows: { id: string; name: string; head: number }[] };
    const target = list.workflows.find((w) => w.name === WORKFLOW)!;
    const current = await apiFromPage(r, 'GET', `/workflows/${target.id}`);
    const put = await apiFromPage(r, 'PUT', `/workflows/${target.id}`, current.text, { 'if-match': current.etag ?? '' });
    if (put.status !== 403) throw new Error(`a reviewer's PUT answered ${put.status}: ${put.text.slice(0, 200)}`);
    const del = await apiFromPage(r, 'DELETE', `/workflows/${target.id}`);
    if (del.status !== 403) throw new Error(`a reviewer's DELETE answered ${del.status}`);
    const after = JSON.parse((await apiFromPage(admin, 'GET', '/workflows')).text) as { workflows: { id: string; head: number }[] };
    if (after.workflows.find((w) => w.id === target.id)?.head !== target.head) throw new Error('the refused save changed the head revision');
  });
});

e2e('team: two admins edit one workflow and the second save gets the conflict choice', async (ctx) => {
  await withServer(async (server) => {
    const a = (await person(ctx, server)).page;
    await setUpOwner(a, server.base);
    const link = await invite(a, 'bea@example.com', 'admin');
    const second = await person(ctx, server);
    const b = second.page;
    await joinTeam(b, link, 'Bea Admin', 'admin');
    await open(a, WORKFLOW);
    await open(b, WORKFLOW);
    // B loses the connection and edits meanwhile; A saves an edit of the same workflow.
    await second.context.setOffline(true);
    await rename(b, WORKFLOW, 'Renamed by Bea');
    await b.getByRole('alert').getByText('The server does not answer').waitFor({ timeout: 10_000 });
    await rename(a, WORKFLOW, 'Renamed by Ada');
    await a.getByRole('status').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    // B is back: its save names a stale base, and B chooses instead of overwriting.
    await second.context.setOffline(false);
    const banner = b.getByRole('alert').filter({ hasText: 'was saved by someone else while you were editing it' });
    await banner.waitFor({ timeout: 20_000 });
    await ctx.screenshot('team-conflict', b);
    // Compare: their revision read-only in the versions view, with its diff against Bea's draft.
    await banner.getByRole('button', { name: 'Compare theirs with mine' }).click();
    const history = b.locator('.tf-history');
    await history.getByText(/^Showing revision \d+, read-only, compared with /).waitFor({ timeout: 10_000 });
    await ctx.screenshot('team-conflict-compare', b);
    await banner.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await b.getByRole('navigation', { name: 'Workflows' }).getByRole('button', { name: 'Renamed by Ada', exact: true }).waitFor();
    // Both versions are on the server: Ada's under the id, Bea's as a new workflow.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const names = (JSON.parse((await apiFromPage(a, 'GET', '/workflows')).text) as { workflows: { name: string }[] }).workflows.map((w) => w.name);
      if (names.includes('Renamed by Ada') && names.some((n) => n.startsWith('Renamed by Bea'))) break;
      if (Date.now() > deadline) throw new Error(`the server holds ${names.join(', ')}`);
      await a.waitForTimeout(200);
    }
  });
});

/** Renames a workflow from the list, as a person does. */
async function rename(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: `Rename "${from}"` }).click();
  const field = page.getByRole('textbox', { name: `New name for "${from}"` });
  await field.fill(to);
  await field.press('Enter');
  await page.getByRole('heading', { level: 1, name: to }).waitFor();
}

e2e('team: an API token created in the app fetches the live workflows', async (ctx) => {
  await withServer(async (server) => {
    const admin = (await person(ctx, server)).page;
    await setUpOwner(admin, server.base);
    // Publish one workflow through the API (the revision the head holds).
    const list = JSON.parse((await apiFromPage(admin, 'GET', '/workflows')).text) as { workflows: { id: string; name: string; head: number; published: number | null }[] };
    const target = list.workflows.find((w) => w.name === WORKFLOW)!;
    if (target.published === null) {
      const published = await apiFromPage(admin, 'POST', `/workflows/${target.id}/publish`, JSON.stringify({ revision: target.head }));
      if (published.status !== 200) throw new Error(`publish answered ${published.status}: ${published.text.slice(0, 200)}`);
    }
    const live = list.workflows.filter((w) => w.published !== null || w.id === target.id).map((w) => w.id).sort();

    await admin.getByRole('button', { name: 'Account and team' }).click();
    await admin.getByRole('menuitem', { name: 'API tokens…' }).click();
    const dialog = admin.getByRole('dialog', { name: 'API tokens' });
    const form = dialog.getByRole('form', { name: 'Create token' });
    await form.getByLabel('Token name').fill('CI pull');
    await form.getByLabel('Scope').selectOption('read');
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = await dialog.getByLabel('New token').inputValue();
    if (!secret.startsWith('tf_')) throw new Error(`the token shown is "${secret.slice(0, 8)}…"`);

    // What a backend team's CI does: one request with the token, no cookie.
    const api = `${server.base}api/v1`;
    const answer = await fetch(`${api}/workflows?state=published`, { headers: { authorization: `Bearer ${secret}` } });
    if (answer.status !== 200) throw new Error(`GET /workflows with the token answered ${answer.status}`);
    const got = ((await answer.json()) as { workflows: { id: string }[] }).workflows.map((w) => w.id).sort();
    if (JSON.stringify(got) !== JSON.stringify(live)) throw new Error(`the token got ${got.join(', ')}; live are ${live.join(', ')}`);
    const bytes = await fetch(`${api}/workflows/${target.id}`, { headers: { authorization: `Bearer ${secret}` } });
    const doc = JSON.parse(await bytes.text()) as { workflow: { id: string } };
    if (bytes.status !== 200 || doc.workflow.id !== target.id) throw new Error(`GET /workflows/${target.id} with the token answered ${bytes.status}`);
    // A read token cannot write.
    const write = await fetch(`${api}/workflows/${target.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${secret}` } });
    if (write.status !== 403) throw new Error(`a read token's DELETE answered ${write.status}`);
  });
});

const URGENT = { id: 'wf-urgent-escalation', name: 'Escalate urgent tickets, follow up on the rest' };

/** The server's history of a workflow, read as the page's own session. */
async function serverRevisions(page: Page, id: string) {
  return JSON.parse((await apiFromPage(page, 'GET', `/workflows/${id}/revisions`)).text) as {
    head: number;
    published: number | null;
    revisions: { number: number; kind: string; message: string | null; authorName: string }[];
  };
}

/** Polls until `check` holds of the server's history of `id`. */
async function untilServer(page: Page, id: string, check: (r: Awaited<ReturnType<typeof serverRevisions>>) => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = await serverRevisions(page, id);
    if (check(r)) return r;
    if (Date.now() > deadline) throw new Error(`the server never showed ${what}: ${JSON.stringify(r).slice(0, 300)}`);
    await page.waitForTimeout(200);
  }
}

e2e('team: an admin edits a live workflow, publishes it, diffs two revisions in the history and restores one, all on the server', async (ctx) => {
  await withServer(async (server) => {
    const admin = (await person(ctx, server)).page;
    // Every text the header's versions line shows from the first moment, kept in the page.
    await admin.context().addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { tfVersionLines: string[] }).tfVersionLines = seen;
      setInterval(() => {
        const text = document.querySelector('.tf-versions__line')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }, 5);
    });
    await setUpOwner(admin, server.base);
    // The line waits for the server's versions: its first words about the live seed are right.
    await admin.locator('.tf-versions__line').waitFor({ timeout: 15_000 });
    const shown = await admin.evaluate(() => (window as unknown as { tfVersionLines: string[] }).tfVersionLines);
    if (!shown[0]?.startsWith('Live: revision')) throw new Error(`the header line first said "${shown[0]}" of a live workflow (then ${JSON.stringify(shown.slice(1))})`);
    const before = await serverRevisions(admin, URGENT.id);
    if (before.published === null) throw new Error('the seeded urgent workflow is not live');
    await open(admin, URGENT.name);
    const line = admin.locator('.tf-versions__line');
    await line.filter({ hasText: `Live: revision ${before.published} · draft: no changes` }).waitFor({ timeout: 10_000 });

    const leads = admin.locator('.react-flow__node[data-id="notify-leads"]');
    await leads.click();
    await leads.press('Delete');
    await leads.waitFor({ state: 'detached' });
    await line.filter({ hasText: new RegExp(`^Live: revision ${before.published} · draft: \\d+ changes?$`) }).waitFor({ timeout: 10_000 });

    await admin.getByRole('button', { name: 'Publish…' }).click();
    const dialog = admin.getByRole('dialog', { name: `Publish "${URGENT.name}"` });
    await dialog.getByRole('region', { name: 'Removed' }).getByText(/notify-leads/).waitFor();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    const after = await untilServer(admin, URGENT.id, (r) => r.published !== null && r.published > before.published!, 'a newer live revision');
    await line.filter({ hasText: `Live: revision ${after.published} · draft: no changes` }).waitFor({ timeout: 10_000 });

    // The history is the server's, with its authors.
    await admin.getByRole('tab', { name: 'History' }).click();
    const history = admin.locator('.tf-history');
    const items = history.getByRole('list', { name: 'History' }).getByRole('listitem');
    await items.first().getByText('Live', { exact: true }).waitFor({ timeout: 10_000 });
    await history.getByText(/Ada Admin/).first().waitFor();
    const listed = await items.count();
    if (listed !== after.revisions.length) throw new Error(`the history lists ${listed} revisions; the server holds ${after.revisions.length}`);

    await history.getByRole('button', { name: `Show revision ${before.published}` }).click();
    await history.getByRole('combobox', { name: 'Compare with' }).selectOption({ label: `Revision ${after.published}` });
    await admin.locator('.react-flow__node.tf-diff--added[data-id="notify-leads"]').waitFor();
    await ctx.screenshot('team-versions-diff', admin);

    await history.getByRole('button', { name: `Restore revision ${before.published}` }).click();
    await admin.locator('.react-flow__node[data-id="notify-leads"]:not(.tf-diff)').waitFor();
    const restored = await untilServer(admin, URGENT.id, (r) => r.revisions[0]?.kind === 'restore', 'a restore revision');
    if (restored.published !== after.published) throw new Error('the restore changed the live revision');
    if (restored.revisions[0]!.authorName !== OWNER.name) throw new Error(`the restore is by ${restored.revisions[0]!.authorName}`);
  });
});

e2e('team: an edit made while the server does not answer survives a reload and is sent when it answers again', async (ctx) => {
  await withServer(async (server) => {
    const { context, page } = await person(ctx, server);
    await setUpOwner(page, server.base);
    await open(page, URGENT.name);
    // The server stops taking writes to workflows (reads still answer, so the page can reload).
    const cut = (route: Route) => (route.request().method() === 'GET' ? route.continue() : route.abort('internetdisconnected'));
    await context.route('**/api/v1/workflows/**', cut);
    await rename(page, URGENT.name, 'Renamed while cut off');
    await page.getByRole('alert').getByText('The server does not answer').waitFor({ timeout: 10_000 });
    await page.reload();
    const list = page.getByRole('navigation', { name: 'Workflows' });
    await list.getByRole('button', { name: 'Renamed while cut off', exact: true }).waitFor({ timeout: 15_000 });
    // A save already under way when the writes were cut may have landed; the edit made after must not have.
    const nameOnServer = async () => (JSON.parse((await apiFromPage(page, 'GET', `/workflows/${URGENT.id}`)).text) as { workflow: { name: string } }).workflow.name;
    // The save the page sends as it unloads for the reload can escape the browser's request routing, so
    // the edit may already be on the server here; either way it must be there once writes go through.
    const cutHead = (await nameOnServer()) === 'Renamed while cut off' ? -1 : (await serverRevisions(page, URGENT.id)).head;
    // The server answers again: the kept edit is sent on the head it was made on, nothing is lost.
    await context.unroute('**/api/v1/workflows/**', cut);
    await untilServer(page, URGENT.id, (r) => r.head > cutHead, 'the kept edit');
    const name = await nameOnServer();
    if (name !== 'Renamed while cut off') throw new Error(`the server's head is named "${name}"`);
  });
});

e2e('team: moving the same bundle in twice reports the workflows as already here and duplicates no comment thread', async (ctx) => {
  const { exportBundle } = await import('../../src/document');
  const { EXAMPLE_WORKFLOWS } = await import('../../src/examples');
  const { defaultWorkspace } = await import('../../src/model');
  const example = EXAMPLE_WORKFLOWS.find((e) => e.document.workflow.id === URGENT.id)!.document;
  const moved = {
    ...example,
    workflow: { ...example.workflow, id: 'wf-moved-in', name: 'Moved in from this browser' },
    comments: [
      {
        id: 'local-thread',
        target: 'trigger',
        resolved: false,
        messages: [
          { id: 'local-1', author: 'Lou', at: '2026-11-30T09:00:00.000Z', text: 'Is this the right trigger?' },
          { id: 'local-2', author: 'Ada', at: '2026-11-30T09:05:00.000Z', text: 'Yes' },
        ],
      },
    ],
  };
  const bundle = Buffer.from(exportBundle({ workspace: defaultWorkspace(), workflows: [moved], scenarios: [] }));
  await withServer(async (server) => {
    const admin = (await person(ctx, server)).page;
    await setUpOwner(admin, server.base);
    const report: string[] = [];
    for (let round = 0; round < 2; round++) {
      await admin.getByRole('button', { name: 'Account and team' }).click();
      await admin.getByRole('menuitem', { name: 'Move a local workspace in…' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Move a local workspace in' });
      await dialog.getByLabel('From a bundle file…').setInputFiles({ name: 'help-desk.bundle.json', mimeType: 'application/json', buffer: bundle });
      const status = dialog.getByRole('status').filter({ hasText: 'Moved in:' });
      await status.waitFor({ timeout: 15_000 });
      report.push((await status.textContent()) ?? '');
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    if (!report[0]!.includes('1 new workflow: Moved in from this browser')) throw new Error(`the first report says "${report[0]}"`);
    if (!report[1]!.includes('1 workflow already here, unchanged: Moved in from this browser') || report[1]!.includes('new workflow')) {
      throw new Error(`the second report says "${report[1]}"`);
    }
    const threads = JSON.parse((await apiFromPage(admin, 'GET', '/workflows/wf-moved-in/comments')).text) as { comments: { messages: unknown[] }[] };
    if (threads.comments.length !== 1 || threads.comments[0]!.messages.length !== 2) throw new Error(`the server holds ${JSON.stringify(threads.comments.map((t) => t.messages.length))} after two move-ins`);
    // The canvas shows the one thread.
    await open(admin, 'Moved in from this browser');
    await admin.getByRole('button', { name: '1 open comment thread' }).first().waitFor({ timeout: 10_000 });
    await ctx.screenshot('team-move-in-twice', admin);
  });
});

e2e('team: a bundle opened from the File menu goes through the server import: the team keeps its other workflows and comment threads, and an unchanged workflow gets no revision', async (ctx) => {
  const { exportBundle } = await import('../../src/document');
  const { EXAMPLE_WORKFLOWS } = await import('../../src/examples');
  const { defaultWorkspace } = await import('../../src/model');
  await withServer(async (server) => {
    const admin = (await person(ctx, server)).page;
    await setUpOwner(admin, server.base);
    await open(admin, URGENT.name);
    // A comment the team already has on the workflow the bundle also holds.
    const posted = await apiFromPage(admin, 'POST', `/workflows/${URGENT.id}/comments`, JSON.stringify({ target: 'trigger', text: 'Keep this thread' }));
    if (posted.status !== 201 && posted.status !== 200) throw new Error(`the comment was not stored (${posted.status})`);
    const listed = JSON.parse((await apiFromPage(admin, 'GET', '/workflows')).text) as { workflows: { id: string }[] };
    const before = await serverRevisions(admin, URGENT.id);
    // The bundle holds the urgent workflow exactly as the server has it, and one new workflow.
    const head = JSON.parse((await apiFromPage(admin, 'GET', `/workflows/${URGENT.id}?state=head`)).text);
    const example = EXAMPLE_WORKFLOWS.find((e) => e.document.workflow.id === URGENT.id)!.document;
    const added = { ...example, workflow: { ...example.workflow, id: 'wf-from-file', name: 'Brought in from a file' } };
    const text = exportBundle({ workspace: defaultWorkspace(), workflows: [{ ...head, comments: [] }, added], scenarios: [] });
    await admin.getByTestId('tf-import-file').setInputFiles({ name: 'team.bundle.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const dialog = admin.getByRole('dialog', { name: 'Import the bundle into the team workspace?' });
    await dialog.getByText('No workflow of the team workspace is deleted.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Import into the team workspace' }).click();
    const status = dialog.getByRole('status').filter({ hasText: 'Moved in:' });
    await status.waitFor({ timeout: 15_000 });
    const said = (await status.textContent()) ?? '';
    if (!said.includes('1 new workflow: Brought in from a file') || !said.includes(`1 workflow already here, unchanged: ${URGENT.name}`)) throw new Error(`the report says "${said}"`);
    await ctx.screenshot('team-bundle-import', admin);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await admin.waitForTimeout(1500);
    const after = JSON.parse((await apiFromPage(admin, 'GET', '/workflows')).text) as { workflows: { id: string }[] };
    const gone = listed.workflows.filter((w) => !after.workflows.some((a) => a.id === w.id)).map((w) => w.id);
    if (gone.length) throw new Error(`the import deleted ${gone.join(', ')} from the server`);
    if (!after.workflows.some((w) => w.id === 'wf-from-file')) throw new Error('the new workflow is not on the server');
    const revisions = await serverRevisions(admin, URGENT.id);
    if (revisions.head !== before.head) throw new Error(`the unchanged workflow went from revision ${before.head} to ${revisions.head}`);
    const threads = JSON.parse((await apiFromPage(admin, 'GET', `/workflows/${URGENT.id}/comments`)).text) as { comments: unknown[] };
    if (threads.comments.length !== 1) throw new Error(`the server holds ${threads.comments.length} threads on ${URGENT.id}, not the one it had`);
    await admin.getByRole('navigation', { name: 'Workflows' }).getByRole('button', { name: 'Brought in from a file', exact: true }).waitFor({ timeout: 10_000 });
    const notices = await admin.locator('.tf-notice, [role="status"]').allTextContents();
    if (notices.some((n) => n.includes('cannot be made in team mode'))) throw new Error(`a spurious notice: ${notices.join(' | ')}`);
  });
});

e2e('team: a deleted workflow is in the trash after a reload, and Restore brings it back on the server with its history', async (ctx) => {
  await withServer(async (server) => {
    const admin = (await person(ctx, server)).page;
    await setUpOwner(admin, server.base);
    const list = admin.getByRole('navigation', { name: 'Workflows' });
    const row = list.getByRole('button', { name: URGENT.name, exact: true });
    await row.waitFor();
    const before = await serverRevisions(admin, URGENT.id);
    await list.getByRole('button', { name: `Delete "${URGENT.name}"` }).click();
    await admin.getByRole('alertdialog', { name: 'Delete workflow' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    for (let i = 0; i < 100 && (await apiFromPage(admin, 'GET', `/workflows/${URGENT.id}`)).status !== 404; i++) await admin.waitForTimeout(100);
    if ((await apiFromPage(admin, 'GET', `/workflows/${URGENT.id}`)).status !== 404) throw new Error('the delete did not reach the server');
    await admin.reload();
    await list.getByRole('button').first().waitFor();
    if (await row.count()) throw new Error('the deleted workflow is back after a reload');
    await admin.getByText('Trash (1 workflow)').click();
    if (await admin.getByRole('button', { name: `Delete "${URGENT.name}" for good` }).count()) throw new Error('team mode offers Delete for good, which the server does not do');
    await ctx.screenshot('team-trash', admin);
    await admin.getByRole('button', { name: `Restore "${URGENT.name}"` }).click();
    await row.waitFor();
    for (let i = 0; i < 100 && (await apiFromPage(admin, 'GET', `/workflows/${URGENT.id}`)).status !== 200; i++) await admin.waitForTimeout(100);
    const after = await serverRevisions(admin, URGENT.id);
    if (after.head !== before.head + 1 || after.revisions.length !== before.revisions.length + 1) {
      throw new Error(`the restored workflow has revisions ${after.revisions.map((r) => r.number).join(',')} (head ${after.head}), not its history and one more`);
    }
    await admin.reload();
    await row.waitFor();
    if (await admin.getByText(/^Trash \(/).count()) throw new Error('the trash still lists the restored workflow after a reload');
  });
});

e2e('team: turning a live workflow off says so only once the server has answered, and a failure keeps it live', async (ctx) => {
  await withServer(async (server) => {
    const { context, page } = await person(ctx, server);
    await setUpOwner(page, server.base);
    await open(page, URGENT.name);
    const before = await serverRevisions(page, URGENT.id);
    if (before.published === null) throw new Error('the seeded urgent workflow is not live');
    const line = page.locator('.tf-versions__line');
    await line.filter({ hasText: `Live: revision ${before.published}` }).waitFor({ timeout: 10_000 });
    const off = page.getByText('The workflow is off: nothing of it is live.');
    const publishRoute = `**/api/v1/workflows/${URGENT.id}/publish`;

    // The server fails: the page says the workflow was not turned off, and it is still live.
    const fail = (route: Route) =>
      route.request().method() === 'DELETE'
        ? route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, detail: 'The database is away' }) })
        : route.continue();
    await context.route(publishRoute, fail);
    await page.getByRole('button', { name: 'Unpublish', exact: true }).click();
    await page.getByRole('alert').getByText(/was not turned off .*it is still live/).waitFor({ timeout: 10_000 });
    if ((await off.count()) > 0) throw new Error('the page said the workflow is off although the server failed');
    await line.filter({ hasText: `Live: revision ${before.published}` }).waitFor();
    await context.unroute(publishRoute, fail);

    // The server is slow to answer: nothing says it is off until it has.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const hold = async (route: Route) => {
      if (route.request().method() !== 'DELETE') return route.continue();
      await held;
      return route.continue();
    };
    await context.route(publishRoute, hold);
    await page.getByRole('button', { name: 'Unpublish', exact: true }).click();
    await page.waitForTimeout(1500);
    if ((await off.count()) > 0) throw new Error('the page said the workflow is off before the server answered');
    await line.filter({ hasText: `Live: revision ${before.published}` }).waitFor();
    release();
    await off.waitFor({ timeout: 10_000 });
    await untilServer(page, URGENT.id, (r) => r.published === null, 'the workflow off');
    await line.filter({ hasText: /^Not live/ }).waitFor({ timeout: 10_000 });
    await context.unroute(publishRoute, hold);
  });
});
