// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../../src/document/codes';
import { namedMessage, ProblemsPanel } from '../../../src/ui/problems/ProblemsPanel';
import { renderIn } from '../i18n/render-in';
import { workflow, workspace } from '../inspector/fixtures';

const PROBLEMS: Problem[] = [
  { code: 'TF330', severity: 'warning', path: '/workflow/actions/6', actionId: 'hook', message: 'The webhook is never reached.' },
  { code: 'TF320', severity: 'error', path: '/workflow/actions/2/statusId', actionId: 'status', message: 'Status "x" does not exist.' },
  { code: 'TF301', severity: 'error', path: '/workflow/enrollment/triggers', message: 'The workflow has no trigger.' },
  { code: 'TF399', severity: 'error', path: '/workflow/actions/9', actionId: 'ghost', message: 'Something about a removed action.' },
];

function panel(problems: Problem[] = PROBLEMS) {
  const onSelect = vi.fn();
  renderIn(<ProblemsPanel problems={problems} onSelect={onSelect} workflow={workflow} workspace={workspace} />);
  return { onSelect, user: userEvent.setup() };
}

describe('ProblemsPanel', () => {
  it('groups problems by severity, errors first', () => {
    panel();
    const errors = screen.getByRole('list', { name: 'Errors (3)' });
    const warnings = screen.getByRole('list', { name: 'Warning (1)' });
    expect(within(errors).getAllByRole('button').map((b) => b.querySelector('code')!.textContent)).toEqual(['TF320', 'TF301', 'TF399']);
    expect(within(warnings).getAllByRole('button')).toHaveLength(1);
    expect(screen.getByText('3 errors · 1 warning')).toBeInTheDocument();
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows the code, what the problem concerns and the message', () => {
    panel();
    const [status, enrollment, ghost] = within(screen.getByRole('list', { name: 'Errors (3)' })).getAllByRole('button');
    expect(status).toHaveTextContent('TF320Set status → Waiting on usStatus "x" does not exist.');
    expect(enrollment).toHaveTextContent('TF301EnrollmentThe workflow has no trigger.');
    expect(ghost).toHaveTextContent('Action ghost');
  });

  it('selects a problem on click', async () => {
    const { onSelect, user } = panel();
    await user.click(screen.getByRole('button', { name: /The webhook is never reached/ }));
    expect(onSelect).toHaveBeenCalledWith(PROBLEMS[0]);
  });

  it('is one Tab stop, walked with the arrow keys, Home and End, and selects on Enter', async () => {
    const { onSelect, user } = panel();
    const items = screen.getAllByRole('button');
    expect(items.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    await user.tab();
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[3]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[3]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{End}{ArrowUp}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(PROBLEMS[3]);
    await user.tab({ shift: true });
    await user.tab();
    expect(items[2]).toHaveFocus();
  });

  it('says when there is nothing to fix', () => {
    panel([]);
    expect(screen.getByText('No problems found.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('says the workflow is being checked, not that it has no problems, before its first check', () => {
    renderIn(<ProblemsPanel problems={[]} onSelect={vi.fn()} checking />);
    expect(screen.getByRole('status')).toHaveTextContent('Checking for problems…');
    expect(screen.queryByText('No problems found.')).not.toBeInTheDocument();
  });

  it('names the actions a message quotes by their summary, with the id after it', () => {
    const quoting: Problem = { code: 'TF305', severity: 'error', path: '/workflow/actions/2', actionId: 'status', message: 'Action "status" can never run: no path from the start action leads to it.' };
    panel([quoting]);
    expect(screen.getByRole('button')).toHaveTextContent('Action "Set status → Waiting on us" (status) can never run');
    expect(namedMessage('Action "nowhere" is unknown.', (k) => k, workflow, workspace)).toBe('Action "nowhere" is unknown.');
  });

  it('names actions by their id without the workflow at hand', () => {
    renderIn(<ProblemsPanel problems={PROBLEMS.slice(1, 2)} onSelect={vi.fn()} />, 'es');
    expect(screen.getByRole('button')).toHaveTextContent('Acción status');
    expect(screen.getByRole('list', { name: 'Error (1)' })).toBeInTheDocument();
  });
});

describe('ProblemsPanel with a huge list', () => {
  it('draws at most 200 problems of a severity and counts the rest', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ code: 'TF322', severity: 'warning' as const, path: `/layout/positions/x${i}`, message: `m${i}` }));
    renderIn(<ProblemsPanel problems={many} onSelect={() => undefined} />);
    expect(screen.getAllByRole('button')).toHaveLength(200);
    expect(screen.getByText(/and 800 more/)).toBeTruthy();
  });
});
