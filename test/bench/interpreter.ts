/**
 * Interpreter benchmark (Node): actions executed per second, the 10,000-ticket scenario through the
 * example workflows over 30 virtual days, and the same work done by the workflows translated into XState
 * machines (xstate-translate.ts says what that peer covers and what it leaves out).
 */
import { simulate, type SimulationResult } from '../../src/engine';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type Scenario, type ScenarioEvent, type Workflow, type Workspace } from '../../src/model';
import { generateScenario, generateWorkflowDocument } from './generate';
import { figure, formatNumber, interleaved, medianCpu, medianWall, type Figure, type Repeat } from './measure';
import { formatHottest, heaviest, hottest, profileNode } from './profile';
import { runWithXState, type PeerSummary } from './xstate-translate';

const SECTION = 'interpreter';
/** Actions per second the interpreter must reach with trace off (issue 12.4). */
const ACTIONS_PER_SECOND_TARGET = 500_000;
/** Actions per second with trace on (issue 12.4): on the generated workload, and on the examples workload. */
const TRACED_TARGET_GENERATED = 600_000;
const TRACED_TARGET_EXAMPLES = 400_000;

/**
 * The number of tickets whose action sequence or final status differs between the engine and the peer,
 * plus one when their totals of emails, notifications and webhooks differ.
 */
export function differingTickets(ours: SimulationResult, peer: PeerSummary): { count: number; first: string | null; totals: string } {
  let count = 0;
  let first: string | null = null;
  for (const t of ours.tickets) {
    const mine = (ours.history[t.id]?.actions ?? []).map((a) => `${a.workflow}/${a.action}`);
    const theirs = peer.paths.get(t.id) ?? [];
    const same = mine.length === theirs.length && mine.every((x, i) => x === theirs[i]) && peer.statuses.get(t.id) === t.status;
    if (same) continue;
    count++;
    first ??= `${t.id}: engine [${mine.join(' ')}] ${t.status}; XState [${theirs.join(' ')}] ${peer.statuses.get(t.id)}`;
  }
  if (peer.paths.size !== ours.tickets.length) count += Math.abs(peer.paths.size - ours.tickets.length);
  const totals = (x: { emails: number; notifications: number; webhooks: number }) => `${x.emails} emails, ${x.notifications} notifications, ${x.webhooks} webhooks`;
  const mine = totals({ emails: ours.outbox.length, notifications: ours.notifications.length, webhooks: ours.webhooks.length });
  if (mine !== totals(peer)) {
    count++;
    first ??= `totals differ: engine ${mine}; XState ${totals(peer)}`;
  }
  return { count, first, totals: mine };
}

/**
 * Runs a workload once with the engine and once with the peer, and keeps only what the figures say of
 * them: a result held through the timed runs would make each of their full collections mark it again.
 */
function checkWorkload(input: { workspace: Workspace; workflows: readonly Workflow[]; scenario: Scenario }): {
  actions: number;
  summary: string;
  peer: { actions: number; diff: ReturnType<typeof differingTickets> } | null;
  peerGap: string;
} {
  const ours = simulate({ ...input, options: { trace: false } });
  const summary = `${ours.tickets.length} tickets, ${ours.stats.events} events, ${ours.stats.timers} timers, ${ours.stats.actions} actions`;
  // The peer translates only some action kinds; a workload it cannot translate is timed without it.
  try {
    const peer = runWithXState(input);
    return { actions: ours.stats.actions, summary, peer: { actions: peer.actions, diff: differingTickets(ours, peer) }, peerGap: '' };
  } catch (e) {
    return { actions: ours.stats.actions, summary, peer: null, peerGap: e instanceof Error ? e.message : String(e) };
  }
}

interface Workload {
  label: string;
  workflows: readonly Workflow[];
  scenario: Scenario;
  repeat: Repeat;
  /** Actions per second the run must reach with trace on. */
  tracedTarget: number;
}

