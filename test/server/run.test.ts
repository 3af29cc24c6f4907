import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableStringify } from '../../src/document';
import { EXAMPLE_SCENARIOS } from '../../src/examples';
import { setUp, startTestServer, type Client, type TestServer } from './harness';

describe('POST /simulate bounds', () => {
  let server: TestServer;
  let admin: Client;

  beforeAll(async () => {
    server = await startTestServer('embedded', { runTimeLimitMs: 50 });
    admin = await setUp(server);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('stops a run that passes the time limit and answers 503', async () => {
    const answer = await admin.call('POST', '/simulate', { body: { scenario: 'email-ticket-life' } });
    expect(answer.status).toBe(503);
    expect(answer.json.type).toMatch(/time-limit$/);
    expect(answer.json.detail).toMatch(/0\.05 s/);
  }, 30_000);

  it('refuses a scenario with errors before running anything', async () => {
    const scenario = EXAMPLE_SCENARIOS[0]?.scenario;
    const broken = { ...scenario, start: 'not a time' };
    const answer = await admin.call('POST', '/simulate', { body: { scenario: JSON.parse(stableStringify(broken)) } });
    expect(answer.status).toBe(422);
    expect(answer.json.problems.length).toBeGreaterThan(0);
  });

  it('names a saved scenario that does not exist', async () => {
    const answer = await admin.call('POST', '/simulate', { body: { scenario: 'no-such-scenario' } });
    expect(answer.status).toBe(404);
    expect(answer.json.detail).toContain('no-such-scenario');
  });
});
