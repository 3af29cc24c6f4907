import { describe, expect, it } from 'vitest';
import { GRAPH_ERROR_MESSAGES } from '../../../src/graph';
import { CANVAS_MESSAGES } from '../../../src/ui/i18n/canvas';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('canvas messages', () => {
  for (const lang of ['es', 'it', 'fr'] as const) {
    it(`translate every English text into ${lang} with the same placeholders`, () => {
      for (const [key, text] of Object.entries(CANVAS_MESSAGES.en)) {
        const translated = CANVAS_MESSAGES[lang][key];
        expect(translated, `${lang} ${key}`).toBeDefined();
        expect(placeholders(translated!), `${lang} ${key}`).toEqual(placeholders(text));
      }
      expect(Object.keys(CANVAS_MESSAGES[lang]).sort()).toEqual(Object.keys(CANVAS_MESSAGES.en).sort());
    });
  }

  it('word every refusal of the graph operations', () => {
    for (const code of Object.keys(GRAPH_ERROR_MESSAGES)) expect(CANVAS_MESSAGES.en[`graph.${code}`]).toBe(GRAPH_ERROR_MESSAGES[code as keyof typeof GRAPH_ERROR_MESSAGES]);
  });
});
