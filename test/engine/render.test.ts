import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedCodes, ERROR_CODES, labelsOf, renderTraceEntry, ruleWords, simulate, TRACE_CODES, TRACE_LANGUAGES, traceRule, type TraceEntry } from '../../src/engine';
import { PHRASES_EN } from '../../src/engine/render-en';
import { PHRASES_ES } from '../../src/engine/render-es';
import { PHRASES_FR } from '../../src/engine/render-fr';
import { PHRASES_IT } from '../../src/engine/render-it';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, ScenarioEventSchema } from '../../src/model';
import { action, chain, incoming, ms, run, workflow } from './helpers';
import { coreTranslator } from '../../src/cli/words';

const workspace = defaultWorkspace();
const labels = labelsOf(workspace);

function examples() {
  const workflows = EXAMPLE_WORKFLOWS.map((e) => ({ ...e.document.workflow, enabled: true }));
  return EXAMPLE_SCENARIOS.map((e) => simulate({ workspace, workflows, scenario: e.scenario }));
}

describe('the trace codes', () => {
  it('list every code an entry of the example runs carries, each with its kind and a description', () => {
    const known = new Set(Object.keys(TRACE_CODES));
    const errors = new Set(Object.keys(ERROR_CODES));
    for (const r of examples()) {
      for (const e of r.trace) {
        if (e.kind === 'error') expect(errors.has(e.code), e.code).toBe(true);
        else {
          expect(known.has(e.code), e.code).toBe(true);
          expect(TRACE_CODES[e.code as keyof typeof TRACE_CODES].kind).toBe(e.kind);
        }
      }
    }
    for (const c of documentedCodes()) expect(c.description.length).toBeGreaterThan(10);
  });

  it('are exactly the codes the engine emits: none stale, none missing from the list', () => {
    // The sources that make entries: the engine and the action kinds, without the list and the renderers.
    const dirs = ['src/engine', 'src/actions'];
    const source = dirs
      .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ts') && f !== 'codes.ts' && !f.startsWith('render')).map((f) => readFileSync(join(d, f), 'utf8')))
      .join('\n');
    // Scenario events are traced as `event.${type}`, one code per event type of the scenario schema.
    const eventTypes = new Set(ScenarioEventSchema.options.map((o) => `event.${o.shape.type.value}`));
    const stale = documentedCodes()
      .map((c) => c.code)
      .filter((code) => !source.includes(`'${code}'`) && !eventTypes.has(code));
    expect(stale).toEqual([]);
    for (const code of eventTypes) expect(Object.keys(TRACE_CODES), code).toContain(code);
    const documented = new Set(documentedCodes().map((c) => c.code));
    const emitted = [...source.matchAll(/(?:trace|entry|error|note|endRun)\([^)]*?'((?:[a-z]+)\.[a-zA-Z]+(?:\.[a-zA-Z]+)?)'/g)].map((m) => m[1]!);
    expect(emitted.length).toBeGreaterThan(20);
    expect(emitted.filter((code) => !documented.has(code))).toEqual([]);
    expect(Object.keys(TRACE_CODES)).not.toContain('enrollment.disabled');
  });

  it('carry no prose: every parameter is a plain value, and no entry has a text field', () => {
    for (const r of examples()) {
      for (const e of r.trace) {
        expect(Object.keys(e).sort()).toEqual(expect.arrayContaining(['at', 'code', 'kind', 'params']));
        expect(e).not.toHaveProperty('detail');
        for (const v of Object.values(e.params)) expect(['string', 'number', 'boolean'].includes(typeof v) || v === null).toBe(true);
      }
    }
  });

  it('have a sentence in every language for every code that is not an error', () => {
    for (const phrases of [PHRASES_EN, PHRASES_ES, PHRASES_IT, PHRASES_FR]) {
      for (const code of Object.keys(TRACE_CODES)) expect(phrases.codes[code], code).toBeTypeOf('function');
      for (const code of ['guard.runaway', 'guard.maxSteps', 'guard.budget']) expect(phrases.codes[code], code).toBeTypeOf('function');
    }
  });
});

