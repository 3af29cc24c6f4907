// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LAYOUT_KEY, LAYOUT_LIMITS, startLayoutKeeping } from '../../../src/store/layout';
import { createAppStore, StoreProvider } from '../../../src/store/store';
import { Splitter } from '../../../src/ui/shell/Splitter';
import { memoryStorage } from '../../store/fixtures';

afterEach(cleanup);

function setup(panel: 'left' | 'right' | 'bottom') {
  const store = createAppStore();
  render(
    <StoreProvider store={store}>
      <Splitter panel={panel} />
    </StoreProvider>,
  );
  return { store, handle: screen.getByRole('separator'), user: userEvent.setup() };
}

describe('Splitter', () => {
  it('resizes the left panel with the arrow keys, Shift for bigger steps, within its bounds', async () => {
    const { store, handle, user } = setup('left');
    expect(handle).toHaveAttribute('aria-valuenow', '260');
    handle.focus();
    await user.keyboard('{ArrowRight}');
    expect(store.getState().layout.left).toBe(276);
    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(store.getState().layout.left).toBe(212);
    await user.keyboard('{End}');
    expect(store.getState().layout.left).toBe(LAYOUT_LIMITS.left.max);
    await user.keyboard('{Home}{ArrowLeft}');
    expect(store.getState().layout.left).toBe(LAYOUT_LIMITS.left.min);
  });

  it('grows the right panel to the left and the bottom panel upwards', async () => {
    const right = setup('right');
    right.handle.focus();
    await right.user.keyboard('{ArrowLeft}');
    expect(right.store.getState().layout.right).toBe(396);
    cleanup();
    const bottom = setup('bottom');
    expect(bottom.handle).toHaveAttribute('aria-orientation', 'horizontal');
    bottom.handle.focus();
    await bottom.user.keyboard('{ArrowUp}');
    expect(bottom.store.getState().layout.bottom).toBe(236);
  });
});

describe('startLayoutKeeping', () => {
  it('remembers the sizes and the maximised bottom panel, and restores them clamped', () => {
    const storage = memoryStorage();
    const first = createAppStore();
    const stop = startLayoutKeeping(first, storage);
    first.getState().resizePanel('right', 500);
    first.getState().setBottomMax(true);
    stop();
    expect(JSON.parse(storage.map.get(LAYOUT_KEY)!)).toMatchObject({ right: 500, bottomMax: true });

    storage.setItem(LAYOUT_KEY, JSON.stringify({ left: 99999, right: 500, bottom: 10, bottomMax: true }));
    const second = createAppStore();
    startLayoutKeeping(second, storage);
    expect(second.getState().layout).toEqual({ left: LAYOUT_LIMITS.left.max, right: 500, bottom: LAYOUT_LIMITS.bottom.min, bottomMax: true });
  });
});
