import { describe, expect, it } from 'vitest';
import { ACTION_KINDS, ACTIONS } from '../../../src/actions';
import { EN_MESSAGES } from '../../../src/actions/messages';
import { CODES, problem, type Code, type ProblemParams } from '../../../src/document/codes';
import { renderProblem } from '../../../src/engine';
import { ACTIONS_MESSAGES } from '../../../src/ui/i18n/actions';
import { LANGUAGES, type Language, type Messages } from '../../../src/ui/i18n/core';
import { registeredAreas, translate } from '../../../src/ui/i18n';
import '../../../src/ui/json';

// Every module of the i18n folder, so the areas that register themselves there are checked too
// (the JSON view registers its area in src/ui/json, imported above).
import.meta.glob('../../../src/ui/i18n/*.ts', { eager: true });

// The texts of each language but English, by file: ../es/canvas.ts holds the canvas area's Spanish.
const translationFiles = import.meta.glob<Messages>('../../../src/ui/i18n/{es,it,fr}/*.ts', { eager: true, import: 'MESSAGES' });
const OTHERS = LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en');

function translationsOf(lang: Language): Map<string, Messages> {
  const found = new Map<string, Messages>();
  for (const [file, messages] of Object.entries(translationFiles)) {
    const m = /\/i18n\/(\w+)\/([\w-]+)\.ts$/.exec(file);
    if (m?.[1] === lang) found.set(m[2]!, messages);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const areas = [...registeredAreas()];

describe('message tables', () => {
  it('include the tables of the inspector, workflow list, problems panel, shared controls, core actions and JSON view', () => {
    expect(areas.map(([name]) => name)).toEqual(expect.arrayContaining(['actions', 'common', 'inspector', 'workflows', 'problems', 'json']));
  });

  it.each(OTHERS)('have a "%s" file for every area, and none for an area that is not registered', (lang) => {
    expect([...translationsOf(lang).keys()].sort()).toEqual(areas.map(([name]) => name).sort());
  });

  describe.each(areas)('%s', (area, english) => {
    it.each(OTHERS)('has every English key in "%s", with the same placeholders', (lang) => {
      const table = translationsOf(lang).get(area) ?? {};
      const missing = Object.keys(english).filter((k) => !table[k]?.trim());
      expect(missing).toEqual([]);
      const mismatched = Object.keys(english).filter((k) => table[k] !== undefined && placeholders(english[k]!).join() !== placeholders(table[k]!).join());
      expect(mismatched).toEqual([]);
    });

    it.each(OTHERS)('has no "%s" key that English lacks', (lang) => {
      expect(Object.keys(translationsOf(lang).get(area) ?? {}).filter((k) => !(k in english))).toEqual([]);
    });
  });

  it('translate every core action message into Spanish, Italian and French', () => {
    expect(ACTIONS_MESSAGES).toBe(EN_MESSAGES);
    for (const lang of OTHERS) {
      expect(Object.keys(EN_MESSAGES).filter((k) => !(k in translationsOf(lang).get('actions')!))).toEqual([]);
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
    const tables = lang === 'en' ? areas.map(([, english]) => english) : [...translationsOf(lang).values()];
    const absent = [...keys].filter((k) => !tables.some((table) => table[k] !== undefined));
    expect(absent).toEqual([]);
  });
});

/**
 * Product words and words the four languages share, which a translation rightly leaves as English writes
 * them. A text counts as left in English when, with these, placeholders, numbers and punctuation taken
 * out, anything is left and it reads exactly as the English.
 */
const SAME_IN_EVERY_LANGUAGE = [
  'Ticketflow', 'HubSpot', 'JSON', 'SLA', 'Webhook', 'webhook', 'URL', 'ID', 'id', 'UTC', 'CLI', 'API', 'HTTP', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE',
  'Chat', 'chat', 'Messenger', 'WhatsApp', 'Email', 'email', 'Ticket', 'ticket', 'tickets', 'Tickets', 'workflow', 'workflows', 'Workflow', 'Workflows',
  'pipeline', 'Pipeline', 'Pipelines', 'help desk', 'Help desk', 'Help-desk', 'Token', 'token', 'tokens', 'Tokens', 'Admin', 'admin', 'OK', 'Ctrl', 'Cmd', 'Shift', 'Alt', 'Enter', 'Esc', 'Tab',
  'Message', 'Actions', 'actions', 'Action', 'action', 'Options', 'Notifications', 'Description', 'Types', 'Comments', 'Total', 'Source', 'Date', 'Simulation', 'Version', 'Versions', 'Import', 'Export', 'Minimap', 'Contact', 'Contacts', 'Statut', 'Trace', 'trace', 'Zoom', 'zoom', 'Branding', 'Outbox', 'Inbox', 'Signature', 'Notes', 'Note',
];
/** Words each language writes exactly as English does ("error" in Spanish, "mode" in French). */
const SAME_IN: Record<Exclude<Language, 'en'>, string[]> = {
  es: ['Error', 'error', 'No', 'Local'],
  it: ['Trigger', 'Scenario', 'scenario', 'Thread', 'Password', 'Team', 'No'],
  fr: ['Conversation', 'Conversations', 'Agent', 'Mode', 'Local', 'minute', 'minutes', 'Code', 'import', 'source'],
};
// A word left is two letters or more: the key of a shortcut ("Ctrl/⌘ + Z") is not a word to translate.
const WORD_CHARS = /\p{L}{2}/u;
function leftInEnglish(text: string, lang?: Exclude<Language, 'en'>): boolean {
  let rest = text.replace(/\{\w+\}/g, ' ');
  for (const word of [...SAME_IN_EVERY_LANGUAGE, ...(lang ? SAME_IN[lang] : [])].sort((a, b) => b.length - a.length)) rest = rest.replace(new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu'), ' ');
  return WORD_CHARS.test(rest);
}

describe('words users read', () => {
  it('carry no spec tag ("[S-…]") in any language', () => {
    const tagged: string[] = [];
    for (const [area, english] of areas) for (const [key, text] of Object.entries(english)) if (text.includes('[S-')) tagged.push(`en ${area} ${key}`);
    for (const lang of OTHERS) for (const [area, table] of translationsOf(lang)) for (const [key, text] of Object.entries(table)) if (text.includes('[S-')) tagged.push(`${lang} ${area} ${key}`);
    expect(tagged).toEqual([]);
  });

  it.each(OTHERS)('are translated into "%s": no text is left as English writes it, product words aside', (lang) => {
    const left: string[] = [];
    for (const [area, english] of areas) {
      const table = translationsOf(lang).get(area) ?? {};
      for (const [key, text] of Object.entries(english)) if (table[key] === text && leftInEnglish(text, lang)) left.push(`${area} ${key}: ${text}`);
    }
    expect(left).toEqual([]);
  });

  it('a text made only of product words and placeholders may stay as English writes it', () => {
    expect(leftInEnglish('{count} JSON')).toBe(false);
    expect(leftInEnglish('Webhook: {url}')).toBe(false);
    expect(leftInEnglish('Delete the branch')).toBe(true);
    expect(leftInEnglish('{count} error')).toBe(true);
    expect(leftInEnglish('{count} error', 'es')).toBe(false);
    expect(leftInEnglish('Ctrl/⌘ + Z')).toBe(false);
  });
});

/**
 * Params for every problem code, as the core gives them (ids and numbers, no words), and the variants
 * that take each branch of a sentence: each reason a file is refused, each rule a value or a condition breaks.
 */
const PROBLEM_PARAMS: ProblemParams = {
  count: '3', errors: '1', line: 2, column: 5, close: ']', char: '}', againLine: 4, againColumn: 1, detail: 'x', size: '6 MB', limit: 5, kind: 'workflow', other: 'workspace',
  otherFormat: 'ticketflow.workspace', format: 'ticketflow.workflow', versions: ['1', '2'], supported: '1 and 2', version: 7, encoding: 'UTF-16LE', byte: '0xE9',
  key: '"k1"', property: 'status', at: '/workflow/actions/0', types: ['string', 'null'], foundType: 'number', foundValue: '4', allowed: '"a1", "b1"', tag: '"kind"',
  value: 'v1', target: 't1', link: 'default', from: 'x', fromIds: ['', 'b1'], fromSlots: ['start', 'default'], cycle: 'x', ids: ['a1', 'b1'], zero: ['b1'],
  zeroDelays: 'x', pathId: 'p1', id: 'i1', pipeline: 'p2', index: 1, operator: 'is', operators: ['is', 'isNot'], choices: ['low', 'high'], what: 'status',
  threadId: 'c1', token: 't2', path: 2, first: 1, before: 'x', previous: 1, previousAt: '2026-01-05T09:00:00Z', end: '2026-01-01T00:00:00Z',
  start: '2026-01-02T00:00:00Z', type: 'setStatus', how: 'x', ticketId: 'k2', ticketOf: 'c2', conversation: 'c3', during: 'x', stage: 'validate', reason: 'value',
};
const VARIANTS: ProblemParams[] = [
  {},
  ...['trailing', 'value', 'separator', 'name', 'colon', 'control', 'hex', 'escape', 'number', 'unclosed', 'noFormat', 'otherKind', 'notTicketflow', 'notBundle',
    'none', 'notWhole', 'newer', 'never', 'bundleNewer', 'bundleNever', 'encoding', 'byte', 'latin1'].map((reason) => ({ reason })),
  ...['const', 'enum', 'dateTime', 'id', 'time', 'pattern', 'format', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minimum', 'maximum', 'tag', 'other',
    'operator', 'noValue', 'value', 'list', 'emptyList', 'single', 'number', 'timestamp', 'date', 'choice'].map((rule) => ({ rule })),
  { link: 'next' }, { link: 'target' }, { link: 'branch:p1', label: 'Urgent' }, { link: 'happened', labelKey: 'delayUntilEvent.happened' },
];

describe('problems and path labels users read', () => {
  const codes = Object.keys(CODES) as Code[];

  it.each(OTHERS)('are worded in "%s": no problem sentence is left as English writes it, product words aside', (lang) => {
    const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
    const left: string[] = [];
    for (const code of codes) {
      for (const variant of VARIANTS) {
        const p = problem(code, '/workflow/actions/0', { ...PROBLEM_PARAMS, ...variant }, { actionId: 'a1' });
        const text = renderProblem(p, { lang, t });
        if ((text === p.message && leftInEnglish(CODES[code].template, lang)) || /undefined|\[object/.test(text)) left.push(`${code} ${JSON.stringify(variant)}: ${text}`);
      }
    }
    expect(left).toEqual([]);
  });

  it('covers every code, and a code without sentence or params would be caught', () => {
    expect(codes.length).toBeGreaterThan(45);
    const { params: _params, ...old } = problem('TF305', '/workflow/actions/0', {}, { actionId: 'a1' });
    expect(renderProblem(old, { lang: 'es' })).toBe(old.message);
    expect(leftInEnglish(CODES.TF305.template, 'es')).toBe(true);
  });

  it.each(OTHERS)('give every path label the core writes in "%s", not in English', (lang) => {
    const keys = new Set(ACTION_KINDS.flatMap((kind) => ACTIONS[kind].links(ACTIONS[kind].create('a1') as never).flatMap((l) => (l.labelKey ? [l.labelKey] : []))));
    expect([...keys].sort()).toEqual(['branch.default', 'delayUntilEvent.happened', 'delayUntilEvent.timeout', 'valueBranch.default']);
    const table = translationsOf(lang).get('actions')!;
    expect([...keys].filter((k) => !table[k] || (table[k] === EN_MESSAGES[k] && leftInEnglish(EN_MESSAGES[k]!, lang)))).toEqual([]);
  });
});
