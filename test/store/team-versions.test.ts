import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageControl } from '../../src/store/persistence';
import { createAppStore, type AppStore } from '../../src/store/store';
import { TeamApi } from '../../src/store/team-api';
import { startTeamPersistence } from '../../src/store/team-persistence';
import { DATABASE_KINDS } from '../storage/databases';
import { setUp, startTestServer, type Client, type TestServer } from '../server/harness';

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await settle(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface RevisionsAnswer {
  head: number;
  published: number | null;
  revisions: { number: number; kind: string; message: string | null; authorName: string; published: boolean }[];
}

for (const kind of DATABASE_KINDS) {
  describe(`team versions through the server (${kind})`, () => {
    let server: TestServer;
    let owner: Client;
    let store: AppStore;
    let control: StorageControl;

    beforeAll(async () => {
      server = await startTestServer(kind);
      owner = await setUp(server);
      const { cookie, csrf } = owner.credentials;
      const api = new TeamApi(`${server.base}/api/v1`, (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: cookie ?? '' } }));
      api.setCsrfToken(csrf ?? '');
      const me = await api.me();
      store = createAppStore();
      control = await startTeamPersistence(store, { api, me, saveDelayMs: 5, journal: null, events: null });
      store.setState({ storageControl: control });
    }, 60_000);

    afterAll(async () => {
      control?.stop();
      await server?.close();
    });

    const revisions = async (id: string) => (await owner.call('GET', `/workflows/${id}/revisions`)).json as RevisionsAnswer;

    it('loads each workflow\'s history and live revision from the server, with authors', async () => {
      const id = store.getState().order[0]!;
      const answer = await revisions(id);
      const versions = store.getState().versions[id]!;
      expect(versions.head).toBe(answer.head);
      expect(versions.published).toBe(answer.published);
      expect(versions.revisions.map((r) => r.number).sort()).toEqual(answer.revisions.map((r) => r.number).sort());
      expect(versions.revisions[0]!.authorName).toBe(answer.revisions.at(-1)!.authorName);
      expect(store.getState().remoteVersions).not.toBeNull();
    });

    it('publishes an edited draft with a message, saves and restores revisions, and unpublishes, all on the server', async () => {
      const id = store.getState().order[0]!;
      store.getState().openWorkflow(id);
      const before = await revisions(id);
      store.getState().insertAt({ type: 'start' }, 'delay');
      const outcome = store.getState().publish(id, 'Wait a little first');
      expect(outcome.ok).toBe(true);
      await until(async () => (await revisions(id)).published === before.head + 1 || (await revisions(id)).published === before.head + 2, 'the publish');
      const published = await revisions(id);
      const live = published.revisions.find((r) => r.published)!;
      expect(live).toMatchObject({ kind: 'publish', message: 'Wait a little first', authorName: 'Ada Admin' });
      await until(() => store.getState().versions[id]?.published === live.number, 'the store to follow the publish');
      expect(store.getState().versions[id]!.revisions.some((r) => r.number === live.number && r.message === 'Wait a little first')).toBe(true);

      store.getState().insertAt({ type: 'start' }, 'delay');
      store.getState().saveRevision(id, 'Second wait');
      await until(async () => (await revisions(id)).revisions[0]!.message === 'Second wait', 'the save with a message');
      expect((await revisions(id)).revisions[0]).toMatchObject({ kind: 'save', authorName: 'Ada Admin' });

      const first = published.revisions.at(-1)!.number;
      await until(() => store.getState().versions[id]!.revisions.some((r) => r.message === 'Second wait'), 'the store to list the save');
      store.getState().restoreRevision(id, first);
      await until(async () => (await revisions(id)).revisions[0]!.kind === 'restore', 'the restore');
      const head = (await revisions(id)).head;
      const restored = (await owner.call('GET', `/workflows/${id}?revision=${head}`)).json as { workflow: unknown };
      const original = (await owner.call('GET', `/workflows/${id}?revision=${first}`)).json as { workflow: unknown };
      expect(restored.workflow).toEqual(original.workflow);

      store.getState().unpublish(id);
      await until(async () => (await revisions(id)).published === null, 'the unpublish');
      await until(() => store.getState().versions[id]!.published === null, 'the store to follow the unpublish');
    }, 60_000);

    it('turns a live workflow off only once the server answers, and says so; a refusal or no answer leaves it live', async () => {
      // A page of its own whose DELETE …/publish is held until released, or fails.
      const { cookie, csrf } = owner.credentials;
      let hold: 'wait' | 'offline' | 'refuse' | 'pass' = 'wait';
      let release: () => void = () => {};
      const api = new TeamApi(`${server.base}/api/v1`, async (input, init) => {
        if (init?.method === 'DELETE' && String(input).endsWith('/publish')) {
          if (hold === 'offline') throw new TypeError('Failed to fetch');
          if (hold === 'refuse') return new Response(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Admins only' }), { status: 403, headers: { 'content-type': 'application/problem+json' } });
          if (hold === 'wait') await new Promise<void>((r) => (release = r));
        }
        return fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: cookie ?? '' } });
      });
      api.setCsrfToken(csrf ?? '');
      const page = createAppStore();
      const pageControl = await startTeamPersistence(page, { api, me: await api.me(), saveDelayMs: 5, journal: null, events: null });
      try {
        const id = page.getState().order.find((w) => page.getState().versions[w]?.published !== null)!;
        const live = page.getState().versions[id]!.published;
        expect(live).not.toBeNull();
        const notices = () => page.getState().notices.map((n) => n.key);

        for (const failure of ['offline', 'refuse'] as const) {
          hold = failure;
          page.getState().unpublish(id);
          await until(() => notices().includes(failure === 'offline' ? 'versions.unpublish.offline' : 'versions.unpublish.failed'), `the ${failure} notice`);
          expect(notices()).not.toContain('versions.unpublished');
          expect(page.getState().versions[id]!.published).toBe(live);
          expect((await revisions(id)).published).toBe(live);
        }

        hold = 'wait';
        page.getState().unpublish(id);
        await settle(100);
        // The server has not answered: nothing says it is off, and it is still live on the page.
        expect(notices()).not.toContain('versions.unpublished');
        expect(page.getState().versions[id]!.published).toBe(live);
        release();
        await until(() => notices().includes('versions.unpublished'), 'the notice after the answer');
        expect(page.getState().versions[id]!.published).toBeNull();
        expect((await revisions(id)).published).toBeNull();
      } finally {
        pageControl.stop();
      }
    }, 60_000);

    it('a stale save becomes a conflict whose compare shows their revision against my draft in the versions view', async () => {
      const id = store.getState().order[1]!;
      store.getState().openWorkflow(id);
      const head = store.getState().versions[id]!.head;
      const theirs = (await owner.call('GET', `/workflows/${id}`)).json as { workflow: { name: string } };
      theirs.workflow.name = 'Renamed by a teammate';
      const put = await owner.call('PUT', `/workflows/${id}`, { body: theirs, headers: { 'if-match': `"${id}.r${head}"` } });
      expect(put.status).toBe(200);
      store.getState().insertAt({ type: 'start' }, 'delay');
      await until(() => store.getState().conflicts.some((c) => c.workflowId === id), 'the conflict');
      const conflict = store.getState().conflicts.find((c) => c.workflowId === id)!;
      expect(conflict.theirRevision).toBe(head + 1);
      await control.compareConflict!(id, conflict.theirRevision);
      const s = store.getState();
      expect(s.historyView).toEqual({ workflowId: id, number: head + 1, against: 'draft' });
      expect(s.panels.rightTab).toBe('history');
      expect(s.versions[id]!.revisions.find((r) => r.number === head + 1)!.document.workflow.name).toBe('Renamed by a teammate');
      expect(s.documents[id]!.workflow.name).not.toBe('Renamed by a teammate');
    }, 60_000);
  });
}
