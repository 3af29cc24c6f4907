import { describe, expect, it } from 'vitest';
import { documentProblems, semanticProblems, type Problem } from '../../src/document';
import type { Action } from '../../src/actions';
import type { FilterCondition } from '../../src/model';
import { defaultWorkspace, type Workflow, type Workspace } from '../../src/model';
import { action, complete, workflowDoc } from './helpers';

const ws = defaultWorkspace();

/** [code, path, actionId] of each problem, in order. */
const brief = (problems: Problem[]) => problems.map((p) => (p.actionId === undefined ? [p.code, p.path] : [p.code, p.path, p.actionId]));

function wf(...args: Parameters<typeof workflowDoc>): Workflow {
  return workflowDoc(...args).workflow;
}

/** A workspace with a second pipeline, "Billing", whose statuses differ from Support's. */
function twoPipelines(): Workspace {
  const w = defaultWorkspace();
  w.pipelines.push({
    id: 'billing',
    name: 'Billing',
    statuses: [
      { id: 'b-new', label: 'New', category: 'open' },
      { id: 'b-done', label: 'Done', category: 'closed' },
    ],
    automation: { createTickets: false, onEmailSent: { enabled: false, statusId: 'b-new' }, onCustomerReply: { enabled: false, statusId: 'b-new' } },
  });
  return w;
}

