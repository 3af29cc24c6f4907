import { expect, it } from 'vitest';
import { runMaintenance, EVENT_RETENTION_MS } from '../../src/server/maintenance';
import { accounts, events, rateLimits, sessions } from '../../src/storage';
import { describeEachDatabase } from '../storage/databases';

describeEachDatabase('runMaintenance', (get) => {
  it('drops expired sessions, closed rate-limit windows and events past their retention, and keeps the rest', async () => {
    const { db } = get();
    const now = new Date('2026-12-02T08:00:00Z');
    const account = await accounts.createAccount(db.orm, { email: 'm@example.com', name: 'M', passwordHash: 'x' });
    const expired = await sessions.createSession(db.orm, account.id, 1000, new Date(now.getTime() - 10_000));
    const live = await sessions.createSession(db.orm, account.id, 3600_000, now);
    await rateLimits.hitRateLimit(db.orm, 'old', 60_000, new Date(now.getTime() - 120_000));
    await rateLimits.hitRateLimit(db.orm, 'new', 60_000, now);
    const old = await events.appendEvent(db.orm, 'ws', 'presence', {}, { notify: false });
    const recent = await events.appendEvent(db.orm, 'ws', 'presence', {}, { notify: false });
    await db.rawTransaction((c) => c.query('update events set at = $1 where seq = $2', [new Date(now.getTime() - EVENT_RETENTION_MS - 1000).toISOString(), old.seq]));

    await runMaintenance(db, { rateWindowMs: 60_000, now });

    expect(await sessions.findSession(db.orm, expired.token, new Date(0))).toBeNull();
    expect(await sessions.findSession(db.orm, live.token, now)).not.toBeNull();
    const keys = await db.rawTransaction((c) => c.query<{ key: string }>('select key from rate_limits order by key'));
    expect(keys.map((k) => k.key)).toEqual(['new']);
    expect((await events.eventsAfter(db.orm, 'ws', 0)).map((e) => e.seq)).toEqual([recent.seq]);
  });
});

