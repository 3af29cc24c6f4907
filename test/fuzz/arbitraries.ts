/**
 * Generators of hostile input for the fuzz tests: workflows that are schema-valid but break every
 * rule (duplicate ids, dangling links, cycles, unreachable actions, wrong references), scenarios with
 * events on things that do not exist, and random mutations of real documents at the value and the
 * text level. Shared by the fixed-seed tests (test/fuzz/*.test.ts) and the long run (test/fuzz/long.ts).
 */
import fc from 'fast-check';
import { ACTION_KINDS, type Action, type ActionKind } from '../../src/actions';
import { WEEKDAYS } from '../../src/actions/delay';
import {
  defaultWorkspace,
  FilterOperatorSchema,
  FilterPropertySchema,
  PRIORITIES,
  type ChannelKind,
  type Conversation,
  type FilterCondition,
  type Filters,
  type Scenario,
  type ScenarioEvent,
  type Trigger,
  type Workflow,
  type WorkflowDocument,
} from '../../src/model';

/** Payloads that must only ever show as text. */
export const MARKUP = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '<svg onload="window.__pwned=1"></svg>',
  '"><iframe srcdoc="<script>window.__pwned=1</script>">',
] as const;

/** Template tokens that reach for JavaScript internals or mustache features the app does not offer. */
export const TOKENS = [
  '{{constructor}}',
  '{{__proto__}}',
  '{{toString}}',
  '{{ticket.constructor.constructor}}',
  '{{#ticket}}{{/ticket}}',
  '{{{ticket.subject}}}',
  '{{=<% %>=}}<%ticket.id%>',
  '{{>partial}}',
  '{{#ticket}}unclosed',
  '{{ticket.subject}}',
  '{{contact.name}}',
] as const;

/** Unicode that trips naive code: lone surrogates, bidi overrides, zero-width characters, NUL, line separators. */
export const ODD_UNICODE = ['\ud800', '\udfff', '\udc00\ud800', '\u202e', '\u2066', '\u200b', '\ufeff', '\u0000', '\u2028', '\u0301'.repeat(20), '👩‍👩‍👧'] as const;

/** Names of Object.prototype members and other keys that break plain-object lookups. */
export const OBJECT_MEMBER_IDS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', 'toLocaleString'] as const;

const ws = defaultWorkspace();
const STATUS_IDS = ws.pipelines.flatMap((p) => p.statuses.map((s) => s.id));
const USER_IDS = ws.users.map((u) => u.id);
const TEAM_IDS = ws.teams.map((t) => t.id);
const TEMPLATE_IDS = ws.templates.map((t) => t.id);
const CHANNEL_IDS = ws.channels.map((c) => c.id);
const CONTACT_IDS = ws.contacts.map((c) => c.id);
const CHANNEL_KINDS: ChannelKind[] = ['email', 'form', 'chat', 'whatsapp', 'messenger', 'calling'];

/** Any UTF-16 code unit, lone surrogates included: fc's own string units never produce those. */
const codeUnit = fc.nat({ max: 0xffff }).map((c) => String.fromCharCode(c));

/** Strings a user (or an attacker) could put in any text field, bounded to `max` characters. */
export function textArb(max = 200): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
      { weight: 2, arbitrary: fc.constantFrom(...MARKUP, ...TOKENS, ...ODD_UNICODE) },
      { weight: 2, arbitrary: fc.array(fc.constantFrom('Ticket ', ...MARKUP, ...TOKENS, ...ODD_UNICODE), { maxLength: 4 }).map((p) => p.join('')) },
      { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 20 }) },
    )
    .map((s) => s.slice(0, max));
}

/** A non-empty name (NameSchema). */
const nameArb = textArb(200).map((s) => (s.length ? s : 'Unnamed'));

/** A reference to a workspace entity: mostly real ones, sometimes a ghost or an object member name. */
function refArb(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: fc.constantFrom('ghost', ...OBJECT_MEMBER_IDS) });
}

