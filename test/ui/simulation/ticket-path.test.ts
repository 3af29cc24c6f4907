import { describe, expect, it } from 'vitest';
import { simulate, type TicketHistory } from '../../../src/engine';
import { emptyScenario } from '../../../src/ui/simulation/scenario-edit';
import { ticketPath } from '../../../src/ui/simulation/ticket-path';
import { workflows, workspace } from './fixtures';

const escalation = workflows.find((w) => w.id === 'wf-urgent-escalation')!;

const AT = Date.parse('2026-01-05T09:00:00Z');

function history(actions: string[], enrolled = true): TicketHistory {
  return {
    statuses: [],
    enrollments: enrolled ? [{ at: AT, kind: 'enrollment', code: 'enrollment.enrolled', workflow: escalation.id, params: { trigger: 'ticketCreated', held: true, group: 0 } }] : [],
    actions: actions.map((action) => ({ at: AT, kind: 'action', code: 'action.goto', workflow: escalation.id, action, params: {} })),
  };
}

describe('ticketPath', () => {
  it('goes from the trigger card along the branch path taken', () => {
    const path = ticketPath(escalation, 'ticket-1', history(['branch-priority', 'wait-one-day', 'branch-still-open', 'notify-owner-follow-up']));
    expect(path.enrolled).toBe(true);
    expect(path.actions).toEqual(['branch-priority', 'wait-one-day', 'branch-still-open', 'notify-owner-follow-up']);
    expect(path.edges).toEqual([
      { from: 'trigger', slot: 'start', to: 'branch-priority' },
      { from: 'branch-priority', slot: 'default', to: 'wait-one-day' },
      { from: 'wait-one-day', slot: 'next', to: 'branch-still-open' },
      { from: 'branch-still-open', slot: 'branch:still-open', to: 'notify-owner-follow-up' },
      { from: 'notify-owner-follow-up', slot: 'next', to: null },
    ]);
  });

  it('ends on the one empty path of a branch that was the last action run', () => {
    const path = ticketPath(escalation, 'ticket-1', history(['branch-priority', 'wait-one-day', 'branch-still-open']));
    expect(path.edges[path.edges.length - 1]).toEqual({ from: 'branch-still-open', slot: 'default', to: null });
  });

  it('draws nothing past an action still waiting (a delay whose time has not come)', () => {
    const path = ticketPath(escalation, 'ticket-1', history(['branch-priority', 'wait-one-day']));
    expect(path.edges.map((e) => e.to)).toEqual(['branch-priority', 'wait-one-day']);
  });

  it('is empty for a ticket the workflow never enrolled', () => {
    expect(ticketPath(escalation, 'ticket-9', undefined)).toEqual({ ticket: 'ticket-9', workflow: escalation.id, enrolled: false, actions: [], edges: [] });
  });

  it('follows what the engine logged for a real run', () => {
    const scenario = {
      ...emptyScenario('s', 'S'),
      events: [
        {
          type: 'incomingMessage' as const,
          at: '2026-01-05T09:00:00Z',
          channelId: 'ch-email',
          contactId: 'c-jo',
          conversationId: 'conv-1',
          threadId: 'thread-1',
          text: 'Hello',
        },
      ],
    };
    const result = simulate({ workspace, workflows, scenario });
    const path = ticketPath(escalation, 'ticket-1', result.history['ticket-1']);
    expect(path.actions.slice(0, 3)).toEqual(['branch-priority', 'wait-one-day', 'branch-still-open']);
  });
});
