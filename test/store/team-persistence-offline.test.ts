import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../src/model';
import type { StorageControl } from '../../src/store/persistence';
import { createAppStore, type AppStore } from '../../src/store/store';
import { TeamApi } from '../../src/store/team-api';
import { startTeamPersistence, TEAM_JOURNAL_PREFIX } from '../../src/store/team-persistence';
import { DATABASE_KINDS } from '../storage/databases';
import { setUp, startTestServer, type Client, type TestServer } from '../server/harness';
import { memoryStorage } from './fixtures';

// The team adapter against the real server when saves get no answer: what is being sent stays in
// the journal until the server acknowledges it, a save that never answers counts as offline, and a
// save whose answer was lost is recognised as this page's own when it is sent again.

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await settle(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** What the network does to a workflow save (PUT or POST under /workflows): pass it, hang until aborted, or lose the answer. */
type Network = 'pass' | 'hang' | 'lose-answer';

for (const kind of DATABASE_KINDS) {
  describe(`team saves the server does not answer (${kind})`, () => {
    let server: TestServer;
    let owner: Client;
    const running: StorageControl[] = [];

    beforeAll(async () => {
      server = await startTestServer(kind);
      owner = await setUp(server);
    }, 60_000);
    afterAll(async () => {
      for (const c of running) c.stop();
      const closing = server?.close();
      // The pages' HTTP client may keep a connection open after a save it gave up on; the server
      // waits for it, so the connections are cut once closing has begun.
      server?.app.server.closeAllConnections();
      await closing;
    }, 60_000);

    /** A page of the owner whose workflow saves go through `network()`. */
    async function page(journal: ReturnType<typeof memoryStorage>, network: () => Network, saveTimeoutMs?: number): Promise<{ store: AppStore; control: StorageControl }> {
      const { cookie, csrf } = owner.credentials;
      const send = (input: string, init?: RequestInit) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: cookie ?? '' } });
      const api = new TeamApi(`${server.base}/api/v1`, async (input, init) => {
        const save = (init?.method === 'PUT' || init?.method === 'POST') && /\/api\/v1\/workflows(\/[^/?]+)?(\?|$)/.test(input);
        const mode = save ? network() : 'pass';
        if (mode === 'hang') {
          return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
        }
        const answer = await send(input, init);
        if (mode === 'lose-answer') {
          await answer.text();
          throw new TypeError('Failed to fetch');
        }
        return answer;
      });
      api.setCsrfToken(csrf ?? '');
      const store = createAppStore();
      const control = await startTeamPersistence(store, { api, me: await api.me(), saveDelayMs: 5, journal, events: null, saveTimeoutMs });
      store.setState({ storageControl: control });
      running.push(control);
      return { store, control };
    }

    const head = async (id: string) => {
      const r = await owner.call('GET', `/workflows/${id}?state=head`);
      return { revision: Number(/\.r(\d+)"/.exec(r.headers.get('etag') ?? '')?.[1]), doc: r.json as WorkflowDocument };
    };
    const journalled = (journal: ReturnType<typeof memoryStorage>) => [...journal.map.keys()].filter((k) => k.startsWith(TEAM_JOURNAL_PREFIX));

    it('keeps an edit in the journal while its save is under way, and a page closed then sends it on the next load', async () => {
      const journal = memoryStorage();
      const first = await page(journal, () => 'hang');
      const id = first.store.getState().order[0]!;
      const before = await head(id);
      first.store.getState().openWorkflow(id);
      first.store.getState().renameWorkflow(id, 'Renamed while the save hangs');
      await until(() => first.store.getState().storage.state === 'saving', 'the save to be under way');
      // Not acknowledged: it is in the journal already, before any failure or page hide.
      expect(journalled(journal)).toHaveLength(1);
      expect(journal.map.get(journalled(journal)[0]!)).toContain('Renamed while the save hangs');
      first.control.stop();
      expect((await head(id)).revision).toBe(before.revision);

      const next = await page(journal, () => 'pass');
      await until(async () => (await head(id)).doc.workflow.name === 'Renamed while the save hangs', 'the kept edit on the server');
      expect((await head(id)).revision).toBe(before.revision + 1);
      await until(() => next.store.getState().storage.state === 'saved' && journalled(journal).length === 0, 'the journal to be cleared once acknowledged');
      next.control.stop();
    }, 60_000);

    it('counts a save with no answer as offline, keeps the edit, and sends it when the server answers', async () => {
      const journal = memoryStorage();
      let network: Network = 'hang';
      const { store, control } = await page(journal, () => network, 150);
      const id = store.getState().order[1]!;
      const before = await head(id);
      store.getState().openWorkflow(id);
      store.getState().renameWorkflow(id, 'Renamed with no answer');
      await until(() => store.getState().storage.state === 'error', 'the save to give up');
      expect(store.getState().storage).toMatchObject({ state: 'error', errorKey: 'team.offline' });
      expect(journal.map.get(journalled(journal)[0]!)).toContain('Renamed with no answer');
      network = 'pass';
      await control.flush();
      expect(store.getState().storage.state).toBe('saved');
      expect(await head(id)).toMatchObject({ revision: before.revision + 1, doc: { workflow: { name: 'Renamed with no answer' } } });
      expect(journalled(journal)).toEqual([]);
      control.stop();
    }, 60_000);

    it('takes a save whose answer was lost, sent again, as acknowledged: no conflict and no second revision', async () => {
      const journal = memoryStorage();
      let network: Network = 'lose-answer';
      const { store, control } = await page(journal, () => network);
      const id = store.getState().order[2]!;
      const before = await head(id);
      store.getState().openWorkflow(id);
      store.getState().renameWorkflow(id, 'Stored, answer lost');
      await until(() => store.getState().storage.state === 'error', 'the lost answer');
      // The server has it; the page does not know yet and keeps it.
      expect((await head(id)).revision).toBe(before.revision + 1);
      expect(journalled(journal)).toHaveLength(1);
      network = 'pass';
      await control.flush();
      expect(store.getState().conflicts).toEqual([]);
      expect(store.getState().storage.state).toBe('saved');
      expect((await head(id)).revision).toBe(before.revision + 1);
      expect(journalled(journal)).toEqual([]);
      // The next edit is based on that revision and goes through.
      store.getState().renameWorkflow(id, 'And then one more');
      await control.flush();
      expect(await head(id)).toMatchObject({ revision: before.revision + 2, doc: { workflow: { name: 'And then one more' } } });
      expect(store.getState().conflicts).toEqual([]);
      control.stop();
    }, 60_000);
  });
}