/** Webhook URLs that break one rule each: scheme, control, invisible and bidirectional characters, space, host. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,<b>x</b>',
  'file:///etc/passwd',
  'https://h.test/\r\nX-Injected: 1',
  'https://h.test/\u0000',
  'https://h\u202e.test/',
  'https://\u200bh.test/',
  'https://h.test/a b',
  'https:///nohost',
  ' https://h.test/',
] as const;

/**
 * Moments written every way but the formats' own: without a zone (read in local time by Date.parse),
 * a date alone, a lower-case z, a space for T, an offset, no seconds, out of range.
 */
export const ODD_TIMESTAMPS = [
  '2026-01-05T09:00:00',
  '2026-01-05T09:00',
  '2026-01-05',
  '2026-01-05T09:00:00z',
  '2026-01-05 09:00:00Z',
  '2026-01-05t09:00:00Z',
  '2026-01-05T09:00:00+05:30',
  '2026-01-05T09:00:00-0800',
  '2026-01-05T09:00Z',
  '2026-02-30T09:00:00Z',
  '2026-01-05T24:00:00Z',
] as const;

/** A filter condition whose value may or may not suit its operator and property. */
const conditionArb: fc.Arbitrary<FilterCondition> = fc
  .record({
    property: fc.constantFrom(...FilterPropertySchema.options),
    operator: fc.constantFrom(...FilterOperatorSchema.options),
    value: fc.option(
      fc.oneof(
        refArb([...STATUS_IDS, ...USER_IDS, ...PRIORITIES, ...CHANNEL_KINDS, 'open', 'closed', 'support']),
        textArb(60),
        fc.constantFrom('2026-01-05T09:00:00Z', 'not a date', ''),
        fc.constantFrom(...ODD_TIMESTAMPS),
        fc.oneof(fc.integer(), fc.double()).filter(Number.isFinite),
        fc.boolean(),
        fc.array(refArb([...STATUS_IDS, ...PRIORITIES, ...USER_IDS]), { maxLength: 4 }),
      ),
      { nil: undefined },
    ),
  })
  .map(({ value, ...c }) => (value === undefined ? c : { ...c, value }));

/** Filter groups, sometimes with empty groups (a placeholder in a branch). */
export const filtersArb: fc.Arbitrary<Filters> = fc.array(fc.record({ conditions: fc.array(conditionArb, { maxLength: 3 }) }), { maxLength: 3 });

const triggerArb: fc.Arbitrary<Trigger> = fc.oneof(
  fc.constant({ type: 'ticketCreated' as const }),
  fc
    .record({ to: fc.option(refArb(STATUS_IDS), { nil: null }), from: fc.option(refArb(STATUS_IDS), { nil: undefined }) })
    .map(({ to, from }) => (from === undefined ? { type: 'statusChanged' as const, toStatusId: to } : { type: 'statusChanged' as const, toStatusId: to, fromStatusId: from })),
  fc.constant({ type: 'emailSentFromTicket' as const }),
  fc.constant({ type: 'contactReplied' as const }),
  fc.record({ type: fc.constant('conversationStarted' as const), channelKinds: fc.uniqueArray(fc.constantFrom(...CHANNEL_KINDS), { maxLength: 3 }) }),
  fc.record({ type: fc.constant('propertyChanged' as const), property: fc.constantFrom('owner' as const, 'priority' as const, 'subject' as const) }),
  fc.record({ type: fc.constant('slaDuePassed' as const), target: fc.constantFrom('firstResponse' as const, 'close' as const) }),
);

