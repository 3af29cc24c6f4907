import { describe, expect, it } from 'vitest';
import { GRAPH_ERROR_MESSAGES } from '../../../src/graph';
import { CANVAS_MESSAGES } from '../../../src/ui/i18n/canvas';
import { MESSAGES as ES } from '../../../src/ui/i18n/es/canvas';
import { MESSAGES as FR } from '../../../src/ui/i18n/fr/canvas';
import { MESSAGES as IT } from '../../../src/ui/i18n/it/canvas';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('canvas messages', () => {
  for (const [lang, table] of [['es', ES], ['it', IT], ['fr', FR]] as const) {
    it(`translate every English text into ${lang} with the same placeholders`, () => {
      for (const [key, text] of Object.entries(CANVAS_MESSAGES)) {
        const translated = table[key];
        expect(translated, `${lang} ${key}`).toBeDefined();
        expect(placeholders(translated!), `${lang} ${key}`).toEqual(placeholders(text));
      }
      expect(Object.keys(table).sort()).toEqual(Object.keys(CANVAS_MESSAGES).sort());
    });
  }

  it('word every refusal of the graph operations', () => {
    for (const code of Object.keys(GRAPH_ERROR_MESSAGES)) expect(CANVAS_MESSAGES[`graph.${code}`]).toBe(GRAPH_ERROR_MESSAGES[code as keyof typeof GRAPH_ERROR_MESSAGES]);
  });
});
