import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, loadLanguage, registeredAreas, translate } from '../../../src/ui/i18n';
import { pluralCategory, type Messages } from '../../../src/ui/i18n/core';

// Every table of every language, by file.
const tables = import.meta.glob<Messages>('../../../src/ui/i18n/{es,it,fr}/*.ts', { eager: true, import: 'MESSAGES' });

/** "action(s)", "acción(es)", "copy(ies)", "azione/i", "problème(s)": a plural written as a bracket instead of by count. */
const BRACKET_PLURAL = /\p{L}\((?:s|es|ies|e|i|x|n)\)|\p{L}\/(?:i|e|he)\b/u;

beforeAll(async () => {
  await Promise.all(LANGUAGES.map((l) => loadLanguage(l)));
});

describe('plurals', () => {
  it('are never written as brackets in any language: a counted text has a form per plural category', () => {
    const all: [string, string, string][] = [];
    for (const [area, english] of registeredAreas()) for (const [k, v] of Object.entries(english)) all.push([`en/${area}`, k, v]);
    for (const [file, messages] of Object.entries(tables)) for (const [k, v] of Object.entries(messages)) all.push([file.replace(/^.*i18n\//, ''), k, v]);
    // A plain key beside its plural forms is only the fallback for a caller without a count.
    const hasPlurals = new Set(all.filter(([, k]) => k.endsWith('.other')).map(([, k]) => k.slice(0, -'.other'.length)));
    const bracketed = all.filter(([, k, v]) => BRACKET_PLURAL.test(v) && !hasPlurals.has(k)).map(([f, k, v]) => `${f} ${k}: ${v}`);
    expect(bracketed).toEqual([]);
  });

  it.each([
    ['en', 1, 'Delete 1 action'],
    ['en', 5, 'Delete 5 actions'],
    ['es', 1, 'Eliminar 1 acción'],
    ['es', 5, 'Eliminar 5 acciones'],
    ['it', 1, 'Elimina 1 azione'],
    ['it', 5, 'Elimina 5 azioni'],
    ['fr', 1, 'Supprimer 1 action'],
    ['fr', 0, 'Supprimer 0 action'],
    ['fr', 5, 'Supprimer 5 actions'],
  ] as const)('choose the %s form for %d by Intl.PluralRules', (lang, count, text) => {
    expect(translate(lang, 'canvas.deleteFollowing.confirm', { count })).toBe(text);
  });

  it('follow each language’s rules (French counts 0 as singular, English does not)', () => {
    expect(pluralCategory('fr', 0)).toBe('one');
    expect(pluralCategory('en', 0)).toBe('other');
    expect(translate('en', 'files.report.intro', { count: 1 })).toBe('Nothing open was changed. 1 problem was found:');
  });
});