/** Settings of an action of a kind, with links drawn from `link` (ids that may or may not exist). */
function actionArb(id: string, kind: ActionKind, link: fc.Arbitrary<string | null>): fc.Arbitrary<Action> {
  switch (kind) {
    case 'sendEmail':
      return fc.record({
        id: fc.constant(id),
        kind: fc.constant('sendEmail' as const),
        templateId: fc.option(refArb(TEMPLATE_IDS), { nil: null }),
        subject: textArb(200),
        body: textArb(400),
        next: link,
      });
    case 'notify':
      return fc.record({
        id: fc.constant(id),
        kind: fc.constant('notify' as const),
        recipients: fc.record({ userIds: fc.array(refArb(USER_IDS), { maxLength: 3 }), teamIds: fc.array(refArb(TEAM_IDS), { maxLength: 2 }), owner: fc.boolean() }),
        subject: textArb(200),
        body: textArb(400),
        next: link,
      });
    case 'setStatus':
      return fc.record({ id: fc.constant(id), kind: fc.constant('setStatus' as const), statusId: fc.option(refArb(STATUS_IDS), { nil: null }), next: link });
    case 'setProperty':
      return fc.record({
        id: fc.constant(id),
        kind: fc.constant('setProperty' as const),
        change: fc.oneof(
          fc.record({ property: fc.constant('owner' as const), ownerId: fc.option(refArb(USER_IDS), { nil: null }) }),
          fc.record({ property: fc.constant('priority' as const), priority: fc.option(fc.constantFrom(...PRIORITIES), { nil: null }) }),
          fc.record({ property: fc.constant('subject' as const), subject: textArb(200) }),
        ),
        next: link,
      });
    case 'delay':
      return fc.record({
        id: fc.constant(id),
        kind: fc.constant('delay' as const),
        wait: fc.oneof(
          fc.record({
            type: fc.constant('duration' as const),
            duration: fc.record({ amount: fc.oneof(fc.constantFrom(0, 1, 100000), fc.nat({ max: 100000 })), unit: fc.constantFrom('minutes' as const, 'hours' as const, 'days' as const, 'weeks' as const) }),
          }),
          fc.record({
            type: fc.constant('until' as const),
            days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { maxLength: 7 }),
            time: fc.tuple(fc.nat({ max: 23 }), fc.nat({ max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
          }),
        ),
        next: link,
      });
    case 'delayUntilDate':
      return fc.record({
        id: fc.constant(id),
        kind: fc.constant('delayUntilDate' as const),
        property: fc.constantFrom('createdAt' as const, 'firstResponseDue' as const, 'closeDue' as const),
        offset: fc.record({
          amount: fc.oneof(fc.constantFrom(0, 1, 100000), fc.nat({ max: 100000 })),
          unit: fc.constantFrom('minutes' as const, 'hours' as const, 'days' as const, 'weeks' as const),
          direction: fc.constantFrom('before' as const, 'after' as const),
        }),
        next: link,
      });
    case 'delayUntilEvent':
      return fc.record({
        id: fc.constant(id),
        kind: fc.constant('delayUntilEvent' as const),
        event: fc.oneof(
          fc.constant({ type: 'contactReplied' as const }),
          fc.record({ type: fc.constant('statusChanged' as const), toStatusId: fc.option(refArb(STATUS_IDS), { nil: null }) }),
        ),
        timeout: fc.record({ amount: fc.oneof(fc.constantFrom(0, 1, 100000), fc.nat({ max: 100000 })), unit: fc.constantFrom('minutes' as const, 'hours' as const, 'days' as const, 'weeks' as const) }),
        happenedNext: link,
        timeoutNext: link,
      });
    case 'valueBranch':
      return fc.record({
        id: fc.constant(id),
        kind: fc.constant('valueBranch' as const),
        property: fc.constantFrom('status' as const, 'priority' as const, 'owner' as const, 'source' as const),
        paths: fc.array(
          fc.record({ id: fc.constantFrom('v1', 'v2', 'v3'), label: nameArb, value: fc.option(fc.constantFrom('low', 'urgent', 'email', 'chat', ...STATUS_IDS), { nil: null }), next: link }),
          { minLength: 1, maxLength: 3 },
        ),
        defaultLabel: nameArb,
        defaultNext: link,
      });
    case 'branch':
      return fc.record({
        id: fc.constant(id),
        kind: fc.constant('branch' as const),
        paths: fc.array(fc.record({ id: fc.constantFrom('p1', 'p2', 'p3', 'toString'), label: nameArb, filters: filtersArb, next: link }), { minLength: 1, maxLength: 3 }),
        defaultLabel: nameArb,
        defaultNext: link,
      });
    case 'goto':
      return fc.record({ id: fc.constant(id), kind: fc.constant('goto' as const), target: link });
    case 'webhook':
      return fc.record({
        id: fc.constant(id),
        kind: fc.constant('webhook' as const),
        method: fc.constantFrom('GET' as const, 'POST' as const, 'PUT' as const, 'PATCH' as const, 'DELETE' as const),
        url: fc.oneof(fc.constantFrom('https://hooks.acme.test/x', 'http://127.0.0.1:1/', 'https://h.test/{{ticket.id}}', ''), fc.constantFrom(...HOSTILE_URLS), textArb(100)),
        body: textArb(300),
        next: link,
      });
  }
}

/**
 * A schema-valid workflow whose graph is random: ids come from a small pool (so they collide), links
 * point at pool ids whether or not an action has them, and the start may be missing or dangling.
 */
export function workflowArb(options: { maxActions?: number; id?: string } = {}): fc.Arbitrary<Workflow> {
  const maxActions = options.maxActions ?? 12;
  return fc
    .integer({ min: 1, max: maxActions + 2 })
    .chain((poolSize) => {
      const pool = Array.from({ length: poolSize }, (_, i) => (i < OBJECT_MEMBER_IDS.length && i % 4 === 3 ? OBJECT_MEMBER_IDS[i]! : `a${i}`));
      const link = fc.option(fc.constantFrom(...pool), { nil: null, freq: 4 });
      const one = fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...ACTION_KINDS)).chain(([id, kind]) => actionArb(id, kind, link));
      return fc.record({
        id: fc.constant(options.id ?? 'wf-fuzz'),
        name: nameArb,
        description: fc.option(textArb(300), { nil: undefined }),
        enrollment: fc.record({ triggers: fc.array(triggerArb, { maxLength: 3 }), filters: filtersArb, reenroll: fc.boolean(), unenroll: filtersArb }),
        actions: fc.array(one, { maxLength: maxActions }),
        startActionId: fc.option(fc.constantFrom(...pool), { nil: null, freq: 8 }),
      });
    })
    .map(({ description, ...wf }) => (description === undefined ? wf : { ...wf, description }));
}

