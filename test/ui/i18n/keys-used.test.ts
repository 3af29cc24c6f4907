import { beforeAll, describe, expect, it } from 'vitest';
// Only the i18n entry point: every key must resolve without the feature that uses it having loaded,
// as a notice raised at start (before its panel opens) is shown.
import { LANGUAGES, loadLanguage, translate } from '../../../src/ui/i18n';

// Every source file that shows texts to the user by message key.
const sources = import.meta.glob<string>(['../../../src/ui/**/*.{ts,tsx}', '../../../src/store/*.ts', '../../../src/settings/*.ts', '../../../src/review/*.ts', '!../../../src/ui/i18n/**'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

const KEY = String.raw`'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'`;
const PATTERNS = [
  new RegExp(String.raw`\bt\(\s*${KEY}`, 'g'),
  new RegExp(String.raw`\b(?:key|errorKey|labelKey|label|titleKey|messageKey):\s*${KEY}`, 'g'),
  new RegExp(String.raw`\bnotify\(\s*${KEY}`, 'g'),
  new RegExp(String.raw`\b(?:errorKey|key)\s*\?\?\s*${KEY}`, 'g'),
];
const PLURAL = new RegExp(String.raw`\btc\(\s*${KEY}`, 'g');

const used = new Map<string, string>();
for (const [file, text] of Object.entries(sources)) {
  const name = file.replace(/^(\.\.\/)+/, '');
  for (const re of PATTERNS) for (const m of text.matchAll(re)) used.set(m[1]!, name);
  for (const m of text.matchAll(PLURAL)) used.set(`${m[1]!}.other`, name);
}

beforeAll(async () => {
  await Promise.all(LANGUAGES.map((l) => loadLanguage(l)));
});

describe('every message key the app uses', () => {
  it('is found in the sources (the scan works)', () => {
    expect(used.size).toBeGreaterThan(400);
    expect(used.has('simulation.storage.unavailable')).toBe(true);
  });

  it.each(LANGUAGES)('resolves to words in "%s" without its feature loaded, never to the raw key', (lang) => {
    const raw = [...used].filter(([key]) => translate(lang, key) === key).map(([key, file]) => `${key} (${file})`);
    expect(raw).toEqual([]);
  });
});
