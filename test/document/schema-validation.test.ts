import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportWorkflow, importWorkflow, validateWorkflowDocument, type DocumentKind, type Problem } from '../../src/document';
import { inlinedSchema, withDetails } from '../../src/document/schema-validation';
import { defaultWorkspace } from '../../src/model';
import { documentArb, mutateJson, scenarioArb, valueMutationArb } from '../fuzz/arbitraries';
import { fixtureText } from './helpers';

const valid = () => JSON.parse(fixtureText('valid-workflow.json'));

/** The problems of a changed copy of the valid fixture. */
function problemsAfter(change: (doc: any) => void): Problem[] { // any: free-form edits of parsed JSON
  const doc = valid();
  change(doc);
  return validateWorkflowDocument(doc);
}

describe('validateWorkflowDocument against the JSON Schema', () => {
  it('finds nothing wrong with the valid fixture', () => {
    expect(validateWorkflowDocument(valid())).toEqual([]);
  });

  it.each([
    [
      'a missing required property',
      (d: any) => delete d.workflow.actions[3].wait,
      { code: 'TF201', path: '/workflow/actions/3/wait', actionId: 'wait-2-days', message: 'Action "wait-2-days" (/workflow/actions/3) is missing the required property "wait".' },
    ],
    [
      'a property the format does not know',
      (d: any) => (d.workflow.actions[9].colour = 'red'),
      { code: 'TF202', path: '/workflow/actions/9/colour', actionId: 'back-to-us', message: 'Action "back-to-us" (/workflow/actions/9) has the property "colour", which the format does not allow.' },
    ],
    [
      'a value of the wrong type',
      (d: any) => (d.workflow.enrollment.reenroll = 'yes'),
      { code: 'TF203', path: '/workflow/enrollment/reenroll', message: 'The value at /workflow/enrollment/reenroll must be true or false, not the string "yes".' },
    ],
    [
      'a number where an id or null belongs',
      (d: any) => (d.workflow.actions[9].next = 7),
      { code: 'TF203', path: '/workflow/actions/9/next', actionId: 'back-to-us', message: 'Action "back-to-us" (/workflow/actions/9/next) must be a string or null, not the number 7.' },
    ],
    [
      'an id with forbidden characters',
      (d: any) => (d.workflow.actions[9].next = 'no spaces'),
      { code: 'TF204', path: '/workflow/actions/9/next', actionId: 'back-to-us', message: 'Action "back-to-us" (/workflow/actions/9/next) is not a valid id: use letters, digits and _ . : - (at most 128 characters, starting with a letter or digit).' },
    ],
    [
      'an unknown action kind',
      (d: any) => (d.workflow.actions[9].kind = 'sendSms'),
      { code: 'TF205', path: '/workflow/actions/9', actionId: 'back-to-us', message: 'Action "back-to-us" (/workflow/actions/9) has "kind" "sendSms", which is not one of: "sendEmail", "notify", "setStatus", "setProperty", "delay", "delayUntilDate", "delayUntilEvent", "branch", "valueBranch", "goto", "webhook".' },
    ],
    [
      'an action without a kind',
      (d: any) => delete d.workflow.actions[9].kind,
      { code: 'TF204', path: '/workflow/actions/9', actionId: 'back-to-us', message: 'Action "back-to-us" (/workflow/actions/9) needs "kind" set to one of: "sendEmail", "notify", "setStatus", "setProperty", "delay", "delayUntilDate", "delayUntilEvent", "branch", "valueBranch", "goto", "webhook".' },
    ],
    [
      'an unknown trigger type',
      (d: any) => (d.workflow.enrollment.triggers[0].type = 'ticketDeleted'),
      { code: 'TF205', path: '/workflow/enrollment/triggers/0', message: 'The value at /workflow/enrollment/triggers/0 has "type" "ticketDeleted", which is not one of: "ticketCreated", "statusChanged", "emailSentFromTicket", "contactReplied", "conversationStarted", "propertyChanged", "slaDuePassed".' },
    ],
    [
      'a value outside an enum',
      (d: any) => (d.workflow.actions[7].method = 'FETCH'),
      { code: 'TF204', path: '/workflow/actions/7/method', actionId: 'log-reminder', message: 'Action "log-reminder" (/workflow/actions/7/method) must be one of: "GET", "POST", "PUT", "PATCH", "DELETE"; found the string "FETCH".' },
    ],
    [
      'a bad time of day',
      (d: any) => (d.workflow.actions[3].wait = { type: 'until', days: ['mon'], time: '25:00' }),
      { code: 'TF204', path: '/workflow/actions/3/wait/time', actionId: 'wait-2-days', message: 'Action "wait-2-days" (/workflow/actions/3/wait/time) is not a time of day written HH:MM (00:00 to 23:59).' },
    ],
    [
      'a date that is not a UTC date-time',
      (d: any) => (d.comments[0].messages[0].at = 'yesterday'),
      { code: 'TF204', path: '/comments/0/messages/0/at', message: 'The value at /comments/0/messages/0/at is not a date-time written like 2026-01-05T09:00:00Z (found "yesterday").' },
    ],
    [
      'an empty name',
      (d: any) => (d.workflow.name = ''),
      { code: 'TF204', path: '/workflow/name', message: 'The value at /workflow/name must have at least 1 character.' },
    ],
    [
      'a number over its maximum',
      (d: any) => (d.layout.positions.remind.x = 1e9),
      { code: 'TF204', path: '/layout/positions/remind/x', message: 'The value at /layout/positions/remind/x must be at most 10000000; found the number 1000000000.' },
    ],
    [
      'a negative whole number',
      (d: any) => (d.workflow.actions[3].wait.duration.amount = -1),
      { code: 'TF204', path: '/workflow/actions/3/wait/duration/amount', actionId: 'wait-2-days', message: 'Action "wait-2-days" (/workflow/actions/3/wait/duration/amount) must be at least 0; found the number -1.' },
    ],
    [
      'a fraction where a whole number belongs',
      (d: any) => (d.workflow.actions[3].wait.duration.amount = 1.5),
      { code: 'TF203', path: '/workflow/actions/3/wait/duration/amount', actionId: 'wait-2-days', message: 'Action "wait-2-days" (/workflow/actions/3/wait/duration/amount) must be a whole number, not the number 1.5.' },
    ],
    [
      'a branch without paths',
      (d: any) => (d.workflow.actions[0].paths = []),
      { code: 'TF204', path: '/workflow/actions/0/paths', actionId: 'is-urgent', message: 'Action "is-urgent" (/workflow/actions/0/paths) must have at least 1 item.' },
    ],
    [
      'a filter value of no accepted type',
      (d: any) => (d.workflow.enrollment.filters[0].conditions[0].value = { id: 'support' }),
      { code: 'TF203', path: '/workflow/enrollment/filters/0/conditions/0/value', message: 'The value at /workflow/enrollment/filters/0/conditions/0/value must be a string, a number, a boolean or an array, not an object.' },
    ],
    [
      'a layout key that is not an id',
      (d: any) => (d.layout.positions['bad key'] = { x: 0, y: 0 }),
      { code: 'TF204', path: '/layout/positions/bad key', message: 'The key "bad key" in /layout/positions is not a valid id: use letters, digits and _ . : - (at most 128 characters, starting with a letter or digit).' },
    ],
  ])('reports %s with its code, pointer and action', (_name, change, expected) => {
    // The English words of the problem; its params (for other languages) are the renderer tests' concern.
    expect(problemsAfter(change).map(({ params: _params, ...words }) => words)).toEqual([{ severity: 'error', ...expected }]);
  });

  it('says a number too large for JSON to hold is too large, not that it is no number', () => {
    const r = importWorkflow(fixtureText('valid-workflow.json').replace('"x": 0,', '"x": 1e400,'));
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual(['The value at /layout/positions/trigger/x must be a number, not a number too large to represent.']);
  });

  it('reports every problem, not only the first', () => {
    const problems = problemsAfter((d) => {
      delete d.workflow.name;
      d.workflow.actions[1].recipients.userIds = [1, 2];
      d.comments[1].colour = 'red';
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['TF201', '/workflow/name'],
      ['TF203', '/workflow/actions/1/recipients/userIds/0'],
      ['TF203', '/workflow/actions/1/recipients/userIds/1'],
      ['TF202', '/comments/1/colour'],
    ]);
  });

  it('treats a property holding undefined in memory as absent, as JSON does', () => {
    expect(problemsAfter((d) => (d.workflow.description = undefined))).toEqual([]);
    expect(problemsAfter((d) => (d.workflow.name = undefined)).map((p) => [p.code, p.path])).toEqual([['TF201', '/workflow/name']]);
  });

  it('escapes "/" and "~" in the pointers it reports', () => {
    const problems = problemsAfter((d) => (d.workflow['a/b~c'] = 1));
    expect(problems.map((p) => p.path)).toEqual(['/workflow/a~1b~0c']);
  });

  it('makes an import fail on schema problems, and says nothing of the rules it could not check', () => {
    const doc = valid();
    doc.workflow.actions[9].next = 'nowhere';
    doc.workflow.actions[8].target = 42;
    const r = importWorkflow(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['TF203']);
  });
});