/** Times one workload: the engine with and without trace interleaved, then the result read in full, then the XState peer. */
async function benchWorkload(w: Workload, profile: string[] | null): Promise<Figure[]> {
  const workspace = defaultWorkspace();
  const input = { workspace, workflows: w.workflows, scenario: w.scenario };
  const checked = checkWorkload(input);
  const { actions, peer } = checked;
  // The engine's own runs are interleaved with each other; the runs that keep much more alive (the result
  // read in full, the XState peer) are timed in blocks of their own after them. Interleaved with those,
  // every engine run also paid for collecting the other runs' garbage, which is none of its own cost.
  const own = interleaved(
    {
      engine: () => simulate({ ...input, options: { trace: false } }),
      traced: () => simulate(input),
      // The help desk alone: the same events, SLA timers and built-in automation with no workflow.
      bare: () => simulate({ ...input, workflows: [], options: { trace: false } }),
    },
    w.repeat,
  );
  const heavy = interleaved(
    {
      // A finished run builds its trace and history entries from the journal, and joins the bodies of its
      // emails, notifications and webhook requests, when they are first read.
      tracedRead: () => {
        const r = simulate(input);
        if (r.trace.length === 0 || Object.keys(r.history).length !== r.tickets.length) throw new Error('The traced run did not give its trace and histories.');
        let chars = 0;
        for (const list of [r.outbox, r.notifications, r.webhooks]) for (const record of list) chars += record.body.length;
        if (chars === 0 && r.outbox.length + r.notifications.length + r.webhooks.length > 0) throw new Error('The traced run gave empty record bodies.');
      },
    },
    w.repeat,
  );
  // Not timed when the peer cannot translate the workload (then s.xstate has no samples).
  const peerRuns = peer ? interleaved({ xstate: () => void runWithXState(input) }, w.repeat) : null;
  const s = { ...own, ...heavy, xstate: peerRuns?.xstate ?? [] };
  const bareMs = medianWall(s.bare);
  const engineMs = medianWall(s.engine);
  const tracedMs = medianWall(s.traced);
  const tracedReadMs = medianWall(s.tracedRead);
  const xstateMs = peer ? medianWall(s.xstate) : Number.NaN;
  const target = { kind: 'min' as const, value: ACTIONS_PER_SECOND_TARGET };
  const figures = [
    figure({
      section: SECTION,
      name: `${w.label}: engine, trace off`,
      value: engineMs,
      unit: 'ms',
      cpu: medianCpu(s.engine),
      note: checked.summary,
    }),
    figure({
      section: SECTION,
      name: `  actions per second, trace off`,
      value: actions / (engineMs / 1000),
      unit: '/s',
      target,
      note: `actions over the whole run, help desk included (${Math.round((bareMs / engineMs) * 100)} % of it runs with no workflow at all)`,
    }),
    figure({
      section: SECTION,
      name: `  same scenario, no workflows (help desk, events, SLA timers)`,
      value: bareMs,
      unit: 'ms',
      cpu: medianCpu(s.bare),
      note: 'the part of the run no workflow causes',
    }),
    figure({
      section: SECTION,
      name: `  actions per second in the time workflows add`,
      value: actions / (Math.max(engineMs - bareMs, 1e-3) / 1000),
      unit: '/s',
      note: 'actions ÷ (trace off − no workflows)',
    }),
    figure({ section: SECTION, name: `  engine, trace on (as the app runs it)`, value: tracedMs, unit: 'ms', cpu: medianCpu(s.traced) }),
    figure({
      section: SECTION,
      name: `  actions per second, trace on`,
      value: actions / (tracedMs / 1000),
      unit: '/s',
      target: { kind: 'min', value: w.tracedTarget },
      note: `recording the trace for every event and action costs ${formatNumber(tracedMs - engineMs)} ms`,
    }),
    figure({
      section: SECTION,
      name: `  trace on, result read in full (trace and history entries built, record bodies joined)`,
      value: tracedReadMs,
      unit: 'ms',
      cpu: medianCpu(s.tracedRead),
      note: `building the entry objects and bodies when the result is first read costs ${formatNumber(tracedReadMs - tracedMs)} ms; ${formatNumber(actions / (tracedReadMs / 1000))} actions/s`,
    }),
  ];
  if (peer) {
    const diff = peer.diff;
    figures.push(
      figure({ section: SECTION, name: `  XState 5 peer, same workflows and events`, value: xstateMs, unit: 'ms', cpu: medianCpu(s.xstate) }),
      figure({
        section: SECTION,
        name: `  engine (trace off) ÷ XState`,
        value: engineMs / xstateMs,
        unit: '×',
        target: { kind: 'max', value: 1 },
        note: 'below 1 = engine faster',
      }),
      figure({
        section: SECTION,
        name: `  tickets whose work differs (engine vs XState)`,
        value: diff.count,
        unit: '',
        target: { kind: 'max', value: 1 },
        note: diff.first ?? `identical action sequences and final statuses; ${peer.actions} actions, ${diff.totals} each`,
      })
    );
  } else {
    figures.push(figure({ section: SECTION, name: `  XState 5 peer`, value: Number.NaN, unit: '', note: `not compared: ${checked.peerGap}` }));
  }
  if (profile) {
    const p = await profileNode(() => simulate({ ...input, options: { trace: false } }));
    profile.push(formatHottest(`profile: ${w.label}, engine with trace off (self time)`, hottest(p)));
    profile.push(formatHottest(`profile: the same (total time of named functions)`, heaviest(p, 20)));
  }
  return figures;
}

