import { expect, it } from 'vitest';
import { accounts, rateLimits, tokens, workflows, workspace } from '../../src/storage';
import { describeEachDatabase } from './databases';

const input = (name: string) => ({ document: `{"name":"${name}"}`, name, kind: 'save' as const, message: null, author: null, authorName: 'Test' });

describeEachDatabase('workflows and revisions', (get) => {
  it('lets exactly one of several saves on the same base win, and tells the others the head', async () => {
    const { db } = get();
    await workspace.createWorkspace(db.orm, { id: 'ws', name: 'Team', settings: {} });
    await workflows.createWorkflow(db.orm, 'ws', 'wf', { ...input('first'), kind: 'create' });
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => db.orm.transaction((tx) => workflows.saveRevision(tx, 'ws', 'wf', 1, input(`save ${i}`)))),
    );
    const won = outcomes.filter((o) => o.ok);
    expect(won).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual(Array.from({ length: 7 }, () => ({ ok: false, reason: 'stale', current: 2 })));
    expect((await workflows.listRevisions(db.orm, 'ws', 'wf')).map((r) => [r.number, r.base])).toEqual([
      [2, 1],
      [1, null],
    ]);
  });

  it('says a save on a workflow that does not exist is missing', async () => {
    expect(await workflows.saveRevision(get().db.orm, 'ws', 'nope', 1, input('x'))).toEqual({ ok: false, reason: 'missing' });
  });

  it('brings a deleted workflow back with its history, unpublished', async () => {
    const { db } = get();
    const admin = await accounts.createAccount(db.orm, { email: 'admin@example.com', name: 'Admin', passwordHash: 'h' });
    expect(await workflows.publishRevision(db.orm, 'ws', 'wf', 2, admin.id)).toBe(true);
    expect(await workflows.deleteWorkflow(db.orm, 'ws', 'wf', admin.id)).toBe(true);
    expect(await workflows.getWorkflow(db.orm, 'ws', 'wf')).toBeNull();
    expect(await workflows.createWorkflow(db.orm, 'ws', 'wf', { ...input('again'), kind: 'create' })).toMatchObject({ number: 3, base: 2 });
    expect(await workflows.getWorkflow(db.orm, 'ws', 'wf')).toMatchObject({ head: 3, published: null });
    expect(await workflows.createWorkflow(db.orm, 'ws', 'wf', { ...input('twice'), kind: 'create' })).toBeNull();
  });
});

describeEachDatabase('accounts, invites, tokens and rate limits', (get) => {
  it('finds an account by its email whatever its case', async () => {
    const { db } = get();
    const made = await accounts.createAccount(db.orm, { email: ' Ada@Example.COM ', name: 'Ada', passwordHash: 'h' });
    expect(made.email).toBe('ada@example.com');
    expect((await accounts.findAccountForSignIn(db.orm, 'ADA@example.com'))?.id).toBe(made.id);
  });

  it('opens an invite until it expires or is used, and only once', async () => {
    const { db } = get();
    await workspace.createWorkspace(db.orm, { id: 'ws2', name: 'Team', settings: {} });
    const ada = await accounts.findAccountForSignIn(db.orm, 'ada@example.com');
    const now = new Date('2026-12-02T08:00:00Z');
    const invite = await accounts.createInvite(db.orm, { workspaceId: 'ws2', email: 'bo@example.com', role: 'viewer', createdBy: ada?.id ?? '', ttlMs: 60_000, now });
    expect(await accounts.findOpenInvite(db.orm, invite.token, new Date(now.getTime() + 61_000))).toBeNull();
    expect((await accounts.findOpenInvite(db.orm, invite.token, now))?.role).toBe('viewer');
    const [first, second] = await Promise.all([accounts.markInviteAccepted(db.orm, invite.token, ada?.id ?? ''), accounts.markInviteAccepted(db.orm, invite.token, ada?.id ?? '')]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await accounts.findOpenInvite(db.orm, invite.token, now)).toBeNull();
  });

  it('stores a token only as a hash and stops it when revoked', async () => {
    const { db } = get();
    const ada = await accounts.findAccountForSignIn(db.orm, 'ada@example.com');
    const made = await tokens.createToken(db.orm, { workspaceId: 'ws2', name: 'ci', scope: 'read', createdBy: ada?.id ?? '' });
    const stored = await db.rawTransaction((c) => c.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [made.id]));
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.token_hash).not.toContain(made.secret.slice(3));
    expect((await tokens.useToken(db.orm, made.secret))?.scope).toBe('read');
    expect(await tokens.revokeToken(db.orm, 'ws2', made.id)).toEqual({ name: 'ci' });
    expect(await tokens.useToken(db.orm, made.secret)).toBeNull();
  });

  it('counts attempts in a window, concurrent ones included, and starts again after it', async () => {
    const { db } = get();
    const now = new Date('2026-12-02T08:00:00Z');
    const counts = await Promise.all(Array.from({ length: 5 }, () => rateLimits.hitRateLimit(db.orm, 'k', 60_000, now)));
    expect(counts.map((c) => c.count).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await rateLimits.hitRateLimit(db.orm, 'k', 60_000, new Date(now.getTime() + 61_000))).count).toBe(1);
  });
});
