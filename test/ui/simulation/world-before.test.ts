import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from '../../../src/model';
import { eventRefusal, worldBefore } from '../../../src/ui/simulation/world-before';
import { chatScenario, example, workspace } from './fixtures';

describe('worldBefore', () => {
  it('holds the tickets and threads the engine built before the event, with the ids it gave them', () => {
    const s = chatScenario();
    expect(worldBefore(workspace, s, 0, s.events[0]!.at).tickets).toEqual([]);
    const before = worldBefore(workspace, s, 2, s.events[2]!.at);
    expect(before.tickets.map((t) => t.id)).toEqual(['ticket-1']);
    expect(before.conversations.map((c) => [c.id, c.threads.map((th) => th.id)])).toEqual([['conv-1', ['thread-1']]]);
  });
});

describe('eventRefusal', () => {
  const s = example('move-sales-inbox.json');
  const move = (over: Partial<Extract<ScenarioEvent, { type: 'moveChannel' }>>): ScenarioEvent => ({
    type: 'moveChannel',
    at: s.start,
    userId: 'u-ana',
    channelId: 'ch-sales',
    history: 'none',
    durationMinutes: 10,
    ...over,
  });
  const empty = { ...s, events: [] };

  it('refuses a move started by someone who is not a super admin', () => {
    expect(eventRefusal(workspace, empty, 0, move({ userId: 'u-marco' }))?.code).toBe('move.notSuperAdmin');
  });

  it('refuses WhatsApp and Messenger chatflows', () => {
    expect(eventRefusal(workspace, empty, 0, move({ channelId: 'ch-whatsapp' }))?.code).toBe('move.kindNotMovable');
    expect(eventRefusal(workspace, empty, 0, move({ channelId: 'ch-messenger' }))?.code).toBe('move.kindNotMovable');
  });

  it('refuses a second move while the first is under way, and a channel that already moved', () => {
    const first = { ...empty, events: [move({ durationMinutes: 60 })] };
    const during = move({ at: '2026-01-05T08:30:00Z', channelId: 'ch-chat' });
    expect(eventRefusal(workspace, first, 1, during)?.code).toBe('move.oneAtATime');
    const again = move({ at: '2026-01-05T10:00:00Z' });
    expect(eventRefusal(workspace, first, 1, again)?.code).toBe('move.alreadyMoved');
  });

  it('asks for both status mappings when all conversations move', () => {
    expect(eventRefusal(workspace, empty, 0, move({ history: 'all', openStatusId: 'waiting-us' }))?.code).toBe('move.statusMissing');
    expect(eventRefusal(workspace, empty, 0, move({ history: 'all', openStatusId: 'waiting-us', closedStatusId: 'closed' }))).toBeNull();
  });
});
