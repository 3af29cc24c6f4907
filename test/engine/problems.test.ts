import { describe, expect, it } from 'vitest';
import { capProblems, importWorkflow, problem, semanticProblems, type Problem } from '../../src/document';
import { renderProblem, TRACE_LANGUAGES, type TraceLanguage } from '../../src/engine';
import { defaultWorkspace, type Workflow } from '../../src/model';
import { translate } from '../../src/ui/i18n';
import { action, complete, workflowDoc } from '../document/helpers';

const ws = defaultWorkspace();
const wf = (...args: Parameters<typeof workflowDoc>): Workflow => workflowDoc(...args).workflow;
const first = (problems: Problem[], code: string) => problems.find((p) => p.code === code)!;
const t = (lang: TraceLanguage) => (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
const render = (p: Problem, lang: TraceLanguage) => renderProblem(p, { lang, t: t(lang) });

// Problems as the core finds them in real documents.
const loop = first(semanticProblems(wf([complete.email('a', 'b'), complete.delay('b', 'g'), complete.goto('g', 'a')].map((x) => (x.id === 'b' ? { ...x, wait: { type: 'duration', duration: { amount: 0, unit: 'minutes' } } } as typeof x : x))), ws), 'TF308');
const unreachable = first(semanticProblems(wf([complete.email('a'), complete.status('lost')]), ws), 'TF305');
const dangling = first(semanticProblems(wf([action('delayUntilEvent', 'wait', { happenedNext: 'gone' })]), ws), 'TF304');
const incomplete = first(semanticProblems(wf([action('setStatus', 's', { statusId: null } as never)]), ws), 'TF309');
const syntax = (() => {
  const r = importWorkflow('{"format": "ticketflow.workflow",\n  "schemaVersion": }');
  return r.problems[0]!;
})();

describe('renderProblem', () => {
  it('gives the core’s English message unchanged, byte for byte', () => {
    for (const p of [loop, unreachable, dangling, incomplete, syntax]) {
      expect(renderProblem(p)).toBe(p.message);
      expect(renderProblem(p, { lang: 'en', t: t('en') })).toBe(p.message);
    }
  });

  it('words a problem without params (stored before they existed) as its message in every language', () => {
    const { params: _params, ...old } = unreachable;
    for (const lang of TRACE_LANGUAGES) expect(renderProblem(old, { lang })).toBe(unreachable.message);
  });

  it.each<[TraceLanguage, string, string, string, string, string]>([
    [
      'es',
      'Las acciones "a", "b" y "g" forman un bucle sin ninguna acción de retraso ("b" espera 0 minutos, que no es ningún retraso); un ticket las repetiría sin fin.',
      'La acción "lost" nunca puede ejecutarse: ningún camino desde la acción inicial lleva a ella.',
      'La acción "wait" lleva a "gone" (camino "Ocurrió"), que no es una acción de este workflow.',
      'La acción "s" está incompleta: Elige un estado.',
      "JSON no válido en la línea 2, columna 20: se esperaba un valor, y se encontró '}'.",
    ],
    [
      'it',
      'Le azioni "a", "b" e "g" formano un ciclo senza alcuna azione di ritardo ("b" attende 0 minuti, che non è un ritardo); un ticket le ripeterebbe all\'infinito.',
      'L\'azione "lost" non può mai essere eseguita: nessun percorso dall\'azione iniziale porta a lei.',
      'L\'azione "wait" porta a "gone" (percorso "Avvenuto"), che non è un\'azione di questo flusso di lavoro.',
      'L\'azione "s" è incompleta: Scegli uno stato.',
      "JSON non valido alla riga 2, colonna 20: era atteso un valore, ma c’è '}'.",
    ],
    [
      'fr',
      'Les actions "a", "b" et "g" forment une boucle sans aucune action de délai ("b" attend 0 minute, ce qui n\'est pas un délai) ; un ticket les répéterait sans fin.',
      'L\'action "lost" ne peut jamais s\'exécuter : aucun chemin depuis l\'action de départ n\'y mène.',
      'L\'action "wait" mène à "gone" (chemin "Survenu"), qui n\'est pas une action de ce workflow.',
      'L\'action "s" est incomplète : Choisissez un statut.',
      "JSON non valide à la ligne 2, colonne 20 : une valeur était attendue, mais il y a '}'.",
    ],
  ])('words the problems of a workflow in "%s" from code and params', (lang, loopText, unreachableText, danglingText, incompleteText, syntaxText) => {
    expect(render(loop, lang)).toBe(loopText);
    expect(render(unreachable, lang)).toBe(unreachableText);
    expect(render(dangling, lang)).toBe(danglingText);
    expect(render(incomplete, lang)).toBe(incompleteText);
    expect(render(syntax, lang)).toBe(syntaxText);
  });

  it.each<[TraceLanguage, string, string]>([
    ['es', '… y 1 problema más (1 error entre ellos)', '… y 5 problemas más (2 errores entre ellos)'],
    ['it', '… e 1 altro problema (di cui 1 errore)', '… e 5 altri problemi (di cui 2 errori)'],
    ['fr', '… et 1 problème de plus (dont 1 erreur)', '… et 5 problèmes de plus (dont 2 erreurs)'],
  ])('counts what a capped report leaves out with the plurals of "%s"', (lang, one, five) => {
    const errors = (n: number) => Array.from({ length: n }, (_, i) => problem('TF305', `/workflow/actions/${i}`, {}, { actionId: `a${i}` }));
    const warning = problem('TF318', '/workflow/enrollment/triggers');
    const capOne = capProblems([...errors(1), ...errors(1)], { maxProblems: 1 });
    const capFive = capProblems([...errors(1), ...errors(2), warning, warning, warning], { maxProblems: 1 });
    expect(render(capOne.at(-1)!, lang)).toContain(one);
    expect(render(capFive.at(-1)!, lang)).toContain(five);
  });

  it.each<[TraceLanguage, string, string]>([
    ['es', 'debe tener al menos 1 carácter.', 'no tiene la propiedad obligatoria "next".'],
    ['it', 'deve avere almeno 1 carattere.', 'non ha la proprietà obbligatoria "next".'],
    ['fr', 'doit avoir au moins 1 caractère.', "n'a pas la propriété obligatoire \"next\"."],
  ])('words schema problems in "%s", with the place in its words', (lang, emptyName, missing) => {
    const doc = JSON.parse(JSON.stringify(workflowDoc([complete.email('a')]))) as { format: string; schemaVersion: number; workflow: { name: string; actions: Record<string, unknown>[] } };
    doc.workflow.name = '';
    delete doc.workflow.actions[0]!.next;
    const r = importWorkflow(JSON.stringify({ ...doc, format: 'ticketflow.workflow', schemaVersion: 3 }));
    const texts = r.problems.map((p) => render(p, lang));
    expect(texts.some((x) => x.endsWith(emptyName))).toBe(true);
    expect(texts.some((x) => x.endsWith(missing) && x.includes('"a"'))).toBe(true);
  });
});
