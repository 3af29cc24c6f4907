import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/ui/i18n/core';
import { REVIEW_MESSAGES } from '../../../src/ui/i18n/review';
import { SETTINGS_MESSAGES } from '../../../src/ui/i18n/settings';

describe.each([
  ['review', REVIEW_MESSAGES],
  ['settings', SETTINGS_MESSAGES],
])('the %s message table', (_name, table) => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('has every English key, and no other, in %s', (lang) => {
    expect(Object.keys(table[lang]).sort()).toEqual(Object.keys(table.en).sort());
  });

  it.each([...LANGUAGES])('keeps the same {placeholders} in %s', (lang) => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, en] of Object.entries(table.en)) expect([key, names(table[lang][key] ?? '')]).toEqual([key, names(en)]);
  });
});