/** A workflow document around a random workflow, with a layout and comments that may name missing actions. */
export function documentArb(options: { maxActions?: number; id?: string } = {}): fc.Arbitrary<WorkflowDocument> {
  return workflowArb(options).chain((workflow) => {
    const ids = ['trigger', 'ghost', ...workflow.actions.map((a) => a.id)];
    const point = fc.record({ x: fc.integer({ min: -10_000, max: 10_000 }), y: fc.integer({ min: -10_000, max: 10_000 }) });
    return fc.record({
      format: fc.constant('ticketflow.workflow' as const),
      schemaVersion: fc.constant(3 as const),
      workflow: fc.constant(workflow),
      layout: fc.option(fc.dictionary(fc.constantFrom(...ids), point, { maxKeys: 6 }).map((positions) => ({ positions })), { nil: undefined }),
      comments: fc.option(
        fc.array(
          fc.record({
            id: fc.constantFrom('c1', 'c2', 'c3'),
            target: fc.constantFrom(...ids),
            resolved: fc.boolean(),
            messages: fc.array(fc.record({ id: fc.constantFrom('m1', 'm2'), author: nameArb, at: fc.constant('2026-01-05T09:00:00Z'), text: textArb(300).map((t) => t || 'x') }), { minLength: 1, maxLength: 2 }),
          }),
          { maxLength: 2 },
        ),
        { nil: undefined },
      ),
    }).map(({ layout, comments, ...doc }) => ({ ...doc, ...(layout && { layout }), ...(comments && { comments }) }));
  });
}

