/**
 * The team server under load from a loopback client (this process), with each server instance in a
 * process of its own: save latency of 50 editors saving at once on one instance, live fan-out latency
 * to 500 event-stream subscribers, and the same with two instances sharing one PostgreSQL (saves and
 * subscribers split between them, so events cross instances through LISTEN/NOTIFY).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportWorkflow } from '../../src/document';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import type { WorkflowDocument } from '../../src/model';
import { adminQuery, ADMIN_URL, databaseUrl } from '../storage/postgres-admin';
import { Client } from '../server/client';
import { openStream, type EventStream } from '../server/sse';
import { figure, percentile, type Figure, type Repeat } from './measure';

const SECTION = 'server';
const EDITORS = 50;
const SUBSCRIBERS = 500;
const INSTANCE = new URL('./server-instance.ts', import.meta.url).pathname;
const DOC = EXAMPLE_WORKFLOWS.find((w) => w.document.workflow.id === 'wf-urgent-escalation')?.document as WorkflowDocument;

interface Instance {
  url: string;
  child: ChildProcess;
}

async function startInstance(target: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /READY (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`a server instance ended (${code}): ${err.slice(-2000)}`)));
  });
  return { url: `${url}/api/v1`, child };
}

async function stopInstance(instance: Instance): Promise<void> {
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await exited;
}

interface Session {
  cookie: string;
  csrf: string;
}

async function json(url: string, init: RequestInit): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- bench reads a few fields
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function ownerSession(base: string): Promise<Session> {
  const response = await fetch(`${base}/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Admin', email: 'bench@example.com', password: 'a bench password' }),
  });
  const body = (await response.json()) as { csrfToken: string };
  const cookie = /tf_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
  if (response.status !== 201 || !cookie) throw new Error(`setup failed: ${response.status}`);
  return { cookie, csrf: body.csrfToken };
}

function headers(session: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json', ...extra };
}

function documentFor(id: string, name: string): string {
  return exportWorkflow({ ...DOC, workflow: { ...DOC.workflow, id, name } });
}

async function createWorkflows(base: string, session: Session, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${i}`;
    const made = await json(`${base}/workflows`, { method: 'POST', headers: headers(session), body: documentFor(id, `Bench ${i}`) });
    if (made.status !== 201) throw new Error(`creating ${id} failed: ${made.status} ${JSON.stringify(made.body)}`);
    ids.push(id);
  }
  return ids;
}

/** An editor's pause between two saves: 0.5 to 1.5 s, so 50 editors offer about 50 saves a second. */
const THINK_MS = { min: 500, max: 1500 };

/**
 * 50 editors connected at once, each saving its own workflow `saves` times with a pause between
 * saves (a person does not save back to back; a closed loop without pauses would measure the queue,
 * not a save). The latency of each save.
 */
async function saveLoad(bases: readonly string[], session: Session, ids: readonly string[], saves: number, options: { think: boolean; warmup: number }): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    ids.map(async (id, e) => {
      const base = bases[e % bases.length] as string;
      let head = (await json(`${base}/workflows/${id}/revisions`, { headers: headers(session) })).body.head as number;
      for (let s = 0; s < options.warmup + saves; s++) {
        if (options.think) await new Promise((r) => setTimeout(r, THINK_MS.min + Math.random() * (THINK_MS.max - THINK_MS.min)));
        const t0 = performance.now();
        const saved = await json(`${base}/workflows/${id}`, { method: 'PUT', headers: headers(session, { 'if-match': `"${id}.r${head}"` }), body: documentFor(id, `Bench ${e} save ${s}`) });
        if (s >= options.warmup) latencies.push(performance.now() - t0);
        if (saved.status !== 200) throw new Error(`save ${s} of ${id} failed: ${saved.status} ${JSON.stringify(saved.body)}`);
        head = saved.body.revision.number;
      }
    }),
  );
  return latencies;
}

/** When revision `revision` of the fan-out workflow reached this stream, if it did. */
function arrival(stream: EventStream, workflowId: string, revision: number): number | undefined {
  return stream.events.find((e) => e.type === 'workflow.saved' && e.data.workflowId === workflowId && e.data.revision === revision)?.receivedAt;
}

