import { describe, expect, it } from 'vitest';
import { loadLanguage, translate } from '../../../src/ui/i18n/core';
import { MESSAGES as ES } from '../../../src/ui/i18n/es/simulation';
import { MESSAGES as FR } from '../../../src/ui/i18n/fr/simulation';
import { MESSAGES as IT } from '../../../src/ui/i18n/it/simulation';
import { SIMULATION_MESSAGES } from '../../../src/ui/i18n/simulation';

const TRANSLATIONS = [['es', ES], ['it', IT], ['fr', FR]] as const;

describe('the simulation message table', () => {
  it.each(TRANSLATIONS)('has every English key, and no other, in %s', (_lang, table) => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(SIMULATION_MESSAGES).sort());
  });

  it.each(TRANSLATIONS)('keeps the same {placeholders} in %s', (_lang, table) => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, en] of Object.entries(SIMULATION_MESSAGES)) expect([key, names(table[key] ?? '')]).toEqual([key, names(en)]);
  });

  it('is registered when imported, so the panel speaks each language once it has loaded', async () => {
    await loadLanguage('fr');
    expect(translate('fr', 'sim.run.toEnd')).toBe("Exécuter jusqu'à la fin");
  });
});