describe('semanticProblems', () => {
  it('finds nothing wrong with a complete linear workflow, nor with an empty one', () => {
    expect(semanticProblems(wf([complete.email('a', 'b'), complete.status('b')]), ws)).toEqual([]);
    expect(semanticProblems(wf([]), ws)).toEqual([]);
  });

  it.each<[string, Workflow, (string | undefined)[][]]>([
    ['actions without a start', wf([complete.email('a')], { startActionId: null }), [['TF301', '/workflow/startActionId']]],
    ['a start that is not an action', wf([complete.email('a')], { startActionId: 'zz' }), [['TF302', '/workflow/startActionId']]],
    ['a start in a workflow without actions', wf([], { startActionId: 'a' }), [['TF302', '/workflow/startActionId']]],
    [
      'two actions with the same id',
      wf([complete.email('a', 'b'), complete.status('b'), complete.status('b')]),
      [['TF303', '/workflow/actions/2/id', 'b']],
    ],
    ['a next action that does not exist', wf([complete.email('a', 'ghost')]), [['TF304', '/workflow/actions/0/next', 'a']]],
    [
      'a branch path that leads nowhere',
      wf([complete.branch('b', [{ id: 'p1', next: 'ghost' }])]),
      [['TF304', '/workflow/actions/0/paths/0/next', 'b']],
    ],
    [
      'a default path that leads nowhere',
      wf([complete.branch('b', [{ id: 'p1', next: null }], 'ghost')]),
      [['TF304', '/workflow/actions/0/defaultNext', 'b']],
    ],
    ['a go-to target that does not exist', wf([complete.email('a', 'g'), complete.goto('g', 'ghost')]), [['TF304', '/workflow/actions/1/target', 'g']]],
    ['an action nothing leads to', wf([complete.email('a'), complete.status('orphan')]), [['TF305', '/workflow/actions/1', 'orphan']]],
    [
      'two paths that meet without a go-to',
      wf([complete.branch('b', [{ id: 'p1', next: 'x' }], 'x'), complete.status('x')]),
      [['TF306', '/workflow/actions/1', 'x']],
    ],
    [
      'a loop made of next links',
      wf([complete.delay('a', 'b'), complete.email('b', 'a')]),
      [
        ['TF306', '/workflow/actions/0', 'a'],
        ['TF307', '/workflow/actions/0', 'a'],
      ],
    ],
    ['a go-to loop without a delay', wf([complete.email('a', 'g'), complete.goto('g', 'a')]), [['TF308', '/workflow/actions/1/target', 'g']]],
    ['a go-to to itself', wf([complete.email('a', 'g'), complete.goto('g', 'g')]), [['TF308', '/workflow/actions/1/target', 'g']]],
    [
      'a loop that avoids the delay on a sibling loop',
      wf([
        complete.branch('x', [{ id: 'slow', next: 'd' }], 'g2'),
        complete.delay('d', 'g1'),
        complete.goto('g1', 'x'),
        complete.goto('g2', 'x'),
      ]),
      [['TF308', '/workflow/actions/3/target', 'g2']],
    ],
    ['an incomplete action', wf([action('setStatus', 's')]), [['TF309', '/workflow/actions/0/statusId', 's']]],
    [
      'a branch path without conditions',
      wf([action('branch', 'b', { paths: [{ id: 'p1', label: 'P', filters: [{ conditions: [] }], next: null }] })]),
      [['TF311', '/workflow/actions/0/paths/0/filters', 'b']],
    ],
    [
      'two branch paths with the same id',
      wf([complete.branch('b', [{ id: 'p', next: null }, { id: 'p', next: null }])]),
      [['TF310', '/workflow/actions/0/paths/1/id', 'b']],
    ],
    [
      'a status trigger without a status',
      wf([complete.email('a')], { enrollment: { triggers: [{ type: 'statusChanged', toStatusId: null }], filters: [], reenroll: false, unenroll: [] } }),
      [['TF317', '/workflow/enrollment/triggers/0/toStatusId']],
    ],
    [
      'no trigger at all',
      wf([complete.email('a')], { enrollment: { triggers: [], filters: [], reenroll: false, unenroll: [] } }),
      [['TF318', '/workflow/enrollment/triggers']],
    ],
  ])('reports %s', (_name, workflow, expected) => {
    expect(brief(semanticProblems(workflow, ws))).toEqual(expected);
  });

  it('accepts loops through a go-to that pass a delay, and paths that meet through a go-to', () => {
    const workflow = wf([
      complete.branch('b', [{ id: 'p1', next: 'join' }], 'd'),
      complete.goto('join', 'd'),
      complete.delay('d', 'e'),
      complete.email('e', 'again'),
      complete.goto('again', 'd'),
    ]);
    expect(semanticProblems(workflow, ws)).toEqual([]);
  });

  it('loops: a delay of 0 minutes on a loop is the same error as no delay, and names the delay', () => {
    const zero = { ...complete.delay('z', 'g'), wait: { type: 'duration', duration: { amount: 0, unit: 'hours' } } } as Action;
    const [p] = semanticProblems(wf([complete.email('a', 'z'), zero, complete.goto('g', 'a')]), ws);
    expect(p).toMatchObject({ code: 'TF308', path: '/workflow/actions/2/target', actionId: 'g' });
    expect(p!.message).toBe('Actions "a", "z" and "g" form a loop with no delay action on it ("z" waits 0 minutes, which is no delay); a ticket would repeat them without end.');
    const minute = { ...zero, wait: { type: 'duration', duration: { amount: 1, unit: 'minutes' } } } as Action;
    expect(semanticProblems(wf([complete.email('a', 'z'), minute, complete.goto('g', 'a')]), ws)).toEqual([]);
  });

  it('loops: a long but finite chain of go-tos is no loop', () => {
    const n = 5000;
    const chainOfJumps = Array.from({ length: n }, (_, i) => (i === n - 1 ? complete.status(`g${i}`) : complete.goto(`g${i}`, `g${i + 1}`)));
    expect(semanticProblems(wf(chainOfJumps), ws).filter((p) => p.code === 'TF307' || p.code === 'TF308')).toEqual([]);
  });

  it('names the actions of a loop and says what is wrong with it', () => {
    const [p] = semanticProblems(wf([complete.email('a', 'b'), complete.status('b', 'g'), complete.goto('g', 'a')]), ws);
    expect(p).toEqual({
      code: 'TF308',
      severity: 'error',
      path: '/workflow/actions/2/target',
      actionId: 'g',
      message: 'Actions "a", "b" and "g" form a loop with no delay action on it; a ticket would repeat them without end.',
      params: { cycle: '"a", "b" and "g"', zeroDelays: '', ids: ['a', 'b', 'g'], zero: [], actionId: 'g' },
    });
  });

  it('names both sides of paths that meet without a go-to', () => {
    const [p] = semanticProblems(wf([complete.branch('b', [{ id: 'p1', next: 'x' }], 'x'), complete.status('x')]), ws);
    expect(p!.message).toBe('Action "x" follows both "b" (path "p1") and "b" (default path); paths can only meet through a go-to action.');
  });

  it('reports every place paths meet, in the order the links to them first appear, counting links of a repeated id', () => {
    const workflow = wf([
      complete.branch('b', [{ id: 'p1', next: 'y' }], 'x'),
      complete.email('x', 'y'),
      complete.status('y'),
      // A second action "x": its own link still counts, though links lead to the first "x".
      complete.email('x', 'x'),
    ]);
    expect(brief(semanticProblems(workflow, ws)).filter(([code]) => code === 'TF306')).toEqual([
      ['TF306', '/workflow/actions/2', 'y'],
      ['TF306', '/workflow/actions/1', 'x'],
    ]);
  });

  it('reports two loops in the order the search from the first action meets them', () => {
    const workflow = wf([
      complete.email('a', 'g2'),
      complete.email('b', 'g1'),
      complete.goto('g1', 'b'),
      complete.goto('g2', 'b2'),
      complete.email('b2', 'g3'),
      complete.goto('g3', 'b2'),
    ]);
    expect(brief(semanticProblems(workflow, ws)).filter(([code]) => code === 'TF308')).toEqual([
      ['TF308', '/workflow/actions/5/target', 'g3'],
      ['TF308', '/workflow/actions/2/target', 'g1'],
    ]);
  });

  it('reports nothing as unreachable while the start itself is wrong', () => {
    expect(brief(semanticProblems(wf([complete.email('a'), complete.status('b')], { startActionId: null }), ws))).toEqual([
      ['TF301', '/workflow/startActionId'],
    ]);
  });

  it('gives every placeholder a message from its kind', () => {
    const problems = semanticProblems(wf([action('notify', 'n', { next: 'w' }), action('webhook', 'w')]), ws);
    expect(problems.map((p) => p.message)).toEqual([
      'Action "n" is incomplete: Choose at least one recipient.',
      'Action "w" is incomplete: Enter the URL.',
    ]);
  });
});

