import type { BrowserContext, Page } from 'playwright-core';
import { e2e, openApp, saved } from './harness';

// What src/store/persistence.ts promises: every committed edit is saved to IndexedDB (autosave), a full
// storage quota tells the user and keeps the edit in memory until a save goes through, an unreadable
// record is reported and left untouched, and a tab never silently overwrites another tab's work.

/** The stored workflow records, by id: the workflow's name, or null when the record is not one this app wrote. */
async function stored(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string | null>>((resolve, reject) => {
        const open = indexedDB.open('ticketflow');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('workflows').objectStore('workflows').openCursor();
          const out: Record<string, string | null> = {};
          req.onsuccess = () => {
            const cursor = req.result;
            if (!cursor) {
              db.close();
              resolve(out);
              return;
            }
            const name = (cursor.value as { doc?: { workflow?: { name?: unknown } } } | null)?.doc?.workflow?.name;
            out[String(cursor.key)] = typeof name === 'string' ? name : null;
            cursor.continue();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Writes a raw value under a key of one of the app's object stores, as a damaged or foreign record would be. */
async function writeRaw(page: Page, storeName: string, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ({ storeName, key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ticketflow');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(storeName, 'readwrite');
          tx.objectStore(storeName).put(value, key);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { storeName, key, value },
  );
}

async function openName(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

/** Renames a workflow through the workflow list (a committed edit). */
async function rename(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: `Rename "${from}"` }).click();
  const field = page.getByLabel(`New name for "${from}"`);
  await field.fill(to);
  await field.press('Enter');
  await page.getByRole('button', { name: `Rename "${to}"` }).waitFor();
}

/** Waits until the stored record of a workflow has this name (the autosave runs a moment after an edit). */
async function storedAs(page: Page, id: string, name: string): Promise<void> {
  for (let tries = 0; tries < 50; tries++) {
    if ((await stored(page))[id] === name) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`workflow ${id} was never stored as ${JSON.stringify(name)}: ${JSON.stringify(await stored(page))}`);
}

function expectEqual<T>(actual: T, wanted: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(wanted)) throw new Error(`${what}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`);
}

/** The id of the stored workflow with this name. */
function idOf(records: Record<string, string | null>, name: string): string {
  const id = Object.keys(records).find((k) => records[k] === name);
  if (!id) throw new Error(`no stored workflow is named ${JSON.stringify(name)}: ${JSON.stringify(records)}`);
  return id;
}

e2e('nothing lost: with the storage full the user is told, the edit stays, and it is saved once storage works again', async ({ page, baseUrl }) => {
  // Armed later by window.__storageFull: every put on an object store then fails as a full quota does.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as unknown as { __storageFull?: boolean }).__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openApp(page, baseUrl);
  const before = await openName(page);
  const id = idOf(await stored(page), before);

  await page.evaluate(() => ((window as unknown as { __storageFull: boolean }).__storageFull = true));
  await rename(page, before, 'Edited while the storage is full');
  const banner = page.getByRole('alert').filter({ hasText: 'The browser storage is full, so your changes could not be saved.' });
  await banner.waitFor();
  await banner.getByText('Your work is kept in this tab').waitFor();
  await page.locator('.tf-save--error').waitFor();
  expectEqual(await openName(page), 'Edited while the storage is full', 'the open workflow while storage is full');
  expectEqual((await stored(page))[id], before, 'the stored record while storage is full');

  await page.evaluate(() => ((window as unknown as { __storageFull: boolean }).__storageFull = false));
  await banner.getByRole('button', { name: 'Retry now' }).click();
  await storedAs(page, id, 'Edited while the storage is full');
  await banner.waitFor({ state: 'detached' });
  await saved(page);

  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  expectEqual(await openName(page), 'Edited while the storage is full', 'the open workflow after a reload');
});

e2e('nothing lost: a corrupted stored record is reported and kept, and every other workflow opens', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const records = await stored(page);
  const ids = Object.keys(records).sort();
  const damaged = ids[1]!;
  const garbage = { v: 1, id: damaged, doc: '\u0000not a document', revision: 'seven' };
  await writeRaw(page, 'workflows', damaged, garbage);
  await writeRaw(page, 'workflows', 'from-a-future-version', 12345);

  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByText(`A stored record (${damaged}) could not be read; a copy is kept aside in storage and nothing writes over it.`).waitFor();
  await page.getByText('A stored record (?) could not be read; a copy is kept aside in storage and nothing writes over it.').waitFor();
  // Every other workflow is listed and opens.
  for (const id of ids.filter((x) => x !== damaged)) await page.getByRole('button', { name: `Rename "${records[id]}"` }).waitFor();

  // A later save leaves both records as they were.
  const name = await openName(page);
  const openId = idOf(await stored(page), name);
  await rename(page, name, `${name} (edited after the damage)`);
  await storedAs(page, openId, `${name} (edited after the damage)`);
  const after = await page.evaluate(
    (key) =>
      new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open('ticketflow');
        open.onsuccess = () => {
          const store = open.result.transaction('workflows').objectStore('workflows');
          const a = store.get(key);
          const b = store.get('from-a-future-version');
          b.onsuccess = () => resolve([a.result, b.result]);
        };
      }),
    damaged,
  );
  expectEqual(after, [garbage, 12345], 'the unreadable records after a save');
});