const T0 = Date.parse('2026-01-05T09:00:00Z');
const TICKET_IDS = ['ticket-1', 'ticket-2', 'ticket-3', 'ticket-9', 'constructor'];

/**
 * Moments where a clock read in local time would show: the days daylight saving time starts and ends
 * in the United States and in Europe, the minutes around midnight in zones with odd offsets (Kolkata
 * +5:30, Chatham +12:45, St John's −3:30), a leap day and a year's end.
 */
export const ZONE_PROBE_STARTS = [
  '2026-03-08T09:30:00Z',
  '2026-11-01T08:30:00Z',
  '2026-03-29T00:30:00Z',
  '2026-10-25T00:30:00Z',
  '2026-01-05T18:29:00Z',
  '2026-01-05T11:15:00Z',
  '2026-01-05T03:29:00Z',
  '2028-02-28T23:59:00Z',
  '2026-12-31T23:30:00Z',
].map((t) => Date.parse(t));

/** A scenario event on things that may or may not exist, `minutes` after the start `t0`. */
function eventArb(t0: number, minutes: number): fc.Arbitrary<ScenarioEvent> {
  const at = new Date(t0 + minutes * 60_000).toISOString();
  const conversation = fc.constantFrom('conv-1', 'conv-2', 'conv-3', 'toString');
  const thread = fc.constantFrom('th-1', 'th-2', 'th-3');
  const ticket = fc.constantFrom(...TICKET_IDS);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ type: fc.constant('incomingMessage' as const), at: fc.constant(at), channelId: refArb(CHANNEL_IDS), contactId: refArb(CONTACT_IDS), conversationId: conversation, threadId: thread, subject: textArb(100), text: textArb(200) }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('agentEmail' as const), at: fc.constant(at), userId: refArb(USER_IDS), conversationId: conversation, threadId: thread, from: fc.constantFrom('ticket' as const, 'contact' as const), text: textArb(200) }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('setStatus' as const), at: fc.constant(at), ticketId: ticket, statusId: refArb(STATUS_IDS) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('setOwner' as const), at: fc.constant(at), ticketId: ticket, ownerId: fc.option(refArb(USER_IDS), { nil: null }) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('setPriority' as const), at: fc.constant(at), ticketId: ticket, priority: fc.constantFrom(...PRIORITIES) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('closeTicket' as const), at: fc.constant(at), ticketId: ticket }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('reopenTicket' as const), at: fc.constant(at), ticketId: ticket }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('advance' as const), at: fc.constant(at) }) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          type: fc.constant('moveChannel' as const),
          at: fc.constant(at),
          userId: refArb(USER_IDS),
          channelId: refArb(CHANNEL_IDS),
          history: fc.constantFrom('all' as const, 'none' as const),
          openStatusId: fc.option(refArb(STATUS_IDS), { nil: undefined }),
          closedStatusId: fc.option(refArb(STATUS_IDS), { nil: undefined }),
          durationMinutes: fc.constantFrom(0, 5, 600),
        })
        .map(({ openStatusId, closedStatusId, ...e }) => ({ ...e, ...(openStatusId && { openStatusId }), ...(closedStatusId && { closedStatusId }) })),
    },
  );
}

/** A scenario starting at `t0`, over a few days, with events mostly in time order and some out of it. */
export function scenarioArbAt(t0: number): fc.Arbitrary<Scenario> {
  return fc.array(fc.nat({ max: 5 * 24 * 60 }), { maxLength: 12 }).chain((minutes) => scenarioAt(t0, minutes));
}

/** A scenario that starts on Monday 5 January 2026 at 09:00 UTC. */
export const scenarioArb: fc.Arbitrary<Scenario> = scenarioArbAt(T0);

