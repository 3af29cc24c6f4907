import { afterEach, describe, expect, it, vi } from 'vitest';
import { selectOpenUnchecked } from '../../src/store/selectors';
import { startValidation } from '../../src/store/validation-slice';
import { example, openWorkflow, storeWith } from './fixtures';

// In the app the schema validators arrive in a chunk of their own after first paint; here they are
// held back until a test lets them arrive, to see what the store does in between.
const validators = vi.hoisted(() => {
  let ready = false;
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = () => {
      ready = true;
      resolve();
    };
  });
  return { ready: () => ready, arrive: () => arrive(), arrived, requested: { count: 0 } };
});

vi.mock('../../src/document/schema-compile', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/document/schema-compile')>()),
  validatorsReady: () => validators.ready(),
  loadValidators: () => {
    validators.requested.count++;
    return validators.arrived;
  },
}));

const URGENT = 'wf-urgent-escalation';

describe('validation while the schema validators load', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });

  it('leaves every workflow unchecked, refuses to turn one on or paste, then checks them all once the validators arrive', async () => {
    const store = storeWith(example(URGENT), example('wf-ticket-received-email'));
    stops.push(startValidation(store, 250));
    expect(validators.requested.count).toBeGreaterThan(0);

    store.getState().validateNow();
    expect(store.getState().validation).toEqual({});
    expect(selectOpenUnchecked(store.getState())).toBe(true);

    expect(store.getState().publish(URGENT).ok).toBe(false);
    expect(store.getState().notices.at(-1)).toMatchObject({ key: 'notice.enableChecking' });
    expect(store.getState().versions[URGENT]?.published ?? null).toBeNull();

    const text = store.getState().copyAction('notify-leads')!;
    expect(store.getState().pasteText(text).ok).toBe(false);
    expect(store.getState().notices.at(-1)).toMatchObject({ key: 'notice.pasteRefused', params: { reason: expect.stringContaining('still loading') } });

    validators.arrive();
    await validators.arrived;
    await Promise.resolve();
    expect(Object.keys(store.getState().validation).sort()).toEqual(['wf-ticket-received-email', URGENT]);
    expect(selectOpenUnchecked(store.getState())).toBe(false);
    expect(store.getState().publish(URGENT).ok).toBe(true);
    expect(store.getState().pasteText(text).ok).toBe(true);
  });
});
