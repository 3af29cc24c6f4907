import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine';
import { fillTemplate, TOKENS, unknownTokenNames } from '../../src/engine/tokens';
import { defaultWorkspace } from '../../src/model';
import { action, at, incoming, run, scenario, workflow } from './helpers';

/** Renders texts as the subject of notifications sent for a new ticket owned by Claire. */
function rendered(...subjects: string[]): string[] {
  const actions = subjects.map((subject, i) =>
    action('notify', `n${i}`, { recipients: { userIds: ['u-ana'], teamIds: [], owner: false }, subject, body: '', next: i + 1 < subjects.length ? `n${i + 1}` : null }),
  );
  const r = run({
    workflows: [workflow('wf', { triggers: [{ type: 'propertyChanged', property: 'owner' }], actions })],
    events: [incoming(0, 'conv-1', 'th-1'), { type: 'setOwner', at: at(5), ticketId: 'ticket-1', ownerId: 'u-claire' }],
  });
  expect(r.errors).toEqual([]);
  return r.notifications.map((n) => n.subject);
}

describe('renderTokens', () => {
  it('fills every token the same way as mustache does through a section', () => {
    const tokens = Object.entries(TOKENS).flatMap(([scope, fields]) => fields.map((field) => [scope, field] as const));
    const direct = rendered(...tokens.map(([scope, field]) => `{{${scope}.${field}}}`));
    const viaSection = rendered(...tokens.map(([scope, field]) => `{{#${scope}}}{{${field}}}{{/${scope}}}`));
    expect(direct).toEqual(viaSection);
    expect(direct).toEqual([
      'ticket-1',
      'Subject of conv-1',
      'New',
      'new',
      'Support pipeline',
      'medium',
      'Claire Martin',
      'email',
      at(0),
      '',
      '#/tickets/ticket-1',
      'Jo Customer',
      'jo@example.test',
      'Claire Martin',
      'claire@acme.test',
      'Acme Support',
    ]);
  });

  it('shows an unknown token as it was written, and keeps text and spacing inside tags', () => {
    expect(rendered('[{{ ticket.nope }}] {{contact.id}} {{nothing}} <{{{ticket.subject}}}> & {{&owner.name}}')).toEqual([
      '[{{ ticket.nope }}] {{contact.id}} {{nothing}} <Subject of conv-1> & Claire Martin',
    ]);
  });

  it('renders sections and inverted sections through mustache', () => {
    expect(rendered('{{#owner.name}}owned{{/owner.name}}{{^ticket.closedAt}}, open{{/ticket.closedAt}}')).toEqual(['owned, open']);
  });
});