function scenarioAt(T0: number, minutes: number[]): fc.Arbitrary<Scenario> {
  return fc
    .constant(minutes)
    .chain((minutes) => {
    const times = fc.constant(minutes).chain((m) => fc.boolean().map((sorted) => (sorted ? [...m].sort((a, b) => a - b) : m)));
    return times.chain((ts) =>
      fc.record({
        format: fc.constant('ticketflow.scenario' as const),
        schemaVersion: fc.constant(1 as const),
        id: fc.constant('sc-fuzz'),
        name: nameArb,
        start: fc.constant(new Date(T0).toISOString()),
        end: fc.option(fc.constantFrom('2026-01-06T09:00:00Z', '2026-02-05T09:00:00Z', '2025-01-01T00:00:00Z', ...ODD_TIMESTAMPS), { nil: undefined }),
        initial: fc.record({
          contacts: fc.array(fc.record({ id: fc.constantFrom('c-x', 'c-jo'), name: nameArb, email: fc.constantFrom('x@acme.test', 'jo@acme.test') }), { maxLength: 2 }),
          conversations: fc.constant<Conversation[]>([]),
          tickets: fc.array(
            fc.record({
              id: fc.constantFrom(...TICKET_IDS),
              subject: textArb(100),
              pipelineId: refArb(['support']),
              statusId: refArb(STATUS_IDS),
              ownerId: fc.option(refArb(USER_IDS), { nil: null }),
              priority: fc.constantFrom(...PRIORITIES),
              contactId: fc.option(refArb(CONTACT_IDS), { nil: null }),
              source: fc.option(fc.constantFrom(...CHANNEL_KINDS), { nil: null }),
              conversationId: fc.constant(null),
              threadId: fc.constant(null),
              createdAt: fc.constant(new Date(T0 - 3_600_000).toISOString()),
              closedAt: fc.constant(null),
              reopened: fc.boolean(),
            }),
            { maxLength: 2 },
          ),
        }),
        events: fc.tuple(...ts.map((m) => eventArb(T0, m))),
      }),
    );
  })
    .map(({ end, ...s }) => (end === undefined ? s : { ...s, end }));
}

/** JSON values to splice into a document: hostile keys, extreme numbers, wrong types, markup. */
const jsonLeafArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, 100001, '', 'closed', 'a1', 'ticketflow.workflow', [], {}),
  textArb(60),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(...OBJECT_MEMBER_IDS).map((k) => ({ [k]: 1 })),
);

/** One change to a JSON value at a position chosen by `pick`. */
export type ValueMutation =
  | { op: 'replace'; pick: number; value: unknown }
  | { op: 'delete'; pick: number }
  | { op: 'addKey'; pick: number; key: string; value: unknown }
  | { op: 'duplicate'; pick: number }
  | { op: 'wrap'; pick: number }
  /** Replaces a value with a copy of another value of the same JSON type from the same document: links get rewired, ids collide. */
  | { op: 'borrow'; pick: number; from: number };

export const valueMutationArb: fc.Arbitrary<ValueMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: jsonLeafArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('addKey' as const),
      pick: fc.nat(),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'extra', 'id', 'next'),
      value: jsonLeafArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('borrow' as const), pick: fc.nat(), from: fc.nat() }) },
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every container (object or array) in a JSON value with the key of each child, depth first. */
function slots(root: Json): { parent: Json[] | { [k: string]: Json }; key: string | number }[] {
  const out: { parent: Json[] | { [k: string]: Json }; key: string | number }[] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach((c, i) => (out.push({ parent: v, key: i }), walk(c)));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) out.push({ parent: v, key: k }), walk(v[k]!);
  };
  walk(root);
  return out;
}