describe('unknown personalization tokens', () => {
  it('warns about a token that is not in the token table, naming the field, and not about known tokens', () => {
    const email = { ...complete.email('a'), subject: 'Re {{ticket.subject}}', body: 'Hi {{contact.name}} {{ticket.subject.constructor}} {{#ticket}}{{subject}}{{/ticket}}' };
    const problems = semanticProblems(wf([email]), ws);
    expect(brief(problems)).toEqual([['TF323', '/workflow/actions/0/body', 'a']]);
    expect(problems[0]!.severity).toBe('warning');
    expect(problems[0]!.message).toContain('{{ticket.subject.constructor}}');
  });
});

describe('semanticProblems against a workspace', () => {
  const withRefs = wf([
    action('sendEmail', 'e', { templateId: 'tpl-gone', next: 'n' }),
    action('notify', 'n', { recipients: { userIds: ['u-ana', 'u-gone'], teamIds: ['t-gone'], owner: false }, next: 's' }),
    action('setStatus', 's', { statusId: 'archived', next: 'o' }),
    action('setProperty', 'o', { change: { property: 'owner', ownerId: 'u-left' } }),
  ]);

  it('reports statuses, users, teams and templates the workspace lacks, at their pointer', () => {
    expect(brief(semanticProblems(withRefs, ws))).toEqual([
      ['TF315', '/workflow/actions/0/templateId', 'e'],
      ['TF313', '/workflow/actions/1/recipients/userIds/1', 'n'],
      ['TF314', '/workflow/actions/1/recipients/teamIds/0', 'n'],
      ['TF312', '/workflow/actions/2/statusId', 's'],
      ['TF313', '/workflow/actions/3/change/ownerId', 'o'],
    ]);
    expect(semanticProblems(withRefs, ws)[0]!.message).toBe(
      'Action "e" (/workflow/actions/0/templateId) uses the email template "tpl-gone", which is not in the workspace.',
    );
  });

  it('checks no reference without a workspace', () => {
    expect(semanticProblems(withRefs)).toEqual([]);
  });

  it('reports the statuses of a status trigger that no pipeline has', () => {
    const workflow = wf([complete.email('a')], {
      enrollment: { triggers: [{ type: 'statusChanged', toStatusId: 'gone', fromStatusId: 'new' }], filters: [], reenroll: false, unenroll: [] },
    });
    const problems = semanticProblems(workflow, ws);
    expect(brief(problems)).toEqual([['TF312', '/workflow/enrollment/triggers/0/toStatusId']]);
    expect(problems[0]!.message).toBe(
      'Enrollment trigger 1 (/workflow/enrollment/triggers/0/toStatusId) uses the status "gone", which no pipeline of the workspace has.',
    );
  });

  it.each<[string, Partial<Workflow['enrollment']>, string[]]>([
    ['no narrowing: every pipeline', {}, ['Billing']],
    ['a filter pinning the pipeline', { filters: [{ conditions: [{ property: 'pipeline', operator: 'is', value: 'support' }] }] }, []],
    ['a status trigger of the other pipeline', { triggers: [{ type: 'statusChanged', toStatusId: 'b-new' }] }, ['Billing']],
    ['a status trigger of the same pipeline', { triggers: [{ type: 'statusChanged', toStatusId: 'new' }] }, []],
    [
      'one filter group that does not pin the pipeline',
      {
        filters: [
          { conditions: [{ property: 'pipeline', operator: 'is', value: 'support' }] },
          { conditions: [{ property: 'priority', operator: 'is', value: 'high' }] },
        ],
      },
      ['Billing'],
    ],
  ])('warns when a set status is missing from a pipeline enrolled tickets can be in (%s)', (_name, enrollment, pipelines) => {
    const workflow = wf([complete.status('s')], {
      enrollment: { triggers: [{ type: 'ticketCreated' }], filters: [], reenroll: false, unenroll: [], ...enrollment },
    });
    const problems = semanticProblems(workflow, twoPipelines());
    expect(problems.map((p) => [p.code, p.severity, p.path])).toEqual(
      pipelines.map(() => ['TF316', 'warning', '/workflow/actions/0/statusId']),
    );
    problems.forEach((p, i) => expect(p.message).toContain(`pipeline "${pipelines[i]}" does not have`));
  });
});