e2e('nothing lost: a reload in the middle of an edit keeps the committed edit and drops the half-typed one', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const before = await openName(page);
  const id = idOf(await stored(page), before);
  await rename(page, before, 'Committed before the reload');
  await storedAs(page, id, 'Committed before the reload');
  await page.getByRole('button', { name: 'Rename "Committed before the reload"' }).click();
  await page.getByLabel('New name for "Committed before the reload"').fill('Half-typed, never committed');
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('button', { name: 'Rename "Committed before the reload"' }).waitFor();
  expectEqual(await openName(page), 'Committed before the reload', 'the open workflow after the reload');
});

e2e('nothing lost: an edit committed just before a reload or a closed tab is there afterwards', async ({ context, page, baseUrl }) => {
  await openApp(page, baseUrl);
  const first = await openName(page);
  // No wait for the autosave: the reload comes within its delay, before any IndexedDB write starts.
  await rename(page, first, 'Renamed just before the reload');
  await page.reload();
  await page.getByRole('button', { name: 'Rename "Renamed just before the reload"' }).waitFor({ timeout: 10_000 });
  await saved(page);

  await rename(page, 'Renamed just before the reload', 'Renamed just before closing the tab');
  await page.close({ runBeforeUnload: true });
  const next = await context.newPage();
  await openApp(next, baseUrl);
  await next.getByRole('button', { name: 'Rename "Renamed just before closing the tab"' }).waitFor({ timeout: 10_000 });
  await next.close();
});

/** A second tab of the same browser profile on the same app. */
async function secondTab(context: BrowserContext, url: string, options: { missMessages?: boolean } = {}): Promise<Page> {
  const page = await context.newPage();
  // A tab that was asleep misses the other tab's "saved" message: no BroadcastChannel reaches it.
  if (options.missMessages) {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'BroadcastChannel', { value: undefined, configurable: true });
    });
  }
  await openApp(page, url);
  return page;
}

e2e('nothing lost: a tab that has not edited follows the other tab’s saved edit', async ({ context, page, baseUrl }) => {
  await openApp(page, baseUrl);
  const tabB = await secondTab(context, baseUrl);
  const name = await openName(page);
  await rename(page, name, 'Renamed in tab A');
  await storedAs(page, idOf(await stored(page), name), 'Renamed in tab A');
  await tabB.getByRole('button', { name: 'Rename "Renamed in tab A"' }).waitFor({ timeout: 10_000 });
  await tabB.close();
});

e2e('nothing lost: two tabs editing one workflow: the second is told, keeps its edit as a copy, and both edits are stored', async ({ context, page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl);
  const tabB = await secondTab(context, baseUrl, { missMessages: true });
  const name = await openName(page);
  const id = idOf(await stored(page), name);

  await rename(page, name, 'Edited in tab A');
  await storedAs(page, id, 'Edited in tab A');
  await rename(tabB, name, 'Edited in tab B');
  const conflict = tabB.getByRole('alert').filter({ hasText: 'was changed in another tab while you were editing it here. Nothing was overwritten.' });
  await conflict.waitFor();
  await screenshot('nothing-lost-two-tabs', tabB);
  expectEqual((await stored(page))[id], 'Edited in tab A', "the stored record after tab B's save");

  await conflict.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await conflict.waitFor({ state: 'detached' });
  // The copy is a new workflow, saved by the next autosave.
  let records = await stored(tabB);
  const copyOf = (r: typeof records) => Object.keys(r).find((k) => k !== id && r[k]?.includes('Edited in tab B'));
  for (let tries = 0; !copyOf(records) && tries < 50; tries++) {
    await tabB.waitForTimeout(200);
    records = await stored(tabB);
  }
  const copy = copyOf(records);
  if (!copy) throw new Error(`tab B's edit is not stored: ${JSON.stringify(records)}`);
  expectEqual(records[id], 'Edited in tab A', "tab A's edit in storage");
  await tabB.getByRole('button', { name: 'Rename "Edited in tab A"' }).waitFor();
  // Tab B broadcasts nothing either, so tab A sees the copy when it next loads.
  await page.reload();
  await page.getByRole('button', { name: 'Rename "Edited in tab A"' }).waitFor();
  await page.getByRole('button', { name: `Rename "${records[copy]}"` }).waitFor({ timeout: 10_000 });
  await tabB.close();
});
