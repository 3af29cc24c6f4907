import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkflow } from '../../src/document';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import type { WorkflowDocument } from '../../src/model';
import { DATABASE_KINDS } from '../storage/databases';
import { Client, setUp, startTestServer, type TestServer } from './harness';

const BASE_DOC = EXAMPLE_WORKFLOWS[0]?.document as WorkflowDocument;

/** One save a client attempts: on which base (a revision it has seen), with a name that identifies it. */
interface Attempt {
  client: number;
  base: number;
  name: string;
}

for (const kind of DATABASE_KINDS) {
  describe(`concurrent saves (${kind})`, () => {
    let server: TestServer;
    let admin: Client;
    let run = 0;

    beforeAll(async () => {
      server = await startTestServer(kind, { seedExamples: false });
      admin = await setUp(server);
    }, 60_000);
    afterAll(async () => {
      await server.close();
    });

    it('stores every accepted revision, tells every refused save, and loses no update', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 8 }),
          fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }), { minLength: 2, maxLength: 5 }),
          async (clients, rounds) => {
            const id = `wf-race-${kind}-${run++}`;
            const created = await admin.call('POST', '/workflows', { raw: exportWorkflow({ ...BASE_DOC, workflow: { ...BASE_DOC.workflow, id } }) });
            expect(created.status).toBe(201);
            // What each client last saw as the head; a client picks a base at most `lag` revisions behind it.
            const seen = Array.from({ length: clients }, () => 1);
            const accepted: (Attempt & { number: number })[] = [];
            const refused: (Attempt & { current: number })[] = [];
            for (const [r, lags] of rounds.entries()) {
              const attempts: Attempt[] = seen.map((head, c) => ({ client: c, base: Math.max(1, head - (lags[c] ?? 0)), name: `save ${r}.${c}` }));
              const answers = await Promise.all(
                attempts.map((a) =>
                  admin.call('PUT', `/workflows/${id}`, {
                    raw: exportWorkflow({ ...BASE_DOC, workflow: { ...BASE_DOC.workflow, id, name: a.name } }),
                    headers: { 'if-match': `"${id}.r${a.base}"` },
                  }),
                ),
              );
              answers.forEach((answer, i) => {
                const a = attempts[i] as Attempt;
                if (answer.status === 200) {
                  accepted.push({ ...a, number: answer.json.revision.number });
                  seen[a.client] = answer.json.revision.number;
                } else {
                  expect(answer.status).toBe(409);
                  expect(answer.json.current).toBeGreaterThan(a.base);
                  refused.push({ ...a, current: answer.json.current });
                  seen[a.client] = answer.json.current;
                }
              });
            }
            const history = (await admin.call('GET', `/workflows/${id}/revisions`)).json as { head: number; revisions: { number: number; base: number | null }[] };
            // A straight line of revisions 1..head, each on the one before: nothing was overwritten.
            expect(history.revisions.map((r) => r.number)).toEqual(Array.from({ length: history.head }, (_, i) => history.head - i));
            expect(history.revisions.every((r) => r.base === (r.number === 1 ? null : r.number - 1))).toBe(true);
            expect(history.head).toBe(1 + accepted.length);
            for (const a of accepted) {
              expect(a.number).toBe(a.base + 1);
              const stored = JSON.parse((await admin.call('GET', `/workflows/${id}?revision=${a.number}`)).text) as WorkflowDocument;
              expect(stored.workflow.name).toBe(a.name);
            }
            const storedNames = new Set(accepted.map((a) => a.name));
            for (const r of refused) expect(storedNames.has(r.name)).toBe(false);
            expect(accepted.length + refused.length).toBe(rounds.length * clients);
          },
        ),
        { numRuns: 6 },
      );
    }, 180_000);
  });
}