describe('filter conditions', () => {
  const withCondition = (c: FilterCondition) =>
    wf([complete.email('a')], { enrollment: { triggers: [{ type: 'ticketCreated' }], filters: [{ conditions: [c] }], reenroll: false, unenroll: [] } });

  it.each<[string, FilterCondition, string]>([
    ['"is known" with a value', { property: 'owner', operator: 'isKnown', value: 'u-ana' }, 'takes no value.'],
    ['"is" without a value', { property: 'subject', operator: 'is' }, 'needs a value.'],
    ['"is any of" with one value', { property: 'status', operator: 'isAnyOf', value: 'new' }, 'needs a list of values.'],
    ['"is none of" with an empty list', { property: 'status', operator: 'isNoneOf', value: [] }, 'needs at least one value in its list.'],
    ['"is" with a list', { property: 'status', operator: 'is', value: ['new'] }, 'needs a single value, not a list.'],
    ['"greater than" with text', { property: 'openMinutes', operator: 'greaterThan', value: 'ten' }, 'needs a number.'],
    ['"before" with something not a date', { property: 'createdAt', operator: 'before', value: 'soon' }, 'compares with a value that is not a date-time written like 2026-01-05T09:00:00Z (found "soon").'],
    ['"before" with a number', { property: 'createdAt', operator: 'before', value: 5 }, 'needs a date-time such as 2026-01-05T09:00:00Z.'],
    ['time zones: "after" with a date-time without a zone', { property: 'createdAt', operator: 'after', value: '2026-01-05T09:00:00' }, 'compares with a value that has no time zone, so it would mean another moment on each machine; write it in UTC with a final "Z", as in 2026-01-05T09:00:00Z (found "2026-01-05T09:00:00").'],
    ['time zones: "is" with a date alone', { property: 'closedAt', operator: 'is', value: '2026-01-05' }, 'compares with a value that has a date but no time: write the moment in UTC, such as 2026-01-05T00:00:00Z (found "2026-01-05").'],
    ['time zones: "before" with an offset', { property: 'createdAt', operator: 'before', value: '2026-01-05T09:00:00+05:30' }, 'compares with a value that has the offset "+05:30"; write the moment in UTC with a final "Z": 2026-01-05T03:30:00Z (found "2026-01-05T09:00:00+05:30").'],
    ['a priority that does not exist', { property: 'priority', operator: 'is', value: 'highest' }, 'compares with "highest", which is not one of: low, medium, high, urgent.'],
    ['a channel kind that does not exist', { property: 'source', operator: 'isAnyOf', value: ['email', 'fax'] }, 'compares with "fax", which is not one of: email, form, chat, whatsapp, messenger, calling.'],
    ['"before" on the subject', { property: 'subject', operator: 'before', value: '2026-01-05T09:00:00Z' }, 'does not apply: subject takes "is", "isNot", "isAnyOf", "isNoneOf", "isKnown", "isUnknown", "contains".'],
    ['"contains" on the priority', { property: 'priority', operator: 'contains', value: 'ur' }, 'does not apply: priority takes "is", "isNot", "isAnyOf", "isNoneOf", "isKnown", "isUnknown", "greaterThan", "lessThan".'],
  ])('reports %s', (_name, condition, detail) => {
    const problems = semanticProblems(withCondition(condition), ws);
    expect(brief(problems)).toEqual([['TF319', '/workflow/enrollment/filters/0/conditions/0']]);
    expect(problems[0]!.message).toBe(`The condition on ${condition.property} with operator "${condition.operator}" ${detail}`);
  });

  it.each<[string, FilterCondition]>([
    ['"is unknown" without a value', { property: 'owner', operator: 'isUnknown' }],
    ['"is any of" with known statuses', { property: 'status', operator: 'isAnyOf', value: ['new', 'closed'] }],
    ['"after" with a date-time', { property: 'createdAt', operator: 'after', value: '2026-01-05T09:00:00Z' }],
    ['"less than" with a number', { property: 'openMinutes', operator: 'lessThan', value: 60 }],
    ['"is" on reopened with true', { property: 'reopened', operator: 'is', value: true }],
    ['"is any of" on the contact email with a list of addresses', { property: 'contactEmail', operator: 'isAnyOf', value: ['a@acme.test'] }],
  ])('accepts %s', (_name, condition) => {
    expect(semanticProblems(withCondition(condition), ws)).toEqual([]);
  });

  it('warns about values that name no status, pipeline, user or channel of the workspace', () => {
    const workflow = wf([complete.email('a')], {
      enrollment: {
        triggers: [{ type: 'ticketCreated' }],
        filters: [{ conditions: [{ property: 'status', operator: 'is', value: 'archived' }] }],
        reenroll: false,
        unenroll: [{ conditions: [{ property: 'owner', operator: 'isAnyOf', value: ['u-ana', 'u-gone'] }] }],
      },
    });
    const problems = semanticProblems(workflow, ws);
    expect(problems.map((p) => [p.code, p.severity, p.path])).toEqual([
      ['TF320', 'warning', '/workflow/enrollment/filters/0/conditions/0/value'],
      ['TF320', 'warning', '/workflow/enrollment/unenroll/0/conditions/0/value/1'],
    ]);
    expect(problems[1]!.message).toBe('The condition on owner compares with "u-gone", which is not a user of the workspace.');
  });

  it('checks the conditions of branch paths too, naming the branch', () => {
    const branch = action('branch', 'b', {
      paths: [{ id: 'p1', label: 'P', filters: [{ conditions: [{ property: 'channel', operator: 'is', value: 'ch-fax' }] }], next: null }],
    });
    expect(brief(semanticProblems(wf([branch]), ws))).toEqual([['TF320', '/workflow/actions/0/paths/0/filters/0/conditions/0/value', 'b']]);
  });
});

