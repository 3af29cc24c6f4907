import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import type { StorageControl } from '../../src/store/persistence';
import { createAppStore, type AppStore } from '../../src/store/store';
import { TeamApi, type Me } from '../../src/store/team-api';
import { startTeamPersistence } from '../../src/store/team-persistence';
import { teamSession } from '../../src/store/team-session';
import { memoryStorage, openWorkflow } from './fixtures';
import { FakeTeamServer } from './team-fake-server';

const running: StorageControl[] = [];
let server: FakeTeamServer;
const ids = EXAMPLE_WORKFLOWS.slice(0, 3).map((e) => e.document.workflow.id);

beforeEach(() => {
  server = new FakeTeamServer();
  server.addAccount('Ada Admin', 'ada@example.com', 'admin');
  server.addAccount('Bea Admin', 'bea@example.com', 'admin');
  server.addAccount('Rui Reviewer', 'rui@example.com', 'reviewer');
  server.addAccount('Vic Viewer', 'vic@example.com', 'viewer');
  for (const e of EXAMPLE_WORKFLOWS.slice(0, 3)) server.putWorkflow(e.document);
});

afterEach(() => {
  for (const c of running.splice(0)) c.stop();
});

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (or fails after a second). */
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await settle(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A page signed in as `email`, with its team adapter started. */
async function page(email: string, options: { journal?: ReturnType<typeof memoryStorage>; live?: boolean } = {}): Promise<{ store: AppStore; control: StorageControl; me: Me }> {
  const client = server.client(email);
  const api = new TeamApi('/api/v1', client.fetch);
  api.setCsrfToken(client.csrf);
  const me = await api.me();
  const store = createAppStore();
  const control = await startTeamPersistence(store, {
    api,
    me,
    saveDelayMs: 5,
    journal: options.journal ?? null,
    events: options.live === false ? null : client.events,
  });
  store.setState({ storageControl: control });
  running.push(control);
  // The stream opens on the next turn; a test's first save comes after.
  if (options.live !== false) await settle();
  return { store, control, me };
}

describe('team persistence', () => {
  it('loads the workspace and every workflow with its comments from the server', async () => {
    server.workflows.get(ids[0]!)!.comments.push({
      id: 'cm-x',
      target: 'trigger',
      revision: 1,
      resolved: false,
      messages: [{ id: 'm-x', author: 'acc-3', authorName: 'Rui Reviewer', at: '2026-12-02T08:00:00.000Z', text: 'Why this trigger?' }],
    });
    const { store } = await page('ada@example.com');
    const s = store.getState();
    expect(s.order).toEqual(ids);
    expect(s.workspace).toEqual(server.workspace);
    expect(s.documents[ids[0]!]!.comments).toEqual([
      { id: 'cm-x', target: 'trigger', resolved: false, messages: [{ id: 'm-x', author: 'Rui Reviewer', at: '2026-12-02T08:00:00.000Z', text: 'Why this trigger?' }] },
    ]);
    expect(s.storage.state).toBe('saved');
    expect(s.reviewMode).toBe(false);
    expect(teamSession.getState().mode).toBe('team');
  });

  it('opens the workspace read-only for a reviewer and a viewer: review mode is their role', async () => {
    for (const email of ['rui@example.com', 'vic@example.com']) {
      const { store, me } = await page(email);
      expect(store.getState().reviewMode).toBe(true);
      expect(store.getState().authorName).toBe(me.account.name);
    }
  });

  it("sends an admin's edit with the base revision in If-Match, and bases the next save on the new revision", async () => {
    const { store, control } = await page('ada@example.com');
    const id = store.getState().openId!;
    store.getState().insertAt({ type: 'start' }, 'delay');
    await control.flush();
    expect(server.workflows.get(id)!.revisions).toHaveLength(2);
    expect(server.head(id).workflow.actions).toHaveLength(openWorkflow(store).actions.length);
    store.getState().insertAt({ type: 'start' }, 'webhook');
    await control.flush();
    expect(server.workflows.get(id)!.revisions).toHaveLength(3);
    expect(server.log.filter((l) => l === `PUT /workflows/${id}`)).toHaveLength(2);
    expect(store.getState().conflicts).toEqual([]);
  });

  it('never sends comments with a document save: they go through the comment routes', async () => {
    const { store, control } = await page('ada@example.com');
    const id = store.getState().openId!;
    store.getState().setComments([{ id: 'c1', target: 'trigger', resolved: false, messages: [{ id: 'm1', author: 'Ada Admin', at: '2026-12-02T08:00:00.000Z', text: 'Check' }] }]);
    await control.flush();
    expect(server.head(id).comments).toBeUndefined();
    expect(server.workflows.get(id)!.comments.map((c) => c.messages[0]!.text)).toEqual(['Check']);
  });

  it('deletes on the server, and Undo creates the workflow again there, after its earlier revisions', async () => {
    const { store, control } = await page('ada@example.com');
    const id = ids[1]!;
    const before = server.workflows.get(id)!.revisions.length;
    store.getState().deleteWorkflow(id);
    await control.flush();
    await until(() => server.workflows.get(id)!.deleted, 'the delete on the server');
    await settle();
    expect(store.getState().conflicts).toEqual([]);
    const notice = store.getState().notices.at(-1)!;
    expect(notice.restore).toBe(id);
    store.getState().restoreWorkflow(notice.restore!);
    await control.flush();
    await until(() => server.workflows.get(id)!.deleted === false, 'the workflow back on the server');
    expect(server.workflows.get(id)!.revisions).toHaveLength(before + 1);
    expect(server.head(id).workflow).toEqual(store.getState().documents[id]!.workflow);
  });

  it("keeps a deleted workflow in an admin's trash across a reload, and Restore brings it back on the server", async () => {
    const first = await page('ada@example.com');
    const id = ids[1]!;
    first.store.getState().deleteWorkflow(id);
    await first.control.flush();
    await until(() => server.workflows.get(id)!.deleted, 'the delete on the server');
    first.control.stop();

    const again = await page('ada@example.com');
    expect(again.store.getState().documents[id]).toBeUndefined();
    expect(again.store.getState().trash.map((e) => e.doc.workflow.id)).toEqual([id]);
    expect(again.store.getState().trash[0]!.doc.workflow).toEqual(server.head(id).workflow);
    again.store.getState().restoreWorkflow(id);
    await again.control.flush();
    await until(() => server.workflows.get(id)!.deleted === false, 'the workflow back on the server');
    expect(again.store.getState().trash).toEqual([]);
    // A reviewer has no trash to restore from.
    expect((await page('rui@example.com')).store.getState().trash).toEqual([]);
  });

  it("puts another admin's delete into the trash at once, restorable without a reload", async () => {
    const ada = await page('ada@example.com');
    const bea = await page('bea@example.com');
    const id = ids[0]!;
    bea.store.getState().deleteWorkflow(id);
    await bea.control.flush();
    await until(() => !(id in ada.store.getState().documents), "Bea's delete on Ada's page");
    expect(ada.store.getState().trash.map((e) => e.doc.workflow.id)).toEqual([id]);
    ada.store.getState().restoreWorkflow(id);
    await ada.control.flush();
    await until(() => server.workflows.get(id)!.deleted === false, 'the workflow back on the server');
  });

  it('opens the workflow this browser had open after a reload, and the first one when it is gone', async () => {
    const journal = memoryStorage();
    const first = await page('ada@example.com', { journal });
    first.store.getState().openWorkflow(ids[2]!);
    first.control.stop();
    expect((await page('ada@example.com', { journal })).store.getState().openId).toBe(ids[2]);
    server.workflows.get(ids[2]!)!.deleted = true;
    const after = await page('ada@example.com', { journal });
    expect(after.store.getState().openId).toBe(after.store.getState().order[0]);
  });

  it('gives the second of two admins saving on one base the conflict choice, and overwrites nothing', async () => {
    const a = await page('ada@example.com', { live: false });
    const b = await page('bea@example.com', { live: false });
    const id = a.store.getState().openId!;
    a.store.getState().insertAt({ type: 'start' }, 'delay');
    await a.control.flush();
    const afterA = server.workflows.get(id)!.revisions.at(-1);
    b.store.getState().insertAt({ type: 'start' }, 'webhook');
    await b.control.flush();
    expect(server.workflows.get(id)!.revisions.at(-1)).toBe(afterA);
    expect(b.store.getState().conflicts).toEqual([{ workflowId: id, theirRevision: 2 }]);
    // Keep mine as a copy: B's version becomes a new workflow on the server, and B shows A's under the id.
    await b.control.forkWorkflow(id, 'Mine');
    await b.control.flush();
    expect(b.store.getState().conflicts).toEqual([]);
    expect(openWorkflow(b.store).name).toBe('Mine');
    const copyId = b.store.getState().openId!;
    expect(server.head(copyId).workflow.actions.some((x) => x.kind === 'webhook')).toBe(true);
    expect(b.store.getState().documents[id]!.workflow.actions.some((x) => x.kind === 'delay')).toBe(true);
  });

  it('takes theirs on request: the server head replaces the page version', async () => {
    const a = await page('ada@example.com', { live: false });
    const b = await page('bea@example.com', { live: false });
    const id = a.store.getState().openId!;
    a.store.getState().insertAt({ type: 'start' }, 'delay');
    await a.control.flush();
    b.store.getState().insertAt({ type: 'start' }, 'webhook');
    await b.control.flush();
    await b.control.reloadWorkflow(id);
    expect(b.store.getState().documents[id]!.workflow).toEqual(server.head(id).workflow);
    expect(b.store.getState().conflicts).toEqual([]);
  });

  it("follows another admin's save on an open workflow with no unsaved edits", async () => {
    const a = await page('ada@example.com');
    const b = await page('bea@example.com');
    const id = a.store.getState().openId!;
    a.store.getState().insertAt({ type: 'start' }, 'delay');
    await a.control.flush();
    await until(() => b.store.getState().documents[id]!.workflow.actions.length === openWorkflow(a.store).actions.length, 'B to follow');
    expect(b.store.getState().documents[id]!.workflow).toEqual(openWorkflow(a.store));
    expect(b.store.getState().conflicts).toEqual([]);
  });

  it('marks a conflict, rather than following, when the page has unsent edits of the saved workflow', async () => {
    const a = await page('ada@example.com');
    const b = await page('bea@example.com', { live: true });
    const id = a.store.getState().openId!;
    server.offline = false;
    b.store.getState().insertAt({ type: 'start' }, 'webhook');
    // A saves first; B's edit is still waiting for its save delay when the event arrives.
    a.store.getState().insertAt({ type: 'start' }, 'delay');
    await a.control.flush();
    await b.control.flush();
    await until(() => b.store.getState().conflicts.length === 1, 'the conflict');
    expect(b.store.getState().documents[id]!.workflow.actions.some((x) => x.kind === 'webhook')).toBe(true);
  });

  it("shows a reviewer's comment on the admin's page live, authored by the reviewer's account", async () => {
    const admin = await page('ada@example.com');
    const reviewer = await page('rui@example.com');
    const id = reviewer.store.getState().openId!;
    const outcome = reviewer.store.getState().setComments([
      { id: 'c1', target: 'trigger', resolved: false, messages: [{ id: 'm1', author: 'anyone', at: '2026-12-02T08:00:00.000Z', text: 'Is this the right trigger?' }] },
    ]);
    expect(outcome.ok).toBe(true);
    await reviewer.control.flush();
    await until(() => (admin.store.getState().documents[id]!.comments ?? []).length === 1, 'the comment on the admin page');
    const [thread] = admin.store.getState().documents[id]!.comments!;
    expect(thread!.messages[0]).toMatchObject({ author: 'Rui Reviewer', text: 'Is this the right trigger?' });
    // The reviewer's page now holds the server's thread (its id), not a second copy.
    expect(reviewer.store.getState().documents[id]!.comments!.map((c) => c.id)).toEqual([thread!.id]);
    // Replies and resolution travel too.
    admin.store.getState().setComments([{ ...thread!, resolved: true, messages: [...thread!.messages, { id: 'm9', author: 'Ada Admin', at: '2026-12-02T08:01:00.000Z', text: 'Yes.' }] }]);
    await admin.control.flush();
    await until(() => reviewer.store.getState().documents[id]!.comments?.[0]?.resolved === true, 'the resolution on the reviewer page');
    expect(reviewer.store.getState().documents[id]!.comments![0]!.messages.map((m) => [m.author, m.text])).toEqual([
      ['Rui Reviewer', 'Is this the right trigger?'],
      ['Ada Admin', 'Yes.'],
    ]);
  });

  it("never sends a reviewer's document change, and puts the server's version back", async () => {
    const { store, control } = await page('rui@example.com', { live: false });
    const id = store.getState().openId!;
    const before = store.getState().documents[id]!.workflow;
    store.setState({ reviewMode: false });
    store.getState().insertAt({ type: 'start' }, 'delay');
    await control.flush();
    expect(server.log.some((l) => l.startsWith('PUT '))).toBe(false);
    expect(store.getState().documents[id]!.workflow).toEqual(before);
  });

  it("puts back a viewer's comment: viewers read, and nothing is sent", async () => {
    const { store, control } = await page('vic@example.com', { live: false });
    const id = store.getState().openId!;
    store.getState().setComments([{ id: 'c1', target: 'trigger', resolved: false, messages: [{ id: 'm1', author: 'Vic', at: '2026-12-02T08:00:00.000Z', text: 'Hm' }] }]);
    await control.flush();
    expect(server.log.some((l) => l.includes('/comments') && !l.startsWith('GET'))).toBe(false);
    expect(store.getState().documents[id]!.comments).toBeUndefined();
    expect(store.getState().notices.map((n) => n.key)).toContain('team.refused.viewer');
  });

  it('keeps edits made offline in the journal and sends them when the server answers again', async () => {
    const journal = memoryStorage();
    const { store, control } = await page('ada@example.com', { journal, live: false });
    const id = store.getState().openId!;
    server.offline = true;
    store.getState().insertAt({ type: 'start' }, 'delay');
    await control.flush();
    expect(store.getState().storage).toMatchObject({ state: 'error', errorKey: 'team.offline' });
    expect([...journal.map.keys()].some((k) => k.startsWith('ticketflow-team-unsaved:ws-1:'))).toBe(true);
    server.offline = false;
    control.retry();
    await until(() => store.getState().storage.state === 'saved', 'the save');
    expect(server.head(id).workflow.actions).toEqual(openWorkflow(store).actions);
    expect(journal.map.size).toBe(0);
  });

  it('replays unsent edits after a reload: sent when the base is still the head, a conflict when it is not', async () => {
    const journal = memoryStorage();
    const first = await page('ada@example.com', { journal, live: false });
    const [a, b] = [ids[0]!, ids[1]!];
    server.offline = true;
    first.store.getState().insertAt({ type: 'start' }, 'delay');
    first.store.getState().openWorkflow(b);
    first.store.getState().insertAt({ type: 'start' }, 'webhook');
    await first.control.flush({ pageHidden: true });
    first.control.stop();
    server.offline = false;
    // Meanwhile another admin saved workflow b.
    server.putWorkflow({ ...server.head(b), workflow: { ...server.head(b).workflow, name: 'Renamed elsewhere' } });
    const second = await page('ada@example.com', { journal, live: false });
    await second.control.flush();
    expect(server.head(a).workflow.actions.some((x) => x.kind === 'delay')).toBe(true);
    expect(second.store.getState().conflicts).toEqual([{ workflowId: b, theirRevision: 2 }]);
    expect(second.store.getState().documents[b]!.workflow.actions.some((x) => x.kind === 'webhook')).toBe(true);
    expect(server.head(b).workflow.name).toBe('Renamed elsewhere');
  });

  it('resumes the live stream after it drops and catches up on what it missed', async () => {
    const a = await page('ada@example.com', { live: false });
    const b = await page('bea@example.com');
    const id = a.store.getState().openId!;
    await until(() => teamSession.getState().live, 'the stream');
    server.offline = true;
    server.dropStreams();
    a.store.getState().insertAt({ type: 'start' }, 'delay');
    server.offline = false;
    await a.control.flush();
    await until(() => b.store.getState().documents[id]!.workflow.actions.length === openWorkflow(a.store).actions.length, 'B to catch up');
  });

  it('lists who else is viewing a workflow from presence events', async () => {
    const a = await page('ada@example.com');
    await until(() => teamSession.getState().live, 'the stream');
    const b = await page('rui@example.com', { live: false });
    b.store.getState().openWorkflow(ids[1]!);
    await until(() => (teamSession.getState().presence[ids[1]!] ?? []).some((p) => p.name === 'Rui Reviewer'), 'the presence');
    expect(a.store.getState().openId).toBe(ids[0]);
  });
});
