// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { matchWorkflows, SEARCH_FROM, WorkflowList, type WorkflowListItem } from '../../../src/ui/workflows/WorkflowList';
import { renderIn } from '../i18n/render-in';

const WORKFLOWS: WorkflowListItem[] = [
  { id: 'wf-received', name: 'Ticket received email', enabled: true, problemCount: 0 },
  { id: 'wf-draft', name: 'Escalation draft', enabled: false, problemCount: 2 },
  { id: 'wf-broken', name: 'Broken but on', enabled: true, problemCount: 1 },
];

function list(openId: string | null = 'wf-received') {
  const calls = {
    onOpen: vi.fn(),
    onCreate: vi.fn(),
    onRename: vi.fn(),
    onDuplicate: vi.fn(),
    onDelete: vi.fn(),
    onToggleEnabled: vi.fn(),
  };
  renderIn(<WorkflowList workflows={WORKFLOWS} openId={openId} {...calls} />);
  return { calls, user: userEvent.setup() };
}

describe('WorkflowList', () => {
  it('marks the open workflow and opens another on click', async () => {
    const { calls, user } = list();
    expect(screen.getByRole('button', { name: 'Ticket received email' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Escalation draft' })).not.toHaveAttribute('aria-current');
    await user.click(screen.getByRole('button', { name: 'Escalation draft' }));
    expect(calls.onOpen).toHaveBeenCalledWith('wf-draft');
  });

  it('creates a workflow', async () => {
    const { calls, user } = list();
    await user.click(screen.getByRole('button', { name: 'New workflow' }));
    expect(calls.onCreate).toHaveBeenCalledTimes(1);
  });

  it('says when there are no workflows', () => {
    renderIn(
      <WorkflowList
        workflows={[]}
        openId={null}
        onOpen={vi.fn()}
        onCreate={vi.fn()}
        onRename={vi.fn()}
        onDuplicate={vi.fn()}
        onDelete={vi.fn()}
        onToggleEnabled={vi.fn()}
      />,
    );
    expect(screen.getByText('No workflows yet. Create one to start automating tickets.')).toBeInTheDocument();
  });

  describe('inline rename', () => {
    it('commits the trimmed name on Enter and gives focus back to the row', async () => {
      const { calls, user } = list();
      await user.click(screen.getByRole('button', { name: 'Rename "Escalation draft"' }));
      const field = screen.getByLabelText('New name for "Escalation draft"');
      expect(field).toHaveFocus();
      await user.clear(field);
      await user.type(field, '  Escalate VIPs {Enter}');
      expect(calls.onRename).toHaveBeenCalledExactlyOnceWith('wf-draft', 'Escalate VIPs');
      expect(screen.getByRole('button', { name: 'Escalation draft' })).toHaveFocus();
    });

    it('gives up on Escape', async () => {
      const { calls, user } = list();
      await user.click(screen.getByRole('button', { name: 'Rename "Escalation draft"' }));
      await user.type(screen.getByLabelText('New name for "Escalation draft"'), ' v2{Escape}');
      expect(calls.onRename).not.toHaveBeenCalled();
      expect(screen.queryByLabelText('New name for "Escalation draft"')).not.toBeInTheDocument();
    });

    it('refuses an empty name, explaining why, and keeps editing on Enter', async () => {
      const { calls, user } = list();
      await user.click(screen.getByRole('button', { name: 'Rename "Escalation draft"' }));
      const field = screen.getByLabelText('New name for "Escalation draft"');
      await user.clear(field);
      await user.type(field, '   {Enter}');
      expect(field).toHaveAccessibleDescription('A workflow needs a name.');
      expect(field).toBeInTheDocument();
      expect(calls.onRename).not.toHaveBeenCalled();
    });

    it('commits when the field loses focus', async () => {
      const { calls, user } = list();
      await user.click(screen.getByRole('button', { name: 'Rename "Escalation draft"' }));
      await user.type(screen.getByLabelText('New name for "Escalation draft"'), ' (old)');
      await user.click(screen.getByRole('button', { name: 'New workflow' }));
      expect(calls.onRename).toHaveBeenCalledExactlyOnceWith('wf-draft', 'Escalation draft (old)');
    });
  });

  it('duplicates a workflow', async () => {
    const { calls, user } = list();
    await user.click(screen.getByRole('button', { name: 'Duplicate "Ticket received email"' }));
    expect(calls.onDuplicate).toHaveBeenCalledWith('wf-received');
  });

  describe('delete', () => {
    it('asks first, and deletes only once confirmed', async () => {
      const { calls, user } = list();
      await user.click(screen.getByRole('button', { name: 'Delete "Escalation draft"' }));
      const dialog = screen.getByRole('alertdialog', { name: 'Delete workflow' });
      expect(dialog).toHaveTextContent('Delete the workflow "Escalation draft"?');
      expect(calls.onDelete).not.toHaveBeenCalled();
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
      expect(calls.onDelete).toHaveBeenCalledWith('wf-draft');
    });

    it('keeps the workflow when the question is dismissed', async () => {
      const { calls, user } = list();
      await user.click(screen.getByRole('button', { name: 'Delete "Escalation draft"' }));
      expect(screen.getByRole('button', { name: 'Keep it' })).toHaveFocus();
      await user.keyboard('{Enter}');
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Delete "Escalation draft"' }));
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(calls.onDelete).not.toHaveBeenCalled();
    });
  });

  describe('enable toggle', () => {
    it('turns a workflow off and on', async () => {
      const { calls, user } = list();
      await user.click(screen.getByRole('switch', { name: 'Turn on "Ticket received email"' }));
      expect(calls.onToggleEnabled).toHaveBeenCalledWith('wf-received', false);
    });

    it('cannot turn on a workflow with errors, and says why', async () => {
      const { calls, user } = list();
      const toggle = screen.getByRole('switch', { name: 'Turn on "Escalation draft"' });
      expect(toggle).toBeDisabled();
      expect(toggle).toHaveAccessibleDescription('Fix its 2 errors to turn it on.');
      expect(screen.getByText('2 errors')).toBeInTheDocument();
      await user.click(toggle);
      expect(calls.onToggleEnabled).not.toHaveBeenCalled();
    });

    it('can still turn off an enabled workflow that has errors', async () => {
      const { calls, user } = list();
      const toggle = screen.getByRole('switch', { name: 'Turn on "Broken but on"' });
      expect(toggle).toBeEnabled();
      expect(screen.getByText('1 error')).toBeInTheDocument();
      await user.click(toggle);
      expect(calls.onToggleEnabled).toHaveBeenCalledWith('wf-broken', false);
    });
  });

  it('speaks French', () => {
    renderIn(
      <WorkflowList
        workflows={WORKFLOWS}
        openId={null}
        onOpen={vi.fn()}
        onCreate={vi.fn()}
        onRename={vi.fn()}
        onDuplicate={vi.fn()}
        onDelete={vi.fn()}
        onToggleEnabled={vi.fn()}
      />,
      'fr',
    );
    expect(screen.getByRole('button', { name: 'Nouveau workflow' })).toBeInTheDocument();
    expect(screen.getByText('Corrigez ses 2 erreurs pour l’activer.')).toBeInTheDocument();
  });

  describe('search, once the list is longer than a screen', () => {
    const many: WorkflowListItem[] = Array.from({ length: SEARCH_FROM + 2 }, (_, i) => ({
      id: `wf-${i}`,
      name: i === 3 ? 'Résumé for the leads' : `Follow-up ${i}`,
      enabled: false,
      problemCount: 0,
    }));
    const names = () => [...document.querySelectorAll('.tf-wf-row__name')].map((b) => b.textContent);
    const calls = () => ({ onOpen: vi.fn(), onCreate: vi.fn(), onRename: vi.fn(), onDuplicate: vi.fn(), onDelete: vi.fn(), onToggleEnabled: vi.fn() });

    it('is not offered for a short list', () => {
      list();
      expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    });

    it('finds workflows by any words of their name or id, whatever the case and accents, and Escape clears it', async () => {
      renderIn(<WorkflowList workflows={many} openId={null} {...calls()} />);
      const user = userEvent.setup();
      const box = screen.getByRole('searchbox', { name: 'Search workflows' });
      await user.type(box, 'RESUME leads');
      expect(names()).toEqual(['Résumé for the leads']);
      expect(screen.getByText(`1 of ${many.length} workflows`)).toBeInTheDocument();
      await user.clear(box);
      await user.type(box, 'wf-1');
      expect(names()).toEqual(['Follow-up 1', 'Follow-up 10', 'Follow-up 11']);
      await user.keyboard('{Escape}');
      expect(box).toHaveValue('');
      expect(names()).toHaveLength(many.length);
    });

    it('says so when nothing matches', async () => {
      renderIn(<WorkflowList workflows={many} openId={null} {...calls()} />);
      await userEvent.setup().type(screen.getByRole('searchbox', { name: 'Search workflows' }), 'nothing like this');
      expect(screen.getByText('No workflow matches “nothing like this”.')).toBeInTheDocument();
    });

    it('keeps list order and matches every word', () => {
      expect(matchWorkflows(many, '  ').length).toBe(many.length);
      expect(matchWorkflows(many, 'follow 1').map((w) => w.id)).toEqual(['wf-1', 'wf-10', 'wf-11']);
    });
  });
});
