import { describe, expect, it } from 'vitest';
import { EN_MESSAGES } from '../../../src/actions/messages';
import { ACTIONS_MESSAGES } from '../../../src/ui/i18n/actions';
import { LANGUAGES, type MessageTable } from '../../../src/ui/i18n/core';
import { registeredAreas, translate } from '../../../src/ui/i18n';

// Every module of the i18n folder, so tables other areas add there (and register themselves) are checked too.
const modules = import.meta.glob<Record<string, unknown>>('../../../src/ui/i18n/*.ts', { eager: true });

function isTable(value: unknown): value is MessageTable {
  return typeof value === 'object' && value !== null && LANGUAGES.every((l) => typeof (value as Record<string, unknown>)[l] === 'object');
}

/** Every message table in the folder: registered through registerArea, or exported by a module. */
function allTables(): [string, MessageTable][] {
  const found = new Map<MessageTable, string>();
  for (const [area, table] of registeredAreas()) found.set(table, area);
  for (const [file, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) if (isTable(value) && !found.has(value)) found.set(value, `${file}#${name}`);
  }
  return [...found].map(([table, name]) => [name, table]);
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  it('include the tables of the inspector, workflow list, problems panel, shared controls and core actions', () => {
    expect([...registeredAreas().keys()]).toEqual(expect.arrayContaining(['actions', 'common', 'inspector', 'workflows', 'problems']));
  });

  describe.each(allTables())('%s', (_name, table) => {
    it.each(LANGUAGES.filter((l) => l !== 'en'))('has every English key in "%s", with the same placeholders', (lang) => {
      const missing = Object.keys(table.en).filter((k) => !table[lang][k]?.trim());
      expect(missing).toEqual([]);
      const mismatched = Object.keys(table.en).filter(
        (k) => table[lang][k] !== undefined && placeholders(table.en[k]!).join() !== placeholders(table[lang][k]!).join(),
      );
      expect(mismatched).toEqual([]);
    });

    it.each(LANGUAGES.filter((l) => l !== 'en'))('has no "%s" key that English lacks', (lang) => {
      expect(Object.keys(table[lang]).filter((k) => !(k in table.en))).toEqual([]);
    });
  });

  it('translate every core action message into Spanish, Italian and French', () => {
    expect(ACTIONS_MESSAGES.en).toBe(EN_MESSAGES);
    for (const lang of ['es', 'it', 'fr'] as const) {
      expect(Object.keys(EN_MESSAGES).filter((k) => !(k in ACTIONS_MESSAGES[lang]))).toEqual([]);
    }
    expect(translate('fr', 'summary.delay.duration', { amount: 2, unit: translate('fr', 'unit.hours') })).toBe('Attendre 2 heures');
  });
});

// The sources of the components whose texts these tables hold.
const sources = import.meta.glob<string>('../../../src/ui/{inspector,common,theme,workflows,problems,i18n}/*.{ts,tsx}', {
  eager: true,
  query: '?raw',
  import: 'default',
});

describe('texts used by the components', () => {
  const keys = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/\bkey: '([a-zA-Z][\w.]*)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/\btc\(\s*'([a-zA-Z][\w.]*)'/g)) keys.add(`${m[1]!}.other`);
  }

  it('are found in the sources', () => {
    expect(keys.size).toBeGreaterThan(150);
  });

  it.each(LANGUAGES)('all exist in "%s"', (lang) => {
    const tables = allTables().map(([, table]) => table);
    const absent = [...keys].filter((k) => !tables.some((table) => table[lang][k] !== undefined));
    expect(absent).toEqual([]);
  });
});
