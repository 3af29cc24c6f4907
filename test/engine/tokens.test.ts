import { describe, expect, it } from 'vitest';
import Mustache from 'mustache';
import { TOKENS, tokenView } from '../../src/engine/tokens';
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

  it('renders unknown tokens empty and keeps text and spacing inside tags', () => {
    expect(rendered('[{{ ticket.nope }}] {{contact.id}} {{nothing}} <{{{ticket.subject}}}> & {{&owner.name}}')).toEqual(['[]   <Subject of conv-1> & Claire Martin']);
  });

  it('renders sections and inverted sections through mustache', () => {
    expect(rendered('{{#owner.name}}owned{{/owner.name}}{{^ticket.closedAt}}, open{{/ticket.closedAt}}')).toEqual(['owned, open']);
  });
});

describe('tokenView', () => {
  it.each(['{{constructor}}', '{{__proto__}}', '{{toString}}', '{{hasOwnProperty}}', '{{ticket.constructor.name}}', '{{#constructor}}x{{/constructor}}'])(
    'gives JavaScript internals no value: %s renders empty',
    (template) => {
      expect(Mustache.render(template, tokenView({ ticket: { subject: 'Hi' } }), undefined, { escape: String })).toBe('');
    },
  );
});
