import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { exportWorkflow } from '../../src/document';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import type { WorkflowDocument } from '../../src/model';
import { accounts, migrate, openDatabase, workflows, workspace, type Database } from '../../src/storage';
import { ADMIN_URL, createTestDatabase, DATABASE_KINDS } from '../storage/databases';
import { setUp, startTestServer } from './harness';
import { openStream } from './sse';

const DOC = EXAMPLE_WORKFLOWS[0]?.document as WorkflowDocument;
const FIXTURE = new URL('./fixtures/save-and-hang.ts', import.meta.url).pathname;

async function seedWorkflow(db: Database): Promise<void> {
  const account = await accounts.createAccount(db.orm, { email: 'ada@example.com', name: 'Ada', passwordHash: 'x' });
  await workspace.createWorkspace(db.orm, { id: 'ws', name: 'Team', settings: {} });
  await workflows.createWorkflow(db.orm, 'ws', 'wf', { document: exportWorkflow(DOC), name: 'First', kind: 'create', message: null, author: account.id, authorName: 'Ada' });
}

/** Runs the fixture, waits until it is inside its transaction, and kills it with SIGKILL. */
async function killMidSave(target: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, target, 'ws', 'wf'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('in-transaction')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the saving process ended (${code}) before its transaction: ${err}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return out;
}

describe('a server killed mid-save', () => {
  it('leaves no partial revision in the embedded database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-kill-'));
    try {
      let db = await openDatabase({ dataDir: dir });
      await migrate(db);
      await seedWorkflow(db);
      await db.close();
      const said = await killMidSave(dir);
      expect(said).toMatch(/"number":2/);
      db = await openDatabase({ dataDir: dir });
      expect((await workflows.getWorkflow(db.orm, 'ws', 'wf'))?.head).toBe(1);
      expect((await workflows.listRevisions(db.orm, 'ws', 'wf')).map((r) => r.number)).toEqual([1]);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  if (DATABASE_KINDS.includes('postgres')) {
    it('leaves no partial revision in PostgreSQL', async () => {
      const t = await createTestDatabase('postgres');
      try {
        await seedWorkflow(t.db);
        const said = await killMidSave(t.url ?? '');
        expect(said).toMatch(/"number":2/);
        expect((await workflows.getWorkflow(t.db.orm, 'ws', 'wf'))?.head).toBe(1);
        expect((await workflows.listRevisions(t.db.orm, 'ws', 'wf')).map((r) => r.number)).toEqual([1]);
      } finally {
        await t.drop();
      }
    }, 120_000);
  }

  it('rolls a save back whole when it fails inside its transaction', async () => {
    const t = await createTestDatabase('embedded');
    try {
      await seedWorkflow(t.db);
      await expect(
        t.db.orm.transaction(async (tx) => {
          await workflows.saveRevision(tx, 'ws', 'wf', 1, { document: '{}', name: 'Half', kind: 'save', message: null, author: null, authorName: 'x' });
          throw new Error('the process stops here');
        }),
      ).rejects.toThrow('the process stops here');
      expect((await workflows.getWorkflow(t.db.orm, 'ws', 'wf'))?.head).toBe(1);
      expect(await workflows.getRevision(t.db.orm, 'ws', 'wf', 2)).toBeNull();
    } finally {
      await t.drop();
    }
  }, 60_000);
});

if (DATABASE_KINDS.includes('postgres')) {
  describe('a dropped PostgreSQL connection', () => {
    it('is reconnected, and open streams get the events made meanwhile', async () => {
      const server = await startTestServer('postgres', { seedExamples: false });
      const dbName = new URL(server.database.url ?? '').pathname.slice(1);
      const admin = await setUp(server);
      const id = DOC.workflow.id;
      expect((await admin.call('POST', '/workflows', { raw: exportWorkflow(DOC) })).status).toBe(201);
      const stream = await openStream(admin);
      const killer = new pg.Client({ connectionString: ADMIN_URL });
      await killer.connect();
      try {
        const killed = await killer.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);
        expect(killed.rowCount).toBeGreaterThan(0);
        // Every connection of the server is gone, the LISTEN one included; the next save still lands.
        const saved = await admin.call('PUT', `/workflows/${id}`, { raw: exportWorkflow({ ...DOC, workflow: { ...DOC.workflow, name: 'After the drop' } }), headers: { 'if-match': '1' } });
        expect(saved.status).toBe(200);
        const event = await stream.next((e) => e.type === 'workflow.saved' && e.data.revision === 2, 10_000);
        expect(event.data.workflowId).toBe(id);
        // And the stream keeps going afterwards.
        await admin.call('PUT', `/workflows/${id}`, { raw: exportWorkflow(DOC), headers: { 'if-match': '2' } });
        await stream.next((e) => e.type === 'workflow.saved' && e.data.revision === 3, 10_000);
      } finally {
        stream.close();
        await killer.end();
        await server.close();
      }
    }, 120_000);
  });
}
