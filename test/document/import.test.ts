import { describe, expect, it } from 'vitest';
import { importScenario, importWorkflow, importWorkflowValue, importWorkspace, parseJsonSafely, stableStringify, type Problem } from '../../src/document';
import { defaultWorkspace } from '../../src/model';
import { fixtureText } from './helpers';

const workspace = defaultWorkspace();
const brief = (problems: Problem[]) => problems.map((p) => [p.code, p.severity, p.path, p.actionId]);

describe('importWorkflowValue', () => {
  it.each(['valid-workflow.json', 'unknown-version.json'])('reads the parsed value of %s as importWorkflow reads its text', (file) => {
    const text = fixtureText(file);
    const parsed = parseJsonSafely(text);
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    expect(importWorkflowValue(parsed.value, { workspace })).toEqual(importWorkflow(text, { workspace }));
  });

  it('checks the value against the workspace it is given', () => {
    const parsed = parseJsonSafely(fixtureText('valid-workflow.json'));
    if (!parsed.ok) throw new Error('the fixture does not parse');
    const empty = { ...workspace, channels: [], users: [], teams: [] };
    expect(importWorkflowValue(parsed.value, { workspace: empty }).problems.length).toBeGreaterThan(0);
    expect(brief(importWorkflowValue(parsed.value, { workspace: empty }).problems)).toEqual(brief(importWorkflow(fixtureText('valid-workflow.json'), { workspace: empty }).problems));
  });
});

