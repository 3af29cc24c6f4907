// @vitest-environment jsdom
import '../../setup-dom';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { example, openWorkflow, steps } from '../../store/fixtures';
import { renderCanvas } from './harness';

afterEach(cleanup);

const URGENT = 'wf-urgent-escalation';
const node = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;

describe('canvas tools', () => {
  it('find bubbles with Ctrl+F by text, kind or id, and step through the matches with Enter', async () => {
    const store = renderCanvas(example(URGENT));
    const user = userEvent.setup({ delay: null });
    await user.keyboard('{Control>}f{/Control}');
    const find = screen.getByRole('searchbox', { name: 'Find bubbles' });
    await user.type(find, 'notify');
    expect(screen.getByRole('search').textContent).toContain('1 of 2');
    expect(store.getState().selection).toEqual({ kind: 'action', id: 'notify-leads' });
    await user.keyboard('{Enter}');
    expect(store.getState().selection).toEqual({ kind: 'action', id: 'notify-owner-follow-up' });
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(store.getState().selection).toEqual({ kind: 'action', id: 'notify-leads' });
    await user.clear(find);
    await user.type(find, 'wait-one-day');
    expect(store.getState().selection).toEqual({ kind: 'action', id: 'wait-one-day' });
    await user.clear(find);
    await user.type(find, 'delay');
    expect(screen.getByRole('search').textContent).toContain('1 of 1');
    await user.clear(find);
    await user.type(find, 'no such bubble');
    expect(screen.getByRole('search').textContent).toContain('No bubble matches');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
  }, 30_000);

  it('pick several bubbles with shift-click and delete them in one undo step', async () => {
    const store = renderCanvas(example(URGENT));
    const user = userEvent.setup();
    fireEvent.click(node('notify-leads'));
    fireEvent.click(node('wait-one-day'), { shiftKey: true });
    const bar = screen.getByRole('toolbar', { name: '2 bubbles picked' });
    expect(node('notify-leads')).toHaveClass('selected');
    expect(node('wait-one-day')).toHaveClass('selected');
    await user.click(within(bar).getByRole('button', { name: 'Delete' }));
    expect(openWorkflow(store).actions.map((a) => a.id)).toEqual(['branch-priority', 'branch-still-open', 'notify-owner-follow-up']);
    expect(steps(store)).toBe(1);
    await user.keyboard('{Control>}z{/Control}');
    expect(openWorkflow(store).actions).toHaveLength(5);
  });

  it('take a shift-clicked bubble out of the picked ones again', async () => {
    renderCanvas(example(URGENT));
    const user = userEvent.setup();
    fireEvent.click(node('notify-leads'));
    fireEvent.click(node('wait-one-day'), { shiftKey: true });
    fireEvent.click(node('notify-owner-follow-up'), { shiftKey: true });
    expect(screen.getByRole('toolbar', { name: '3 bubbles picked' })).toBeInTheDocument();
    fireEvent.click(node('wait-one-day'), { shiftKey: true });
    expect(screen.getByRole('toolbar', { name: '2 bubbles picked' })).toBeInTheDocument();
    expect(node('wait-one-day')).not.toHaveClass('selected');
  });

  it('refuse to delete a branch among several picked bubbles, saying which choice it needs', async () => {
    const store = renderCanvas(example(URGENT));
    const user = userEvent.setup();
    // Without the delay, both paths of the first branch still lead somewhere: which one stays?
    fireEvent.click(node('branch-priority'));
    fireEvent.click(node('wait-one-day'), { shiftKey: true });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(openWorkflow(store).actions).toHaveLength(5);
    expect(store.getState().notices.at(-1)?.key).toBe('graph.KEEP_PATH_REQUIRED');
  });

  it('move several picked bubbles to a "+" as one run, in one undo step', async () => {
    const store = renderCanvas(example(URGENT));
    const user = userEvent.setup();
    fireEvent.click(node('notify-leads'));
    fireEvent.click(node('notify-owner-follow-up'), { shiftKey: true });
    await user.click(screen.getByRole('button', { name: 'Move' }));
    expect(screen.getByRole('status').textContent).toContain('move the 2 bubbles');
    await user.click(screen.getByRole('button', { name: 'Move the action here: at the start' }));
    const wf = openWorkflow(store);
    expect(wf.startActionId).toBe('notify-leads');
    expect(wf.actions.find((a) => a.id === 'notify-leads')).toMatchObject({ next: 'notify-owner-follow-up' });
    expect(steps(store)).toBe(1);
  });

  it('copy several picked bubbles as one chain of workflow JSON', async () => {
    const store = renderCanvas(example(URGENT));
    const user = userEvent.setup();
    fireEvent.click(node('notify-leads'));
    fireEvent.click(node('wait-one-day'), { shiftKey: true });
    let copied = '';
    const event = new Event('copy', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(event, 'clipboardData', { value: { setData: (_type: string, text: string) => (copied = text) } });
    act(() => {
      window.dispatchEvent(event);
    });
    const doc = JSON.parse(copied) as { workflow: { startActionId: string; actions: { id: string; next?: string | null }[] } };
    expect(doc.workflow.startActionId).toBe('notify-leads');
    expect(doc.workflow.actions.map((a) => [a.id, a.next])).toEqual([
      ['notify-leads', 'wait-one-day'],
      ['wait-one-day', null],
    ]);
    expect(store.getState().notices.at(-1)?.key).toBe('canvasTools.selection.copied');
  });

  it('close the overview map to a button and remember the choice', async () => {
    localStorage.clear();
    renderCanvas(example(URGENT));
    const user = userEvent.setup();
    expect(screen.getByRole('img', { name: 'Overview map' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hide the overview map' }));
    expect(screen.queryByRole('img', { name: 'Overview map' })).not.toBeInTheDocument();
    cleanup();
    renderCanvas(example(URGENT));
    expect(screen.queryByRole('img', { name: 'Overview map' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show the overview map' }));
    expect(screen.getByRole('img', { name: 'Overview map' })).toBeInTheDocument();
    localStorage.clear();
  });
});
