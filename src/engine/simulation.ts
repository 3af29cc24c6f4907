import { finishMove } from './channel-move';
import { compileWorkflows } from './enrollment';
import { applyEvent, eventEntry, eventParams, eventTicket, EVENT_PAIRS } from './events';
import { slaDuePassed, slaPending } from './help-desk';
import { Runner } from './runner';
import { loadInitial, orderEvents, type EventOrder } from './setup';
import { snapshot } from './snapshot';
import type { Budgets, RunningAction, SimulationInput, SimulationResult, StepInfo, TraceEntry } from './types';
import { parseTime, slaTargetOf, TIMER_MOVE_END, TIMER_RESUME, World, type MoveState, type Run, type TicketState, type TimerItem } from './world';

/** What advance() returns for a timer, and when nothing is left (an event gives its place, 0 or more). */
const TIMER = -1;
const NOTHING = -2;

const BUDGET_UNITS: Record<keyof Budgets, string> = { maxActions: 'actions', maxRecords: 'records', maxOutputBytes: 'bytes of output' };

/**
 * The interpreter as a stepper (SPEC §6): scenario events and timers (delays, SLA due times, the end of a
 * channel move) on a virtual clock, and the actions of enrolled tickets. Deterministic: nothing reads the
 * real clock or randomness, and every queue has a fixed order — timers due at the same moment as an
 * event come first, equal times keep their scheduling order, and queued tickets run first come, first
 * served, each running its actions until it waits or its path ends.
 */
export class Simulation {
  private world!: World;
  private runner!: Runner;
  private events: EventOrder = { at: new Float64Array(0), index: new Int32Array(0), count: 0 };
  private nextEvent = 0;
  /** The journal row of the event advance() applied last (-1 with trace off); kept here so advance allocates nothing to report it. */
  private eventTraced = -1;
  /** The timer advance() applied last (see advance). */
  private timerTag = 0;
  private timerItem: TimerItem | null = null;
  private timerAt = 0;

  constructor(private readonly input: SimulationInput) {
    this.reset();
  }

  /** Back to the scenario's initial state, with nothing run. */
  reset(): void {
    const { workspace, workflows, scenario, options } = this.input;
    const start = parseTime(scenario.start);
    const world = new World(workspace, start ?? 0, options);
    if (start === null) world.error('scenario.badTime', `start: "${scenario.start}" is not a date; the clock starts at 1970-01-01T00:00:00Z.`, { field: 'start' });
    // The trace entries of scenario events get their parameters from the events when first read.
    const events = scenario.events;
    world.journal.laterParams = (index) => eventParams(events[index]!, index);
    compileWorkflows(world, workflows);
    loadInitial(world, scenario);
    this.events = orderEvents(world, scenario);
    this.nextEvent = 0;
    this.world = world;
    this.runner = new Runner(world);
  }

  /** The virtual clock. */
  get clock(): string {
    return this.world.nowText;
  }

  /** Nothing left to run: no queued action, no event, no timer due before the end. */
  get done(): boolean {
    if (this.world.stopped) return true;
    this.purgeHead();
    return this.world.ready.empty && this.nextEvent >= this.events.count && !this.timerDue();
  }

  /** The action that runs next, for the canvas to highlight; null when no action is queued. */
  get running(): RunningAction | null {
    this.purgeHead();
    const run = this.world.ready.peek();
    if (!run || run.actionId === null) return null;
    return { ticket: run.ticket.id, workflow: run.wf.id, action: run.actionId };
  }

  /** The action ids a ticket went through in a workflow, in order (the path the canvas highlights). */
  pathOf(ticketId: string, workflowId: string): string[] {
    const ticket = this.world.tickets.get(ticketId);
    if (!ticket) return [];
    const journal = this.world.journal;
    return journal.chain(ticket.lastAction).filter((row) => journal.workflowOf(row) === workflowId).map((row) => journal.actionOf(row)!);
  }

  /**
   * Runs the actions already queued, then applies the next event or timer; the actions it leads to wait
   * for the next step. Returns what was applied, or null when nothing is left.
   */
  stepEvent(): StepInfo | null {
    while (!this.world.stopped && (this.purgeHead(), !this.world.ready.empty)) {
      if (!this.countStep()) return null;
      this.runner.step();
    }
    if (this.world.stopped) return null;
    const next = this.advance();
    if (next === NOTHING) return null;
    const at = this.world.nowText;
    if (next >= 0) {
      return { type: 'event', at, entry: this.eventTraced >= 0 ? this.world.journal.entry(this.eventTraced) : eventEntry(this.world, this.input.scenario.events[next]!, next) };
    }
    return { type: 'timer', at, entry: this.timerEntry() };
  }

  /** Runs one action, first applying events and timers until one is queued. Null when nothing is left. */
  stepAction(): StepInfo | null {
    for (;;) {
      if (this.world.stopped) return null;
      this.purgeHead();
      if (this.world.ready.empty) {
        if (this.advance() === NOTHING) return null;
        continue;
      }
      if (!this.countStep()) return null;
      const runner = this.runner;
      if (runner.step()) {
        return {
          type: 'action',
          at: this.world.nowText,
          entry: this.world.journal.entry(runner.lastRow),
          ticket: runner.lastRun!.ticket.id,
          workflow: runner.lastRun!.wf.id,
          action: runner.lastAction!.id,
        };
      }
    }
  }

  /** Runs everything up to the scenario's end and returns the result. */
  runToEnd(): SimulationResult {
    const world = this.world;
    while (!world.stopped) {
      this.purgeHead();
      if (!world.ready.empty) {
        if (this.countStep()) this.runner.step();
      } else if (this.advance() === NOTHING) {
        break;
      }
    }
    return this.result();
  }

