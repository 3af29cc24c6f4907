/**
 * A synchronous safety copy of unsaved work. When a page is hidden or closed, an IndexedDB write
 * started then may never finish, so the pieces not yet saved are also written to localStorage,
 * which completes before the handler returns. The next start replays what storage is missing.
 */

/** The part of the Web Storage API the journal uses (localStorage in the app, a Map in tests). */
export interface JournalStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or null where it is missing or refused (private modes, sandboxed frames). */
export function browserJournalStorage(): JournalStorage | null {
  try {
    const storage = globalThis.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** One journal entry as written: its key and the JSON value it holds. */
export interface JournalEntry {
  key: string;
  value: unknown;
}

/**
 * Writes `value` as JSON under `key`; returns false when the storage refused it (full, disabled).
 * Never throws: a journal is a second line of defence and must not break the page-hide handler.
 */
export function writeJournal(storage: JournalStorage | null, key: string, value: unknown): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Removes a journal entry; storage errors are ignored (the entry is checked against storage when replayed). */
export function removeJournal(storage: JournalStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a stale entry is recognised as stale by the revision it records.
  }
}

/** The JSON value under `key`: undefined when there is none, it is not JSON, or storage refuses to read. */
export function readJournal(storage: JournalStorage | null, key: string): unknown {
  try {
    const text = storage?.getItem(key) ?? null;
    return text === null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * Every entry whose key starts with `prefix`, oldest key first. An entry that is not JSON comes
 * back with `value: undefined` so the caller can report it and remove it.
 */
export function readJournals(storage: JournalStorage | null, prefix: string): JournalEntry[] {
  if (!storage) return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(prefix)) keys.push(key);
    }
  } catch {
    return [];
  }
  return keys.sort().map((key) => ({ key, value: readJournal(storage, key) }));
}

/** A key unique to this tab that sorts by time: `<prefix><ms since epoch, padded>:<tab>`. */
export function journalKey(prefix: string, tab: string, now = Date.now()): string {
  return `${prefix}${String(now).padStart(15, '0')}:${tab}`;
}
