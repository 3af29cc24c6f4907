import { describe, expect, it } from 'vitest';
import { scenarioProblems, validateScenario, validateWorkspace, workspaceProblems } from '../../src/document';
import { defaultWorkspace, type Scenario, type Workspace } from '../../src/model';

describe('workspaceProblems', () => {
  it('finds nothing wrong with the default workspace', () => {
    expect(validateWorkspace(defaultWorkspace())).toEqual([]);
  });

  it.each<[string, (ws: Workspace) => void, string[][]]>([
    ['a repeated pipeline id', (ws) => ws.pipelines.push(structuredClone(ws.pipelines[0]!)), [['TF401', '/pipelines/1/id', 'Another pipeline already has the id "support".']]],
    ['a repeated channel id', (ws) => (ws.channels[1]!.id = 'ch-email'), [['TF401', '/channels/1/id', 'Another channel already has the id "ch-email".']]],
    ['a repeated template id', (ws) => (ws.templates[1]!.id = 'tpl-received'), [['TF401', '/templates/1/id', 'Another template already has the id "tpl-received".']]],
    [
      'a repeated status within a pipeline',
      (ws) => (ws.pipelines[0]!.statuses[1]!.id = 'new'),
      [
        ['TF401', '/pipelines/0/statuses/1/id', 'Another status of pipeline "Support pipeline" already has the id "new".'],
        ['TF402', '/pipelines/0/automation/onEmailSent/statusId', 'The value at /pipelines/0/automation/onEmailSent/statusId refers to the status of pipeline "Support pipeline" "waiting-contact", which does not exist.'],
      ],
    ],
    ['a team member who is not a user', (ws) => ws.teams[1]!.memberIds.push('u-gone'), [['TF402', '/teams/1/memberIds/1', 'The value at /teams/1/memberIds/1 refers to the user "u-gone", which does not exist.']]],
    ['a channel sending tickets to a missing pipeline', (ws) => (ws.channels[0]!.pipelineId = 'sales'), [['TF402', '/channels/0/pipelineId', 'The value at /channels/0/pipelineId refers to the pipeline "sales", which does not exist.']]],
    [
      'a status automation aiming outside its pipeline',
      (ws) => (ws.pipelines[0]!.automation.onCustomerReply.statusId = 'reopened'),
      [['TF402', '/pipelines/0/automation/onCustomerReply/statusId', 'The value at /pipelines/0/automation/onCustomerReply/statusId refers to the status of pipeline "Support pipeline" "reopened", which does not exist.']],
    ],
  ])('reports %s', (_name, change, expected) => {
    const ws = defaultWorkspace();
    change(ws);
    expect(workspaceProblems(ws).map((p) => [p.code, p.path, p.message])).toEqual(expected);
  });
});