describe('record bodies (filled when the result is taken)', () => {
  // A notification body and an email body with the status token, sent when the ticket is new; the
  // scenario then closes the ticket, so a body filled when it is read would say "Closed".
  const body = 'Hi {{contact.name}}, {{ticket.id}} is {{ticket.status}} ({{ticket.priority}}).';
  const wf = workflow('wf', {
    triggers: [{ type: 'ticketCreated' }],
    actions: [
      action('notify', 'n', { recipients: { userIds: ['u-ana'], teamIds: [], owner: false }, subject: 'S', body, next: 'e' }),
      action('sendEmail', 'e', { subject: 'About {{ticket.id}}', body, next: 'w' }),
      action('webhook', 'w', { method: 'POST', url: 'https://hooks.example.test/t', body: '{"id":"{{ticket.id}}","status":"{{ticket.statusId}}"}', next: null }),
    ],
  });
  const events = [incoming(0, 'conv-1', 'th-1'), { type: 'closeTicket' as const, at: at(5), ticketId: 'ticket-1' }];
  const sent = 'Hi Jo Customer, ticket-1 is New (medium).';

  it('have the values their tokens had when the record was made', () => {
    const r = run({ workflows: [wf], events });
    expect(r.tickets[0]!.status).not.toBe('new');
    expect(r.notifications.map((n) => n.body)).toEqual([sent]);
    expect(r.outbox.map((e) => e.body)).toEqual([sent]);
    expect(r.webhooks.map((w) => w.body)).toEqual(['{"id":"ticket-1","status":"new"}']);
    // Plain data: JSON carries the joined text, and reading twice gives the same strings.
    expect(JSON.parse(JSON.stringify(r)).outbox[0].body).toBe(sent);
    expect(r.outbox[0]!.body).toBe(sent);
  });

  it('are text in every snapshot a stepper takes, before and after the record is made', () => {
    const sim = new Simulation({ workspace: defaultWorkspace(), workflows: [wf], scenario: scenario(events) });
    const bodies: string[][] = [];
    while (sim.stepEvent() !== null) bodies.push(sim.result().outbox.map((e) => e.body));
    expect(bodies.flat().every((b) => typeof b === 'string')).toBe(true);
    expect(bodies.at(-1)).toEqual([sent]);
    expect(sim.result().notifications.map((n) => n.body)).toEqual([sent]);
  });

  it('count toward the output budget by their length before they are joined', () => {
    const budget = sent.length * 2 + 'S'.length + 'About ticket-1'.length - 1;
    const r = run({ workflows: [wf], events, options: { trace: false, budgets: { maxOutputBytes: budget } } });
    expect(r.errors.map((e) => e.params.budget)).toEqual(['maxOutputBytes']);
    expect(r.webhooks).toEqual([]);
  });

  it('a template mustache cannot read fails the action, naming the body', () => {
    const broken = workflow('wf', { triggers: [{ type: 'ticketCreated' }], actions: [action('notify', 'n', { recipients: { userIds: ['u-ana'], teamIds: [], owner: false }, subject: 'S', body: 'Hi {{#ticket.id}}', next: null })] });
    const r = run({ workflows: [broken], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications).toEqual([]);
    expect(r.errors.map((e) => e.code)).toEqual(['action.failed']);
    expect(r.errors[0]!.message).toContain('the body could not be filled in');
  });
});

describe('fillTemplate', () => {
  const values = new Map([['ticket.subject', 'Hi'], ['ticket.closedAt', '']]);
  const fill = (text: string) => fillTemplate(text, (name) => values.get(name));

  it.each([
    '{{constructor}}',
    '{{__proto__}}',
    '{{toString}}',
    '{{hasOwnProperty}}',
    '{{ticket.constructor.name}}',
    '{{ticket.subject.constructor}}',
    '{{ticket.subject.constructor.name}}',
    '{{ticket.subject.length}}',
    '{{ticket.subject.constructor.constructor}}',
  ])('resolves a path through the token table only, never through the properties of a value: %s stays as written', (template) => {
    expect(fill(template)).toBe(template);
  });

  it('never runs or reaches JavaScript through a section: an unknown section shows its opening tag and not its content', () => {
    expect(fill('{{#ticket.subject.constructor}}{{.}}{{/ticket.subject.constructor}}')).toBe('{{#ticket.subject.constructor}}');
    expect(fill('{{#ticket}}{{constructor}}{{subject}}{{/ticket}}')).toBe('{{constructor}}Hi');
    expect(fill('{{^nothing}}shown{{/nothing}}{{^ticket.closedAt}} open{{/ticket.closedAt}}')).toBe('shown open');
  });

  it('leaves comments and delimiter changes out, and shows partials as written', () => {
    expect(fill('a{{! note }}b{{=<% %>=}}<%ticket.subject%>{{> part}}')).toBe('abHi{{> part}}');
  });
});

describe('unknownTokenNames', () => {
  it('names every tag that is not a token, in scope sections too, once each', () => {
    expect(unknownTokenNames('{{ticket.subject}} {{ticket.subject.constructor}} {{#ticket}}{{subject}}{{agent}}{{/ticket}} {{agent}} {{> p}}')).toEqual([
      'ticket.subject.constructor',
      'agent',
      'p',
    ]);
  });
});
