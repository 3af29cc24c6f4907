// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Inspector, sessionKey, type KeptDraft } from '../../../src/ui/inspector/Inspector';
import { renderIn } from '../i18n/render-in';
import { inspectorCallbacks, workflow, workspace } from './fixtures';

const STATUS = { kind: 'action', id: 'status' } as const;

function open(draft: KeptDraft | null) {
  const onDraftChange = vi.fn();
  const calls = inspectorCallbacks();
  const view = renderIn(
    <Inspector workspace={workspace} workflow={workflow} selection={STATUS} readOnly={false} {...calls} draft={draft} onDraftChange={onDraftChange} />,
  );
  return { onDraftChange, calls, view, user: userEvent.setup() };
}

describe('Inspector drafts kept outside the form', () => {
  it('reports the draft under its session key while it differs from the saved value, and null once saved', async () => {
    const { onDraftChange, user } = open(null);
    await user.selectOptions(screen.getByLabelText('Status'), 'New');
    expect(onDraftChange).toHaveBeenLastCalledWith(sessionKey(workflow.id, STATUS), expect.objectContaining({ id: 'status', kind: 'setStatus' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onDraftChange).toHaveBeenLastCalledWith(sessionKey(workflow.id, STATUS), null);
  });

  it('starts from a kept draft of the same session, unsaved, with Save and Cancel offered', async () => {
    const first = open(null);
    await first.user.selectOptions(screen.getByLabelText('Status'), 'New');
    const kept = first.onDraftChange.mock.lastCall![1] as unknown;
    first.view.unmount();

    const { calls, user } = open({ key: sessionKey(workflow.id, STATUS), value: kept });
    expect(screen.getByText('Unsaved changes.')).toBeInTheDocument();
    expect((screen.getByLabelText('Status') as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('New');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(calls.onChangeAction).toHaveBeenCalledWith(expect.objectContaining({ id: 'status', kind: 'setStatus' }));
  });

  it('ignores a kept draft of another session or one that no longer fits the action', () => {
    open({ key: sessionKey(workflow.id, { kind: 'action', id: 'notify' }), value: { id: 'notify', kind: 'notify' } });
    expect(screen.queryByText('Unsaved changes.')).not.toBeInTheDocument();
  });

  it('ignores a kept draft whose kind differs from the action now under that id', () => {
    open({ key: sessionKey(workflow.id, STATUS), value: { id: 'status', kind: 'delay', amount: 1 } });
    expect(screen.queryByText('Unsaved changes.')).not.toBeInTheDocument();
  });
});