describe('renderTraceEntry', () => {
  const statusEntry: TraceEntry = { at: ms(0), kind: 'status', code: 'status.changed', ticket: 'ticket-1', params: { from: 'new', to: 'waiting-contact', by: 'scenario', closed: false, reopened: false } };

  it('shows labels, not ids ("to status Waiting on contact")', () => {
    expect(renderTraceEntry(statusEntry, { labels })).toBe('Status New → Waiting on contact (by the scenario).');
    expect(renderTraceEntry(statusEntry)).toBe('Status new → waiting-contact (by the scenario).');
  });

  it('speaks the reader’s language', () => {
    expect(renderTraceEntry(statusEntry, { lang: 'es', labels })).toBe('Estado New → Waiting on contact (por el escenario).');
    expect(renderTraceEntry(statusEntry, { lang: 'it', labels })).toBe('Stato New → Waiting on contact (autore: lo scenario).');
    expect(renderTraceEntry(statusEntry, { lang: 'fr', labels })).toBe('Statut New → Waiting on contact (par le scénario).');
  });

  it('words a default path label the core gave in the reader’s language, and keeps one a user wrote', () => {
    const taken = (label: string): TraceEntry => ({ at: ms(0), kind: 'action', code: 'action.branch.default', workflow: 'wf-x', action: 'b', params: { label, paths: 2 } });
    const spanish = labelsOf(defaultWorkspace(), [], coreTranslator('es'));
    expect(renderTraceEntry(taken('Otherwise'), { lang: 'es', labels: spanish })).toMatch(/^Tomó el camino por defecto "En otro caso":/);
    expect(renderTraceEntry(taken('Otherwise'), { labels: labelsOf(defaultWorkspace()) })).toMatch(/^Took the default path "Otherwise":/);
    expect(renderTraceEntry(taken('Resto'), { lang: 'es', labels: spanish })).toMatch(/^Tomó el camino por defecto "Resto":/);
    expect(renderTraceEntry(taken('Any other value'), { lang: 'fr', labels: labelsOf(defaultWorkspace(), [], coreTranslator('fr')) })).toContain('« Toute autre valeur »');
  });

  it('chooses plurals with the language’s rules: "waits 1 day", "waits 2 days", "espera 1 día"', () => {
    const delay = (amount: number): TraceEntry => ({ at: ms(0), kind: 'delay', code: 'action.delay.duration', params: { amount, unit: 'days', until: ms(amount * 1440) } });
    expect(renderTraceEntry(delay(1))).toBe('Waits 1 day; resumes at 2026-01-06 09:00 UTC.');
    expect(renderTraceEntry(delay(2))).toBe('Waits 2 days; resumes at 2026-01-07 09:00 UTC.');
    expect(renderTraceEntry(delay(1), { lang: 'es' })).toMatch(/^Espera 1 día;/);
    expect(renderTraceEntry(delay(1), { lang: 'fr' })).toMatch(/^Attend 1 jour ;/);
    expect(renderTraceEntry(delay(3), { lang: 'it' })).toMatch(/^Attende 3 giorni;/);
  });

  it('agrees a French possessive with the date a delay waits for: "sa date de création", "son échéance"', () => {
    const until = (property: string, offset: number): TraceEntry => ({ at: ms(0), kind: 'delay', code: 'action.delayUntilDate.waits', params: { property, offset, unit: 'hours', until: ms(60) } });
    expect(renderTraceEntry(until('firstResponseDue', -1), { lang: 'fr' })).toMatch(/^Attend jusqu'à 1 heure avant son échéance de première réponse ;/);
    expect(renderTraceEntry(until('closeDue', 0), { lang: 'fr' })).toMatch(/^Attend jusqu'à son échéance de clôture ;/);
    expect(renderTraceEntry(until('createdAt', 2), { lang: 'fr' })).toMatch(/^Attend jusqu'à 2 heures après sa date de création ;/);
  });

  it('names the channel of a finished move without contradicting itself', () => {
    const entry: TraceEntry = { at: ms(0), kind: 'move', code: 'move.finished', params: { channel: 'ch-sales', createTickets: false } };
    const line = renderTraceEntry(entry, { labels });
    expect(line).toBe(
      'sales@acme.test is now in the help desk. Its settings keep their values (its own ticket-creation setting stays off); as a help-desk channel, every new conversation on it now arrives with a ticket.',
    );
    expect(line).not.toContain('ch-sales');
  });

  it('renders every entry of the example runs in every language without a raw code or "undefined"', () => {
    for (const r of examples()) {
      for (const e of r.trace) {
        for (const lang of TRACE_LANGUAGES) {
          const line = renderTraceEntry(e, { lang, labels });
          expect(line, `${lang} ${e.code}`).not.toMatch(/undefined|\[object|NaN/);
          expect(line.startsWith(e.code)).toBe(false);
        }
      }
    }
  });

  it('shows the English message of an error it has no sentence for', () => {
    const entry: TraceEntry = { at: ms(0), kind: 'error', code: 'event.unknownTicket', params: { ticket: 'nope', message: 'events[3] (closeTicket): ticket "nope" does not exist.' } };
    expect(renderTraceEntry(entry, { lang: 'fr' })).toBe('events[3] (closeTicket): ticket "nope" does not exist.');
  });

  it('is the text the whole run reads as: causes before effects, a status change before what it leads to', () => {
    const onClosed = workflow('wf-closed', { triggers: [{ type: 'statusChanged', toStatusId: 'closed' }], actions: [action('sendEmail', 'bye', { templateId: 'tpl-closed' })] });
    const closer = workflow('wf-closer', { triggers: [{ type: 'ticketCreated' }], actions: chain(action('setProperty', 'urgent', { change: { property: 'priority', priority: 'urgent' } }), action('setStatus', 'close', { statusId: 'closed' })) });
    const r = run({ workflows: [closer, onClosed], events: [incoming(0, 'conv-1', 'th-1')] });
    const codes = r.trace.map((e) => e.code);
    const at = (code: string, from = 0) => codes.indexOf(code, from);
    expect(at('action.setProperty.set')).toBeLessThan(at('property.changed'));
    expect(at('property.changed')).toBeLessThan(at('sla.moved'));
    expect(at('action.setStatus.set')).toBeLessThan(at('status.changed', at('action.setStatus.set')));
    expect(at('status.changed', at('action.setStatus.set'))).toBeLessThan(at('sla.met'));
    expect(at('sla.met')).toBeLessThan(at('enrollment.enrolled', at('action.setStatus.set')));
  });
});

describe('the words of the trace', () => {
  const at = Date.UTC(2026, 0, 5, 9);
  const entry = (code: string, params: TraceEntry['params'], extra: Partial<TraceEntry> = {}): TraceEntry => ({ at, kind: 'action', code, params, ...extra });
  const say = (e: TraceEntry, lang: (typeof TRACE_LANGUAGES)[number]) => renderTraceEntry(e, { lang, labels });
  const COUNTS = [0, 1, 2, 5];
  // The noun each language writes for every count, by Intl.PluralRules (French says "0 jour", as it does "1 jour").
  const DAYS = { en: ['0 days', '1 day', '2 days', '5 days'], es: ['0 días', '1 día', '2 días', '5 días'], it: ['0 giorni', '1 giorno', '2 giorni', '5 giorni'], fr: ['0 jour', '1 jour', '2 jours', '5 jours'] };
  const ACTIONS = { en: ['0 actions', '1 action', '2 actions', '5 actions'], es: ['0 acciones', '1 acción', '2 acciones', '5 acciones'], it: ['0 azioni', '1 azione', '2 azioni', '5 azioni'], fr: ['0 action', '1 action', '2 actions', '5 actions'] };
  const STEPS = { en: ['0 steps', '1 step', '2 steps', '5 steps'], es: ['0 pasos', '1 paso', '2 pasos', '5 pasos'], it: ['0 passi', '1 passo', '2 passi', '5 passi'], fr: ['0 étape', '1 étape', '2 étapes', '5 étapes'] };

  it.each(TRACE_LANGUAGES)('count days, actions and steps in "%s" as its plural rules say, for 0, 1, 2 and 5', (lang) => {
    COUNTS.forEach((n, i) => {
      expect(say(entry('action.delay.duration', { amount: n, unit: 'days', until: at }), lang)).toContain(DAYS[lang][i]);
      expect(say(entry('guard.runaway', { counted: n, limit: n, per: 'simulation', workflows: n ? `wf-a:${n}` : '' }, { kind: 'error', ticket: 'ticket-1' }), lang)).toContain(ACTIONS[lang][i]);
      expect(say(entry('guard.maxSteps', { limit: n }, { kind: 'error' }), lang)).toContain(STEPS[lang][i]);
    });
  });

  it.each(TRACE_LANGUAGES)('name the paths of a branch in "%s" in the right number: never "1 paths"', (lang) => {
    const one = say(entry('action.branch.default', { label: 'Otherwise', paths: 1 }), lang);
    const five = say(entry('action.branch.default', { label: 'Otherwise', paths: 5 }), lang);
    expect(one).not.toMatch(/\b1 (paths|caminos|percorsi|chemins)\b/);
    expect(five).toMatch(/\b5 (paths|caminos|percorsi|chemins)\b/);
    const groups = say(entry('enrollment.rejected', { trigger: 'ticketCreated', reason: 'filters', group: 1, groups: 2, property: 'priority', operator: 'is', value: 'urgent', actual: 'high' }, { kind: 'enrollment', workflow: 'wf-a' }), lang);
    expect(groups).not.toMatch(/\(s\)|\b1 (groups|grupos|gruppi|groupes)\b/);
  });

  it('say what the runaway guard counted: the actions of the workflows it lists add up to the count, the rest named as other workflows', () => {
    const text = say(entry('guard.runaway', { counted: 100, limit: 100, per: 'simulation', workflows: 'wf-a:60,wf-b:30' }, { kind: 'error', ticket: 'ticket-1' }), 'en');
    expect(text).toContain('it ran 100 actions in this simulation');
    expect(text).toContain('wf-a 60, wf-b 30, other workflows 10');
    expect(say(entry('guard.runaway', { counted: 90, limit: 90, per: 'simulation', workflows: 'wf-a:60,wf-b:30' }, { kind: 'error', ticket: 'ticket-1' }), 'en')).not.toContain('other workflows');
  });

  it.each(TRACE_LANGUAGES)('carry no spec tag ("[S-…]") in "%s", in any line of the example runs or any rule they name', (lang) => {
    const tagged = examples().flatMap((r) => r.trace.map((e) => say(e, lang)).filter((line) => line.includes('[S-')));
    expect(tagged).toEqual([]);
    for (const rule of ['create', 'out', 'in', 'reopen', 'chat', 'move', 'runaway'] as const) {
      const words = ruleWords(rule, lang);
      expect(`${words.name} ${words.explanation}`).not.toContain('[S-');
      expect(words.explanation.length).toBeGreaterThan(40);
    }
  });

  it('point each help-desk line at its rule, so the app can explain it, and leave other lines without one', () => {
    const lines = examples().flatMap((r) => r.trace);
    const rules = new Set(lines.map((e) => traceRule(e)).filter(Boolean));
    expect([...rules].sort()).toEqual(expect.arrayContaining(['chat', 'create', 'in', 'move', 'out', 'reopen']));
    expect(traceRule(entry('action.delay.duration', { amount: 1, unit: 'days', until: at }))).toBeUndefined();
    expect(say(entry('automation.apply', { rule: 'out', status: 'waiting-contact' }, { kind: 'automation' }), 'en')).toContain(ruleWords('out').name.toLowerCase());
  });

  it.each(['es', 'it', 'fr'] as const)('are translated into "%s": no line of the example runs reads as in English', (lang) => {
    const same = examples().flatMap((r) => r.trace.filter((e) => say(e, lang) === say(e, 'en')).map((e) => `${e.code}: ${say(e, 'en')}`));
    expect(same).toEqual([]);
  });

  it('name actions by their summary, with labels for statuses and channels', () => {
    const ws = defaultWorkspace();
    const wf = workflow('wf-names', { triggers: [{ type: 'ticketCreated' }], actions: [action('setStatus', 'a1', { statusId: 'waiting-contact' }), action('goto', 'g1', { target: 'a1' })] });
    const named = labelsOf(ws, [wf]);
    const text = renderTraceEntry(entry('action.goto', { target: 'a1' }, { workflow: wf.id }), { labels: named });
    expect(text).toBe(`Continues at Set status → ${ws.pipelines[0]!.statuses.find((s) => s.id === 'waiting-contact')!.label}.`);
    expect(text).not.toContain('a1');
  });
});