describe('importWorkflow', () => {
  it('opens the valid fixture with no warning and no note', () => {
    const r = importWorkflow(fixtureText('valid-workflow.json'), { workspace });
    expect(r).toEqual({ ok: true, document: JSON.parse(fixtureText('valid-workflow.json')), problems: [], notes: [], migratedFrom: null, changes: [] });
  });

  it.each([
    ['invalid-json.json', 'TF101', 'Invalid JSON at line 4, column 3'],
    ['unknown-version.json', 'TF106', 'The file has schemaVersion 4, which is newer'],
    ['deep-nesting.json', 'TF103', 'Values are nested more than 64 levels deep'],
  ])('refuses %s with one problem (%s)', (file, code, start) => {
    const r = importWorkflow(fixtureText(file), { workspace });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual([code]);
    expect(r.problems[0]!.message.startsWith(start)).toBe(true);
  });

  it('refuses keys that name prototype machinery wherever they appear, and pollutes nothing', () => {
    const r = importWorkflow(fixtureText('proto-keys.json'), { workspace });
    expect(r.ok).toBe(false);
    expect(!r.ok && brief(r.problems)).toEqual([
      ['TF202', 'error', '/__proto__', undefined],
      ['TF202', 'error', '/workflow/constructor', undefined],
      ['TF202', 'error', '/workflow/actions/0/prototype', 'a1'],
      ['TF204', 'error', '/layout/positions/__proto__', undefined],
    ]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('accepts "constructor" as the id of an action and as a layout key, where ids belong', () => {
    const doc = JSON.parse(fixtureText('valid-workflow.json'));
    doc.workflow.actions[9].id = 'constructor';
    doc.workflow.actions[4].defaultNext = 'constructor';
    doc.layout.positions.constructor = doc.layout.positions['back-to-us'];
    delete doc.layout.positions['back-to-us'];
    const r = importWorkflow(JSON.stringify(doc), { workspace });
    expect(r).toMatchObject({ ok: true, problems: [] });
    expect(r.document && Object.hasOwn(r.document.layout!.positions, 'constructor')).toBe(true);
  });

  it('gives a workflow with dangling links and unknown references to open and fix, but not ok, listing each problem', () => {
    const r = importWorkflow(fixtureText('dangling-refs.json'), { workspace });
    expect(r.ok).toBe(false);
    expect(r.document && brief(r.problems)).toEqual([
      ['TF304', 'error', '/workflow/actions/1/defaultNext', 'route'],
      ['TF304', 'error', '/workflow/actions/4/target', 'jump'],
      ['TF315', 'error', '/workflow/actions/0/templateId', 'email'],
      ['TF320', 'warning', '/workflow/actions/1/paths/0/filters/0/conditions/0/value', 'route'],
      ['TF313', 'error', '/workflow/actions/2/recipients/userIds/0', 'notify-gone'],
      ['TF314', 'error', '/workflow/actions/2/recipients/teamIds/0', 'notify-gone'],
      ['TF312', 'error', '/workflow/actions/3/statusId', 'archive'],
      ['TF312', 'error', '/workflow/enrollment/triggers/0/toStatusId', undefined],
    ]);
  });

  it('opens a workflow that loops without a delay, with the loop as an error', () => {
    const r = importWorkflow(fixtureText('loop-without-delay.json'), { workspace });
    expect(r.ok).toBe(false);
    expect(r.document && r.problems).toEqual([
      {
        code: 'TF308',
        severity: 'error',
        path: '/workflow/actions/2/target',
        actionId: 'again',
        message: 'Actions "remind", "ping" and "again" form a loop with no delay action on it; a ticket would repeat them without end.',
        params: { cycle: '"remind", "ping" and "again"', zeroDelays: '', ids: ['remind', 'ping', 'again'], zero: [], actionId: 'again' },
      },
    ]);
  });

  it('opens a half-built workflow, with every placeholder as an error', () => {
    const r = importWorkflow(fixtureText('placeholders.json'), { workspace });
    expect(r.document && brief(r.problems)).toEqual([
      ['TF309', 'error', '/workflow/actions/0/templateId', 'email'],
      ['TF309', 'error', '/workflow/actions/1/recipients', 'notify'],
      ['TF309', 'error', '/workflow/actions/2/statusId', 'status'],
      ['TF309', 'error', '/workflow/actions/3/change', 'priority'],
      ['TF309', 'error', '/workflow/actions/4/wait/days', 'wait'],
      ['TF311', 'error', '/workflow/actions/5/paths/0/filters', 'route'],
      ['TF311', 'error', '/workflow/actions/5/paths/1/filters', 'route'],
      ['TF309', 'error', '/workflow/actions/6/url', 'hook'],
      ['TF309', 'error', '/workflow/actions/7/target', 'jump'],
      ['TF317', 'error', '/workflow/enrollment/triggers/0/toStatusId', undefined],
    ]);
  });

  it('checks references only when given a workspace', () => {
    const r = importWorkflow(fixtureText('dangling-refs.json'));
    expect(r.document && r.problems.map((p) => p.code)).toEqual(['TF304', 'TF304']);
  });

  it('applies the size and depth limits it is given', () => {
    const text = fixtureText('valid-workflow.json');
    expect(importWorkflow(text, { limits: { maxBytes: 1000 } })).toMatchObject({ ok: false, problems: [{ code: 'TF102' }] });
    expect(importWorkflow(text, { limits: { maxDepth: 5 } })).toMatchObject({ ok: false, problems: [{ code: 'TF103' }] });
  });
});

describe('importWorkspace', () => {
  it('opens the default workspace, written as a file, with no problem', () => {
    expect(importWorkspace(stableStringify(workspace))).toEqual({ ok: true, document: workspace, problems: [], notes: [], migratedFrom: null, changes: [] });
  });

  it('reports rule problems of a workspace as warnings', () => {
    const ws = defaultWorkspace();
    ws.teams[0]!.memberIds.push('u-gone');
    ws.users.push({ ...ws.users[0]! });
    const r = importWorkspace(stableStringify(ws));
    expect(r.document && r.problems.map((p) => [p.code, p.path])).toEqual([
      ['TF401', '/users/4/id'],
      ['TF402', '/teams/0/memberIds/2'],
    ]);
  });

  it('refuses a workspace that breaks its schema', () => {
    const ws: Record<string, unknown> = { ...defaultWorkspace(), pipelines: [] };
    expect(importWorkspace(JSON.stringify(ws))).toMatchObject({ ok: false, problems: [{ code: 'TF204', path: '/pipelines' }] });
  });
});

describe('importScenario', () => {
  const scenario = {
    format: 'ticketflow.scenario',
    schemaVersion: 1,
    id: 'first-reply',
    name: 'A contact writes, an agent answers',
    start: '2026-01-05T09:00:00Z',
    initial: { contacts: [], conversations: [], tickets: [] },
    events: [
      {
        type: 'incomingMessage',
        at: '2026-01-05T09:05:00Z',
        channelId: 'ch-email',
        contactId: 'c-jo',
        conversationId: 'conv-1',
        threadId: 'th-1',
        subject: 'Order missing',
        text: 'Where is my order?',
      },
      { type: 'agentEmail', at: '2026-01-05T10:00:00Z', userId: 'u-marco', conversationId: 'conv-1', threadId: 'th-1', from: 'ticket', text: 'Looking.' },
    ],
  };

  it('opens a scenario whose events are in order and name workspace entities', () => {
    expect(importScenario(JSON.stringify(scenario), { workspace })).toEqual({ ok: true, document: scenario, problems: [], notes: [], migratedFrom: null, changes: [] });
  });

  it('reports events out of time order and entities the workspace lacks', () => {
    const s = structuredClone(scenario);
    s.events[1]!.at = '2026-01-05T09:00:00Z';
    (s.events[0] as { channelId: string }).channelId = 'ch-fax';
    const r = importScenario(JSON.stringify(s), { workspace });
    expect(r.document && r.problems.map((p) => [p.code, p.path, p.message])).toEqual([
      ['TF403', '/events/1/at', 'Event 2 happens at 2026-01-05T09:00:00Z, before event 1 (2026-01-05T09:05:00Z); events must be in time order from the scenario start.'],
      ['TF402', '/events/0/channelId', 'The value at /events/0/channelId refers to the channel "ch-fax", which does not exist.'],
    ]);
  });
});
