import { describe, expect, it } from 'vitest';
import { fillTemplate, TOKENS, unknownTokenNames } from '../../src/engine/tokens';
import { action, at, incoming, run, workflow } from './helpers';

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