/** Sets an own property, even "__proto__", without touching any prototype. */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies mutations to a deep copy of a JSON value and returns its text (own "__proto__" keys survive JSON.stringify). */
export function mutateJson(value: unknown, mutations: readonly ValueMutation[]): string {
  const root = { doc: structuredClone(value) as Json };
  for (const m of mutations) {
    const all = slots(root as unknown as Json);
    if (all.length === 0) break;
    const { parent, key } = all[m.pick % all.length]!;
    const child = (parent as Record<string | number, Json>)[key]!;
    switch (m.op) {
      case 'replace':
        define(parent, String(key), structuredClone(m.value));
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case 'addKey':
        if (child && typeof child === 'object' && !Array.isArray(child)) define(child, m.key, structuredClone(m.value));
        else if (Array.isArray(child)) child.push(structuredClone(m.value) as Json);
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(child));
        else define(parent, `${String(key)}Copy`, structuredClone(child));
        break;
      case 'wrap':
        define(parent, String(key), [child]);
        break;
      case 'borrow': {
        const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
        const same = all.filter((o) => kind((o.parent as Record<string | number, Json>)[o.key]) === kind(child));
        const donor = same[m.from % same.length]!;
        define(parent, String(key), structuredClone((donor.parent as Record<string | number, Json>)[donor.key]));
        break;
      }
    }
  }
  return JSON.stringify(root.doc, null, 1) ?? 'null';
}

/** Text mutations for a minority of inputs: most inputs should stay JSON, to reach the checks past the parser. */
export function fewTextMutations(maxLength = 2): fc.Arbitrary<TextMutation[]> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant<TextMutation[]>([]) }, { weight: 1, arbitrary: fc.array(textMutationArb, { minLength: 1, maxLength }) });
}

/** One change to the raw text: cut it short, drop a span, insert noise, or swap a structural character. */
export type TextMutation =
  | { op: 'truncate'; at: number }
  | { op: 'cut'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'swap'; at: number; char: string };

export const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom('{', '[', '}', ']', ',', ':', '"', '\\', '\\u', '\\ud800', '\u0000', 'NaN', '//', '\ufeff', '[[[[[[[[[[[[[[[[[[[['), fc.string({ unit: codeUnit, maxLength: 4 })),
  }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), char: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', ' ', 'x') }),
);

/** Applies text mutations in order; positions wrap around the current length. */
export function mutateText(text: string, mutations: readonly TextMutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length ? m.at % (out.length + 1) : 0;
    switch (m.op) {
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'cut':
        out = out.slice(0, at) + out.slice(at + m.length);
        break;
      case 'insert':
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      case 'swap':
        out = out.slice(0, at) + m.char + out.slice(at + 1);
        break;
    }
  }
  return out;
}

/**
 * A moment near `t0` written the ways a filter date may be: with Z, with offsets of whole, half and
 * three-quarter hours on both sides, and without a zone (which validation refuses).
 */
function momentNear(t0: number): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: -12 * 60, max: 6 * 24 * 60 }), fc.constantFrom('Z', '+05:30', '-08:00', '+12:45', '-03:30', '')).map(([minutes, zone]) => {
    const offset = zone === 'Z' || zone === '' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
    const local = new Date(t0 + (minutes + offset) * 60_000).toISOString().slice(0, 19);
    return `${local}${zone}`;
  });
}

/**
 * A workflow that every scenario ticket can reach, made of what reads the clock: enrollment filtered on
 * the created time near the scenario's start, delays until a weekday and time, delays until a date
 * property with an offset, and emails that print dates; in a straight line, so the run gets through.
 */