describe('scenarioProblems', () => {
  const base = (): Scenario => ({
    format: 'ticketflow.scenario',
    schemaVersion: 1,
    id: 's',
    name: 'Scenario',
    start: '2026-01-05T09:00:00Z',
    initial: {
      contacts: [],
      conversations: [
        {
          id: 'conv-1',
          contactId: 'c-jo',
          ownerId: null,
          status: 'open',
          channelHistory: ['ch-chat'],
          threads: [{ id: 'th-1', messages: [] }],
          startedAt: '2026-01-04T09:00:00Z',
          ticketId: 't-1',
        },
      ],
      tickets: [
        {
          id: 't-1',
          subject: 'Help',
          pipelineId: 'support',
          statusId: 'new',
          ownerId: 'u-ana',
          priority: 'medium',
          contactId: 'c-jo',
          source: 'chat',
          conversationId: 'conv-1',
          threadId: 'th-1',
          createdAt: '2026-01-04T09:00:00Z',
          closedAt: null,
          reopened: false,
        },
      ],
    },
    events: [
      { type: 'setStatus', at: '2026-01-05T10:00:00Z', ticketId: 't-1', statusId: 'waiting-us' },
      {
        type: 'moveChannel',
        at: '2026-01-05T11:00:00Z',
        userId: 'u-ana',
        channelId: 'ch-sales',
        history: 'all',
        openStatusId: 'new',
        closedStatusId: 'closed',
        durationMinutes: 10,
      },
    ],
  });

  it('messages in words: an end before the start says both moments and why it matters', () => {
    const s = base();
    s.end = '2026-01-01T00:00:00Z';
    const [p] = validateScenario(s, defaultWorkspace());
    expect(p!.message).toBe(`The scenario ends at 2026-01-01T00:00:00Z, before it starts at ${s.start}, so no delay or timer would ever run; set an end after the start, or leave it out (30 days after the last event).`);
    s.end = s.start;
    expect(validateScenario(s, defaultWorkspace())).toEqual([]);
  });

  it('finds nothing wrong with a consistent scenario', () => {
    expect(validateScenario(base(), defaultWorkspace())).toEqual([]);
  });

  it.each<[string, (s: Scenario) => void, string[][]]>([
    ['an event before the start', (s) => (s.events[0]!.at = '2026-01-05T08:00:00Z'), [['TF403', '/events/0/at']]],
    ['messages in words: an end before the start', (s) => (s.end = '2026-01-04T09:00:00Z'), [['TF404', '/end']]],
    ['a repeated ticket id', (s) => s.initial.tickets.push(structuredClone(s.initial.tickets[0]!)), [['TF401', '/initial/tickets/1/id']]],
    ['a conversation on an unknown channel', (s) => (s.initial.conversations[0]!.channelHistory = ['ch-fax']), [['TF402', '/initial/conversations/0/channelHistory/0']]],
    [
      'a ticket in an unknown pipeline and status, owned by nobody known',
      (s) => Object.assign(s.initial.tickets[0]!, { pipelineId: 'sales', statusId: 'open', ownerId: 'u-gone' }),
      [
        ['TF402', '/initial/tickets/0/pipelineId'],
        ['TF402', '/initial/tickets/0/statusId'],
        ['TF402', '/initial/tickets/0/ownerId'],
      ],
    ],
    ['a status event to an unknown status', (s) => Object.assign(s.events[0]!, { statusId: 'archived' }), [['TF402', '/events/0/statusId']]],
    [
      'a channel move by an unknown user to unknown statuses',
      (s) => Object.assign(s.events[1]!, { userId: 'u-gone', openStatusId: 'x', closedStatusId: 'y' }),
      [
        ['TF402', '/events/1/userId'],
        ['TF402', '/events/1/openStatusId'],
        ['TF402', '/events/1/closedStatusId'],
      ],
    ],
  ])('reports %s', (_name, change, expected) => {
    const s = base();
    change(s);
    expect(scenarioProblems(s, defaultWorkspace()).map((p) => [p.code, p.path])).toEqual(expected);
  });

  it('refuses an event that names its ticket twice (ticketId and ticketOf) or not at all', () => {
    const s = base();
    s.events = [
      { type: 'closeTicket', at: '2026-01-05T10:00:00Z', ticketId: 't-1', ticketOf: 'conv-1' },
      { type: 'reopenTicket', at: '2026-01-05T11:00:00Z' },
      { type: 'setPriority', at: '2026-01-05T12:00:00Z', ticketOf: 'conv-1', priority: 'high' },
    ];
    const problems = scenarioProblems(s);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['TF405', '/events/0/ticketOf'],
      ['TF405', '/events/1/ticketId'],
    ]);
    expect(problems[0]!.message).toContain('gives both ticketId "t-1" and ticketOf "conv-1"');
    expect(problems[1]!.message).toContain('names no ticket');
  });

  it('refuses ticketOf naming a conversation that nothing starts before the event', () => {
    const s = base();
    s.events = [
      { type: 'closeTicket', at: '2026-01-05T10:00:00Z', ticketOf: 'conv-new' },
      { type: 'incomingMessage', at: '2026-01-05T11:00:00Z', channelId: 'ch-email', contactId: 'c-jo', conversationId: 'conv-new', threadId: 'th-n', text: 'Hi' },
      { type: 'reopenTicket', at: '2026-01-05T12:00:00Z', ticketOf: 'conv-new' },
    ];
    const problems = scenarioProblems(s);
    expect(problems.map((p) => [p.code, p.path])).toEqual([['TF406', '/events/0/ticketOf']]);
    expect(problems[0]!.message).toContain('conversation "conv-new", which neither the initial state nor any earlier event starts');
  });

  it('checks only the scenario itself without a workspace', () => {
    const s = base();
    s.initial.conversations[0]!.channelHistory = ['ch-fax'];
    expect(scenarioProblems(s)).toEqual([]);
  });
});