  /** A snapshot of the result so far (plain data; later steps do not change it). */
  result(): SimulationResult {
    return snapshot(this.world, this.done);
  }

  private purgeHead(): void {
    const ready = this.world.ready;
    for (let run = ready.peek(); run && run.state === 'ended'; run = ready.peek()) ready.shift();
  }

  /**
   * Whether a timer is due before the end and no later than `limit`, dropping the ones that no longer
   * matter on the way (a delay of a stopped run, an old SLA due time); it is then the heap's first. Times
   * are read from the heap, so a timer due after the next event is not looked at.
   */
  private timerDue(limit = Infinity): boolean {
    const timers = this.world.timers;
    const until = Math.min(limit, this.world.end);
    while (timers.peekAt() <= until) {
      const tag = timers.peekTag();
      const item = timers.peek()!;
      if (tag === TIMER_RESUME ? (item as Run).state === 'waiting' : tag === TIMER_MOVE_END || slaPending(item as TicketState, slaTargetOf(tag))) return true;
      timers.pop();
    }
    return false;
  }

  /**
   * Applies the next timer or scenario event (timers first at equal times). Returns the event's place in
   * the scenario, TIMER for a timer (its tag, item and time are then in timerTag, timerItem and timerAt),
   * or NOTHING when none is left.
   */
  private advance(): number {
    const world = this.world;
    const events = this.events;
    const next = this.nextEvent;
    const hasEvent = next < events.count;
    const timed = this.timerDue(hasEvent ? events.at[next]! : Infinity);
    if (!timed && !hasEvent) {
      world.advanceTo(world.end);
      return NOTHING;
    }
    if (!this.countStep()) return NOTHING;
    if (timed) {
      const timers = world.timers;
      const at = timers.peekAt();
      const tag = timers.peekTag();
      const item = timers.pop()!;
      this.timerAt = at;
      this.timerTag = tag;
      this.timerItem = item;
      world.advanceTo(at);
      world.stats.timers++;
      if (tag === TIMER_RESUME) this.runner.resume(item as Run);
      else if (tag === TIMER_MOVE_END) finishMove(world, item as MoveState);
      else slaDuePassed(world, item as TicketState, slaTargetOf(tag), at);
      return TIMER;
    }
    this.nextEvent++;
    world.advanceTo(events.at[next]!);
    world.stats.events++;
    const index = events.index[next]!;
    const event = this.input.scenario.events[index]!;
    this.eventTraced = world.traceOn ? world.traceEvent(EVENT_PAIRS[event.type], index, eventTicket(world, event)) : -1;
    applyEvent(world, event, index);
    return index;
  }

  /** The entry a stepper shows for the timer advance() applied last (the trace has the entries of what it caused). */
  private timerEntry(): TraceEntry {
    const world = this.world;
    const tag = this.timerTag;
    if (tag === TIMER_RESUME) {
      const run = this.timerItem as Run;
      return world.entry('resume', 'delay.resumed', { next: run.actionId }, run.ticket.id, run.wf.id);
    }
    if (tag === TIMER_MOVE_END) {
      const channel = (this.timerItem as MoveState).channel.def;
      return world.entry('move', 'move.finished', { channel: channel.id, createTickets: channel.createTickets });
    }
    return world.entry('sla', 'sla.breached', { target: slaTargetOf(tag), due: this.timerAt }, (this.timerItem as TicketState).id);
  }

  /**
   * Counts a step and checks the run's bounds: past the step limit, or past one of its budgets (actions,
   * records, output bytes), the whole simulation stops, naming the busiest workflows.
   */
  private countStep(): boolean {
    const world = this.world;
    const budgets = world.budgets;
    let hit: keyof Budgets | null = null;
    if (world.stats.actions >= budgets.maxActions) hit = 'maxActions';
    else if (world.records >= budgets.maxRecords) hit = 'maxRecords';
    else if (world.outputBytes >= budgets.maxOutputBytes) hit = 'maxOutputBytes';
    if (hit === null && ++world.steps <= world.maxSteps) return true;
    world.stopped = true;
    const busiest = [...world.workflows]
      .filter((w) => w.actionsRun > 0)
      .sort((a, b) => b.actionsRun - a.actionsRun || (a.id < b.id ? -1 : 1))
      .slice(0, 5);
    const named = busiest.map((w) => `"${w.name}" (${w.id}, ${w.actionsRun} actions)`);
    const busiestList = busiest.map((w) => ({ workflow: w.id, actions: w.actionsRun }));
    const tail = named.length ? `; busiest workflows: ${named.join(', ')}` : '';
    if (hit !== null) {
      const limit = budgets[hit];
      const used = hit === 'maxActions' ? world.stats.actions : hit === 'maxRecords' ? world.records : world.outputBytes;
      world.error(
        'guard.budget',
        `The simulation stopped at its budget of ${limit} ${BUDGET_UNITS[hit]} (${hit}; ${used} used) without finishing${tail}. The result so far is kept.`,
        { budget: hit, limit, used, busiest: busiestList },
      );
      return false;
    }
    world.error('guard.maxSteps', `The simulation stopped after ${world.maxSteps} steps without finishing${tail}.`, { limit: world.maxSteps, busiest: busiestList });
    return false;
  }
}

/**
 * Runs a scenario to its end (SPEC §6): the same input always gives the same result, byte for byte. The
 * result reads the scenario's events again when its trace is first read, so the input is not to be
 * changed in place after the call (the app and the server replace a scenario, never edit one).
 */
export function simulate(input: SimulationInput): SimulationResult {
  return new Simulation(input).runToEnd();
}
