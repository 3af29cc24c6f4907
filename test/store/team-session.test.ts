import { describe, expect, it } from 'vitest';
import { createTeamSession, withPresence } from '../../src/store/team-session';

// Presence is keyed by workflow id, which a user chooses: ids spelled like Object.prototype members
// ("constructor", "toString", "__proto__") must read as "nobody here", never as an inherited function.
describe('team session presence', () => {
  it('has no one on a workflow whose id is an Object.prototype member, before and after updates', () => {
    const session = createTeamSession();
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(session.getState().presence[id]).toBeUndefined();
    const after = withPresence(session.getState().presence, 'valueOf', { accountId: 'a1', name: 'Ann', state: 'viewing' }, 1000);
    expect(after['constructor']).toBeUndefined();
    expect(after['toString']).toBeUndefined();
    expect(after['valueOf']).toEqual([{ accountId: 'a1', name: 'Ann', state: 'viewing', at: 1000 }]);
  });

  it('keeps a presence on a workflow named __proto__ as an own entry', () => {
    const out = withPresence(createTeamSession().getState().presence, '__proto__', { accountId: 'a1', name: 'Ann', state: 'editing' }, 5);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(out['__proto__']).toHaveLength(1);
    const moved = withPresence(out, 'constructor', { accountId: 'a1', name: 'Ann', state: 'viewing' }, 6);
    expect(Object.keys(moved)).toEqual(['constructor']);
  });
});