describe('withDetails', () => {
  // ajv's own verbose errors, which withDetails stands in for.
  const verbose = new Ajv2020({ strict: true, allErrors: true, discriminator: true, verbose: true });
  addFormats(verbose);
  const mutated = <T>(arb: fc.Arbitrary<T>) =>
    fc.tuple(arb, fc.array(valueMutationArb, { minLength: 1, maxLength: 4 })).map(([value, changes]) => JSON.parse(mutateJson(value, changes)) as unknown);
  const inputs: Record<DocumentKind, fc.Arbitrary<unknown>> = {
    workflow: mutated(documentArb({ maxActions: 8 }).map((doc) => JSON.parse(exportWorkflow(doc)) as unknown)),
    workspace: mutated(fc.constant(defaultWorkspace())),
    scenario: mutated(scenarioArb),
  };

  it.each(Object.keys(inputs) as DocumentKind[])('gives each error of an invalid %s the data and schemas ajv verbose errors carry', (kind) => {
    const validate = verbose.compile(inlinedSchema(kind));
    let errors = 0;
    fc.assert(
      fc.property(inputs[kind], (data) => {
        if (validate(data)) return;
        for (const e of validate.errors!) {
          const { data: _data, schema: _schema, parentSchema: _parent, ...plain } = e;
          errors++;
          expect(withDetails(plain, _data, inlinedSchema(kind))).toEqual(e);
        }
      }),
      { numRuns: 150, seed: 20260105 },
    );
    expect(errors).toBeGreaterThan(100);
  });

  it('can read schema paths as pointers because the validators are compiled from the schemas with their $defs inlined', () => {
    for (const kind of Object.keys(inputs) as DocumentKind[]) expect(JSON.stringify(inlinedSchema(kind))).not.toContain('"$ref"');
  });
});