describe('documentProblems', () => {
  it('warns about comments and layout positions on things that are not in the workflow', () => {
    const doc = workflowDoc([complete.email('a')]);
    doc.layout = { positions: { trigger: { x: 0, y: 0 }, a: { x: 0, y: 100 }, gone: { x: 0, y: 200 } } };
    doc.comments = [
      { id: 't1', target: 'a', resolved: false, messages: [{ id: 'm1', author: 'Ana', at: '2026-01-05T09:00:00Z', text: 'Fine.' }] },
      { id: 't2', target: 'trigger', resolved: false, messages: [{ id: 'm2', author: 'Ana', at: '2026-01-05T09:00:00Z', text: 'Ok.' }] },
      { id: 't3', target: 'removed', resolved: true, messages: [{ id: 'm3', author: 'Ana', at: '2026-01-05T09:00:00Z', text: 'Old.' }] },
    ];
    const problems = documentProblems(doc, ws);
    expect(problems.map((p) => [p.code, p.severity, p.path, p.message])).toEqual([
      ['TF321', 'warning', '/comments/2/target', 'Comment thread "t3" is on "removed", which is neither an action of this workflow nor the trigger.'],
      ['TF322', 'warning', '/layout/positions/gone', 'The layout places "gone", which is neither an action of this workflow nor the trigger.'],
    ]);
  });
});
