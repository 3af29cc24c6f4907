import { describe, expect, it } from 'vitest';
import { LANGUAGES, translate } from '../../../src/ui/i18n/core';
import { SIMULATION_MESSAGES } from '../../../src/ui/i18n/simulation';

describe('the simulation message table', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('has every English key, and no other, in %s', (lang) => {
    expect(Object.keys(SIMULATION_MESSAGES[lang]).sort()).toEqual(Object.keys(SIMULATION_MESSAGES.en).sort());
  });

  it.each([...LANGUAGES])('keeps the same {placeholders} in %s', (lang) => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, en] of Object.entries(SIMULATION_MESSAGES.en)) expect([key, names(SIMULATION_MESSAGES[lang][key] ?? '')]).toEqual([key, names(en)]);
  });

  it('is registered when imported, so the panel speaks each language', () => {
    expect(translate('fr', 'sim.run.toEnd')).toBe("Exécuter jusqu'à la fin");
  });
});