/** `SUBSCRIBERS` streams split over the instances; saves on the first; latency from sending a save to each arrival. */
async function fanOut(bases: readonly string[], session: Session, workflowId: string, saves: number): Promise<{ latencies: number[]; missing: number }> {
  const subscribers: EventStream[] = [];
  const client = (base: string) => new Client(base.replace(/\/api\/v1$/, ''), { cookie: session.cookie });
  for (let i = 0; i < SUBSCRIBERS; i += 50) {
    subscribers.push(...(await Promise.all(Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, (_, k) => openStream(client(bases[(i + k) % bases.length] as string))))));
  }
  if (subscribers.some((s) => s.status !== 200)) throw new Error('a subscriber was refused');
  const sentAt = new Map<number, number>();
  let head = 1;
  try {
    for (let s = 0; s < saves; s++) {
      const t0 = performance.now();
      sentAt.set(head + 1, t0);
      const saved = await json(`${bases[0]}/workflows/${workflowId}`, { method: 'PUT', headers: headers(session, { 'if-match': `"${workflowId}.r${head}"` }), body: documentFor(workflowId, `Fan-out ${s}`) });
      if (saved.status !== 200) throw new Error(`fan-out save failed: ${saved.status}`);
      head = saved.body.revision.number;
      // Wait until every subscriber has it (or 5 s), then a pause, so saves do not pile up.
      const deadline = performance.now() + 5000;
      while (subscribers.some((sub) => arrival(sub, workflowId, head) === undefined) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    for (const sub of subscribers) sub.close();
  }
  const latencies: number[] = [];
  let missing = 0;
  const first = Math.min(...sentAt.keys());
  for (const [revision, t0] of sentAt) {
    if (revision === first) continue; // warm-up
    for (const sub of subscribers) {
      const at = arrival(sub, workflowId, revision);
      if (at === undefined) missing++;
      else latencies.push(at - t0);
    }
  }
  return { latencies, missing };
}

function figures(setup: string, alone: number[], saves: number[], fan: { latencies: number[]; missing: number }): Figure[] {
  const note = `${saves.length} saves by ${EDITORS} editors, each saving about once a second`;
  return [
    figure({ section: SECTION, name: `save p50, one editor alone, ${setup}`, value: percentile(alone, 50), unit: 'ms', note: `${alone.length} saves in a row` }),
    figure({ section: SECTION, name: `save p50, ${setup}`, value: percentile(saves, 50), unit: 'ms', note }),
    figure({ section: SECTION, name: `save p95, ${setup}`, value: percentile(saves, 95), unit: 'ms', target: { kind: 'max', value: 50 }, note }),
    figure({
      section: SECTION,
      name: `fan-out p95 to ${SUBSCRIBERS} subscribers, ${setup}`,
      value: percentile(fan.latencies, 95),
      unit: 'ms',
      target: { kind: 'max', value: 200 },
      note: `${fan.latencies.length} deliveries${fan.missing ? `, ${fan.missing} missing` : ''}; from sending the save`,
    }),
  ];
}

export async function benchServer(repeat: Repeat): Promise<Figure[]> {
  const saves = repeat.runs >= 9 ? 20 : 4;
  const fanSaves = repeat.runs >= 9 ? 20 : 5;
  const out: Figure[] = [];

  const dir = mkdtempSync(join(tmpdir(), 'tf-bench-'));
  const one = await startInstance(dir);
  try {
    const session = await ownerSession(one.url);
    const ids = await createWorkflows(one.url, session, EDITORS + 1, 'bench');
    const alone = await saveLoad([one.url], session, ids.slice(0, 1), saves * 2, { think: false, warmup: 5 });
    const latencies = await saveLoad([one.url], session, ids.slice(0, EDITORS), saves, { think: true, warmup: 1 });
    out.push(...figures('one instance, embedded', alone, latencies, await fanOut([one.url], session, ids[EDITORS] as string, fanSaves)));
  } finally {
    await stopInstance(one);
    rmSync(dir, { recursive: true, force: true });
  }

  const name = `tf_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await adminQuery(`create database ${name}`);
  } catch (error) {
    out.push({ section: SECTION, name: 'two instances on one PostgreSQL', value: Number.NaN, unit: '', note: `not run: PostgreSQL does not answer at ${ADMIN_URL} (${error instanceof Error ? error.message : String(error)})` });
    return out;
  }
  const a = await startInstance(databaseUrl(name));
  const b = await startInstance(databaseUrl(name)).catch(async (e: unknown) => {
    await stopInstance(a);
    throw e;
  });
  try {
    const session = await ownerSession(a.url);
    const ids = await createWorkflows(a.url, session, EDITORS + 1, 'bench');
    const alone = await saveLoad([a.url], session, ids.slice(0, 1), saves * 2, { think: false, warmup: 5 });
    const latencies = await saveLoad([a.url, b.url], session, ids.slice(0, EDITORS), saves, { think: true, warmup: 1 });
    out.push(...figures('two instances, one PostgreSQL', alone, latencies, await fanOut([a.url, b.url], session, ids[EDITORS] as string, fanSaves)));
  } finally {
    await Promise.all([stopInstance(a), stopInstance(b)]);
    await adminQuery(`drop database if exists ${name} with (force)`);
  }
  return out;
}
