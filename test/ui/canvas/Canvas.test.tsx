// @vitest-environment jsdom
import '../../setup-dom';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { example, openWorkflow, steps } from '../../store/fixtures';
import { renderCanvas, renderCanvasIn } from './harness';

afterEach(cleanup);

const URGENT = 'wf-urgent-escalation';

describe('Canvas', () => {
  it('draws the trigger card and one bubble per action with its summary', () => {
    renderCanvas(example(URGENT));
    expect(screen.getByText('Ticket created')).toBeInTheDocument();
    expect(screen.getByText('Notify Support leads')).toBeInTheDocument();
    expect(document.querySelectorAll('.react-flow__node-action')).toHaveLength(5);
    expect(screen.getByText('Urgent')).toBeInTheDocument();
  });

  it('words the path labels the core gives in the UI language, and shows the ones users wrote as written', () => {
    renderCanvasIn('es', example(URGENT));
    expect(screen.getByText('En otro caso')).toBeInTheDocument();
    expect(screen.queryByText('Otherwise')).not.toBeInTheDocument();
    expect(screen.getByText('Urgent')).toBeInTheDocument();
  });

  it('adds an action from the kind picker of a "+" in one undo step', async () => {
    const store = renderCanvas(example(URGENT));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add an action after Delay (wait-one-day)' }));
    const picker = screen.getByRole('menu', { name: 'Add an action' });
    await user.click(within(picker).getByRole('menuitem', { name: 'Webhook' }));
    expect(openWorkflow(store).actions.filter((a) => a.kind === 'webhook')).toHaveLength(1);
    expect(steps(store)).toBe(1);
    expect(screen.queryByRole('menu', { name: 'Add an action' })).not.toBeInTheDocument();
  });

  it('shows kinds that cannot go at a point as disabled in the picker', async () => {
    renderCanvas(example(URGENT));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add an action after Delay (wait-one-day)' }));
    expect(screen.getByRole('menuitem', { name: /Go to/ })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: /^Delay$/ })).toHaveAttribute('aria-disabled', 'false');
  });

  it('asks before deleting an action and all following, naming how many go, and undoes with Ctrl+Z', async () => {
    const store = renderCanvas(example(URGENT));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Actions for Delay 1 day' }));
    await user.click(screen.getByRole('menuitem', { name: /Delete/ }));
    await user.click(screen.getByRole('menuitem', { name: 'This action and all following' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this action and all following?' });
    expect(within(dialog).getByText(/3 actions will be removed/)).toBeInTheDocument();
    // The actions that go are named by their summary, the id after it.
    const listed = within(dialog).getAllByRole('listitem').map((li) => li.textContent);
    expect(listed[0]).toMatch(/^Delay 1 day \(\S+\)$/);
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 actions' }));
    expect(openWorkflow(store).actions.map((a) => a.id)).toEqual(['branch-priority', 'notify-leads']);
    await user.keyboard('{Control>}z{/Control}');
    expect(openWorkflow(store).actions).toHaveLength(5);
  });

  it('asks which path a deleted branch keeps, saying how many actions go with each choice', async () => {
    const store = renderCanvas(example(URGENT));
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: /^Actions for Branch/ })[0]!);
    await user.click(screen.getByRole('menuitem', { name: /Delete/ }));
    await user.click(screen.getByRole('menuitem', { name: 'This action' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this branch?' });
    // Keeping "Otherwise" (the default choice): the branch and the urgent path's one action go.
    expect(within(dialog).getByText(/^2 actions will be removed/)).toBeInTheDocument();
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(2);
    await user.click(within(dialog).getByRole('radio', { name: 'Urgent' }));
    expect(within(dialog).getByText(/^4 actions will be removed/)).toBeInTheDocument();
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toContainEqual(expect.stringMatching(/^Delay 1 day \(wait-one-day\)$/));
    await user.click(within(dialog).getByRole('button', { name: 'Delete the branch (4 actions)' }));
    expect(openWorkflow(store).actions.map((a) => a.id)).toEqual(['notify-leads']);
  });

  it('offers no Clone on a branch', async () => {
    renderCanvas(example(URGENT));
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: /^Actions for Branch/ })[0]!);
    expect(screen.getByRole('menuitem', { name: 'Move' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Clone' })).not.toBeInTheDocument();
  });

  it('moves an action to the "+" picked after Move, and Escape leaves move mode', async () => {
    const store = renderCanvas(example(URGENT));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Actions for Notify ticket owner' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move' }));
    expect(store.getState().interaction).toEqual({ type: 'move', actionId: 'notify-owner-follow-up' });
    await user.keyboard('{Escape}');
    expect(store.getState().interaction).toEqual({ type: 'idle' });
    await user.click(screen.getByRole('button', { name: 'Actions for Notify ticket owner' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move' }));
    await user.click(screen.getByRole('button', { name: 'Move the action here: at the start' }));
    expect(openWorkflow(store).startActionId).toBe('notify-owner-follow-up');
    expect(steps(store)).toBe(1);
  });

  it('walks the graph with arrow keys and deletes the selected action with Delete', async () => {
    const store = renderCanvas(example(URGENT));
    const user = userEvent.setup();
    const node = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
    act(() => store.getState().select({ kind: 'trigger' }));
    node('trigger').focus();
    await user.keyboard('{ArrowDown}');
    expect(store.getState().selection).toEqual({ kind: 'action', id: 'branch-priority' });
    act(() => node('branch-priority').focus());
    await user.keyboard('{ArrowDown}');
    expect(store.getState().selection).toEqual({ kind: 'action', id: 'notify-leads' });
    act(() => node('notify-leads').focus());
    await user.keyboard('{ArrowRight}');
    expect(store.getState().selection).toEqual({ kind: 'action', id: 'wait-one-day' });
    act(() => node('wait-one-day').focus());
    await user.keyboard('{ArrowUp}');
    expect(store.getState().selection).toEqual({ kind: 'action', id: 'branch-priority' });
    act(() => store.getState().select({ kind: 'action', id: 'notify-leads' }));
    act(() => node('notify-leads').focus());
    await user.keyboard('{Delete}');
    expect(openWorkflow(store).actions.some((a) => a.id === 'notify-leads')).toBe(false);
  });

  it('in review mode offers comments only: no "+" and no editing commands', async () => {
    const store = renderCanvas(example(URGENT));
    act(() => store.getState().setReviewMode(true));
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: /^Add an action/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Actions for Delay 1 day' }));
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Comment']);
    await user.click(screen.getByRole('menuitem', { name: 'Comment' }));
    expect(screen.getByRole('dialog', { name: 'Comments on Delay 1 day' })).toBeInTheDocument();
  });

  it('inserts a kind dropped from the palette on a "+", and refuses a drop elsewhere with a message', () => {
    const store = renderCanvas(example(URGENT));
    const transfer = (kind: string) => ({ dataTransfer: { getData: () => kind, setData: () => {}, dropEffect: 'none' } });
    act(() => store.getState().setInteraction({ type: 'dragKind', kind: 'delay' }));
    fireEvent.drop(screen.getByRole('button', { name: 'Add an action at the start' }), transfer('delay'));
    expect(openWorkflow(store).actions.find((a) => a.id === openWorkflow(store).startActionId)?.kind).toBe('delay');
    expect(store.getState().interaction).toEqual({ type: 'idle' });

    act(() => store.getState().setInteraction({ type: 'dragKind', kind: 'webhook' }));
    fireEvent.drop(document.querySelector('.tf-canvas')!, transfer('webhook'));
    expect(openWorkflow(store).actions.some((a) => a.kind === 'webhook')).toBe(false);
    expect(store.getState().notices.at(-1)?.key).toBe('canvas.drop.nowhere');
  });

  it('refuses a go-to dropped in the middle of a path, naming why', () => {
    const store = renderCanvas(example(URGENT));
    act(() => store.getState().setInteraction({ type: 'dragKind', kind: 'goto' }));
    fireEvent.drop(screen.getByRole('button', { name: 'Add an action after Delay (wait-one-day)' }), {
      dataTransfer: { getData: () => 'goto', setData: () => {}, dropEffect: 'none' },
    });
    expect(openWorkflow(store).actions.some((a) => a.kind === 'goto')).toBe(false);
    expect(store.getState().notices.at(-1)?.key).toBe('graph.GOTO_MID_PATH');
  });

  it('refuses to paste clipboard text that is not a workflow', () => {
    const store = renderCanvas(example(URGENT));
    const event = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(event, 'clipboardData', { value: { getData: () => 'hello' } });
    act(() => {
      window.dispatchEvent(event);
    });
    expect(store.getState().notices.at(-1)?.key).toBe('notice.pasteRefused');
    expect(steps(store)).toBe(0);
  });
});
