import { describe, expect, it } from 'vitest';
import { ACTIONS, linkLabel } from '../../src/actions';
import { translate } from '../../src/ui/i18n';
import { LANGUAGES, type Language } from '../../src/ui/i18n/core';

const words = (lang: Language) => (key: string, params?: Record<string, string | number>) => translate(lang, key, params);

describe('path labels', () => {
  it.each([
    ['es', 'Ocurrió', 'Tiempo agotado', 'En otro caso', 'Cualquier otro valor'],
    ['it', 'Avvenuto', 'Tempo scaduto', 'Altrimenti', 'Qualsiasi altro valore'],
    ['fr', 'Survenu', 'Délai dépassé', 'Sinon', 'Toute autre valeur'],
    ['en', 'Happened', 'Timed out', 'Otherwise', 'Any other value'],
  ] as const)('the core gives are worded in "%s"', (lang, happened, timedOut, otherwise, anyOther) => {
    const t = words(lang);
    const labels = (links: ReturnType<(typeof ACTIONS)['delayUntilEvent']['links']>) => links.map((l) => linkLabel(l, t));
    expect(labels(ACTIONS.delayUntilEvent.links(ACTIONS.delayUntilEvent.create('d')))).toEqual([happened, timedOut]);
    expect(labels(ACTIONS.branch.links(ACTIONS.branch.create('b'))).at(-1)).toBe(otherwise);
    expect(labels(ACTIONS.valueBranch.links(ACTIONS.valueBranch.create('v'))).at(-1)).toBe(anyOther);
  });

  it.each(LANGUAGES)('the user wrote stay as written in "%s"', (lang) => {
    const t = words(lang);
    const branch = { ...ACTIONS.branch.create('b'), defaultLabel: 'Everything else' };
    expect(ACTIONS.branch.links(branch).map((l) => linkLabel(l, t))).toEqual(['Path 1', 'Everything else']);
    expect(ACTIONS.branch.links(branch).every((l) => l.labelKey === undefined)).toBe(true);
  });
});
