import { simulate, type ChannelResult, type ConversationResult, type SimulationError, type TicketResult } from '../../engine';
import type { Scenario, ScenarioEvent, Workspace } from '../../model';

/** The simulated help desk at some moment of a scenario: what an event there can refer to. */
export interface WorldView {
  tickets: TicketResult[];
  conversations: ConversationResult[];
  channels: ChannelResult[];
}

function runUpTo(workspace: Workspace, scenario: Scenario, events: ScenarioEvent[], at: string) {
  // No workflows: tickets, conversations and channel moves do not depend on them, and the ids the
  // engine gives new tickets come out the same as in the full run.
  const end = Date.parse(at) >= Date.parse(scenario.start) ? at : scenario.start;
  return simulate({ workspace, workflows: [], scenario: { ...scenario, events, end }, options: { trace: false } });
}

/**
 * The tickets, conversations (with threads) and channels that exist just before the event at `index`
 * happens at `at`, as the engine makes them, so pickers offer real ids and never ask for one to be typed.
 */
export function worldBefore(workspace: Workspace, scenario: Scenario, index: number, at: string): WorldView {
  const r = runUpTo(workspace, scenario, scenario.events.slice(0, index), at);
  return { tickets: r.tickets, conversations: r.conversations, channels: r.channels };
}

/**
 * Why an event placed at `index` would be refused (a channel move by someone who is not a super
 * admin, of a WhatsApp channel, during another move, ...), as the engine decides it; null when it is
 * accepted. Runs the scenario up to and including the event, so earlier moves count.
 */
export function eventRefusal(workspace: Workspace, scenario: Scenario, index: number, event: ScenarioEvent): SimulationError | null {
  const r = runUpTo(workspace, scenario, [...scenario.events.slice(0, index), event], event.at);
  return r.errors.find((e) => e.event === index) ?? null;
}