/** Replies on one conversation the thread-lookup figure times (issue 11.10: a list walk made this quadratic). */
const REPLIES = 60_000;
/** The most milliseconds 60,000 replies on one conversation may take: "well under a second". */
const REPLIES_TARGET_MS = 1000;

/**
 * One conversation that gets REPLIES replies, every other one on a new thread (so it ends with 30,001
 * threads): each reply finds its thread and conversation by id, so the run grows linearly.
 */
export function repliesScenario(replies = REPLIES): Scenario {
  const t0 = Date.parse('2026-01-05T09:00:00Z');
  const events: ScenarioEvent[] = [];
  for (let i = 0; i < replies; i++) {
    const at = new Date(t0 + i * 1000).toISOString();
    events.push({ type: 'incomingMessage', at, channelId: 'ch-email', contactId: 'c-jo', conversationId: 'conv-long', threadId: `th-${i % 2 ? i : 0}`, text: `Reply ${i}` });
  }
  return { format: 'ticketflow.scenario', schemaVersion: 1, id: 'replies', name: 'Replies on one conversation', start: '2026-01-05T09:00:00Z', initial: { contacts: [], conversations: [], tickets: [] }, events };
}

/** Times REPLIES replies on one conversation, trace on, as the app runs it. */
export function benchReplies(repeat: Repeat): Figure[] {
  const input = { workspace: defaultWorkspace(), workflows: [], scenario: repliesScenario() };
  const check = simulate(input);
  const threads = check.conversations[0]?.threads.length ?? 0;
  if (check.errors.length || threads !== REPLIES / 2 + 1) throw new Error(`The replies scenario did not run cleanly (${threads} threads, ${check.errors.length} errors).`);
  const s = interleaved({ replies: () => simulate(input) }, { warmup: Math.max(1, repeat.warmup), runs: Math.max(3, Math.min(5, repeat.runs)) });
  return [
    figure({
      section: SECTION,
      name: `${REPLIES.toLocaleString('en-US')} replies on one conversation (${threads.toLocaleString('en-US')} threads), trace on`,
      value: medianWall(s.replies),
      unit: 'ms',
      cpu: medianCpu(s.replies),
      target: { kind: 'max', value: REPLIES_TARGET_MS },
      note: 'threads and conversations are found by id (maps), so this grows linearly',
    }),
  ];
}

/** Runs the interpreter benchmark; with `profile`, adds CPU-profile summaries to it. */
export async function benchInterpreter(repeat: Repeat, profile: string[] | null): Promise<Figure[]> {
  const examples = EXAMPLE_WORKFLOWS.map((e) => e.document.workflow);
  const heavy = generateWorkflowDocument(1000).workflow;
  return [
    ...benchReplies(repeat),
    ...(await benchWorkload(
      {
        label: 'generated 1,000-action workflow × 1,000 tickets, 30 days',
        workflows: [heavy],
        scenario: generateScenario(1000),
        // A run takes a few tens of milliseconds, so one young-generation collection more or less moves a
        // sample by a tenth: thirty-one of each (after five to warm up) keep the medians steady, in under
        // two seconds. A quick bench (three runs) keeps its own count.
        repeat: repeat.runs > 3 ? { warmup: Math.max(5, repeat.warmup), runs: Math.max(31, repeat.runs) } : repeat,
        tracedTarget: TRACED_TARGET_GENERATED,
      },
      profile,
    )),
    ...(await benchWorkload(
      {
        label: `${examples.length} example workflows × 10,000 tickets, 30 days`,
        workflows: examples,
        scenario: generateScenario(10000),
        // A run takes a few hundred milliseconds: seven of each (after two to warm up) keep the medians
        // steady on a noisy machine and the whole bench within a few minutes.
        repeat: { warmup: Math.min(2, repeat.warmup), runs: Math.min(7, repeat.runs) },
        tracedTarget: TRACED_TARGET_EXAMPLES,
      },
      profile,
    )),
  ];
}