export function zoneWorkflowArb(t0: number): fc.Arbitrary<Workflow> {
  const step = (id: string, next: string | null): fc.Arbitrary<Action> =>
    fc.oneof(
      actionArb(id, 'delay', fc.constant(next)),
      actionArb(id, 'delayUntilDate', fc.constant(next)).map((a) => ({ ...a, offset: { ...(a as Extract<Action, { kind: 'delayUntilDate' }>).offset, amount: (a as Extract<Action, { kind: 'delayUntilDate' }>).offset.amount % 200 } })),
      fc.constantFrom('{{ticket.createdAt}}', '{{ticket.closedAt}} {{ticket.status}}').map((body) => ({ id, kind: 'sendEmail' as const, templateId: null, subject: 'Dates', body, next })),
      actionArb(id, 'setStatus', fc.constant(next)),
    );
  return fc
    .record({
      triggers: fc.array(fc.constantFrom<Trigger>({ type: 'ticketCreated' }, { type: 'statusChanged', toStatusId: null }, { type: 'conversationStarted', channelKinds: [] }), { minLength: 1, maxLength: 2 }),
      conditions: fc.array(fc.tuple(fc.constantFrom('before' as const, 'after' as const), momentNear(t0)), { maxLength: 1 }),
      length: fc.integer({ min: 1, max: 5 }),
      reenroll: fc.boolean(),
    })
    .chain(({ triggers, conditions, length, reenroll }) => {
      const ids = Array.from({ length }, (_, i) => `z${i}`);
      return fc.tuple(...ids.map((id, i) => step(id, ids[i + 1] ?? null))).map((actions) => ({
        id: 'wf-zone',
        name: 'Reads the clock',
        enrollment: {
          triggers,
          filters: conditions.length ? [{ conditions: conditions.map(([operator, value]) => ({ property: 'createdAt' as const, operator, value })) }] : [],
          reenroll,
          unenroll: [],
        },
        actions,
        startActionId: ids[0]!,
      }));
    });
}

/**
 * A scenario starting at `t0` in which things happen to real tickets: customers write in on the email
 * and form channels (each first message opens a ticket), agents reply, statuses change, tickets close and
 * reopen, and the clock advances over days, so the workflows that read dates run.
 */
export function zoneScenarioArb(t0: number): fc.Arbitrary<Scenario> {
  const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
  const ticket = fc.constantFrom('ticket-1', 'ticket-2', 'ticket-3');
  const event = (minutes: number, i: number): fc.Arbitrary<ScenarioEvent> =>
    i < 2
      ? fc.record({ type: fc.constant('incomingMessage' as const), at: fc.constant(at(minutes)), channelId: fc.constantFrom('ch-email', 'ch-form'), contactId: fc.constantFrom(...CONTACT_IDS), conversationId: fc.constant(`conv-${i}`), threadId: fc.constant(`th-${i}`), subject: fc.constant('Help'), text: fc.constant('Hello') })
      : fc.oneof(
          fc.record({ type: fc.constant('incomingMessage' as const), at: fc.constant(at(minutes)), channelId: fc.constantFrom('ch-email', 'ch-form'), contactId: fc.constantFrom(...CONTACT_IDS), conversationId: fc.constantFrom('conv-0', 'conv-1', 'conv-2'), threadId: fc.constantFrom('th-0', 'th-1', 'th-2'), subject: fc.constant('Again'), text: fc.constant('Any news?') }),
          fc.record({ type: fc.constant('setStatus' as const), at: fc.constant(at(minutes)), ticketId: ticket, statusId: fc.constantFrom(...STATUS_IDS) }),
          fc.record({ type: fc.constant('closeTicket' as const), at: fc.constant(at(minutes)), ticketId: ticket }),
          fc.record({ type: fc.constant('reopenTicket' as const), at: fc.constant(at(minutes)), ticketId: ticket }),
          fc.record({ type: fc.constant('advance' as const), at: fc.constant(at(minutes)) }),
        );
  return fc
    .uniqueArray(fc.nat({ max: 6 * 24 * 60 }), { minLength: 2, maxLength: 10 })
    .map((m) => [...m].sort((a, b) => a - b))
    .chain((minutes) =>
      fc.tuple(...minutes.map(event)).map((events) => ({
        format: 'ticketflow.scenario' as const,
        schemaVersion: 1 as const,
        id: 'sc-zone',
        name: 'Around a local-clock edge',
        start: at(0),
        end: at(8 * 24 * 60),
        initial: { contacts: [], conversations: [], tickets: [] },
        events,
      })),
    );
}
