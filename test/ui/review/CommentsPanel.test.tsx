// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommentThread } from '../../../src/model';
import { addThread, resolveThread } from '../../../src/review/threads';
import { CommentsPanel } from '../../../src/ui/review/CommentsPanel';

afterEach(cleanup);

const T0 = '2026-01-05T09:00:00Z';
const targets = [
  { id: 'trigger', label: 'Enrollment trigger' },
  { id: 'email-1', label: 'Send email: Ticket closed' },
  { id: 'notify-1', label: 'Notify Tier 1' },
];

function sample(): CommentThread[] {
  let c = addThread([], 'notify-1', { author: 'Marco', at: T0, text: 'Add the owner too?' }).comments;
  c = addThread(c, 'trigger', { author: 'Ana', at: T0, text: 'Include chat?' }).comments;
  c = addThread(c, 'email-1', { author: 'Ana', at: T0, text: 'Template ok' }).comments;
  c = addThread(c, 'gone-action', { author: 'Ana', at: T0, text: 'Left over' }).comments;
  return resolveThread(c, 'c3');
}

function Host({ onJump = () => undefined }: { onJump?: (id: string) => void }) {
  const [comments, setComments] = useState(sample());
  return (
    <>
      <CommentsPanel
        comments={comments}
        targets={targets}
        author="Ana"
        now={() => T0}
        onChange={setComments}
        onAuthorChange={() => undefined}
        onJump={onJump}
      />
      <output data-testid="json">{JSON.stringify(comments)}</output>
    </>
  );
}

const groupNames = () => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('CommentsPanel', () => {
  it('lists open threads by bubble in reading order, leftovers of removed actions last', () => {
    render(<Host />);
    expect(groupNames()).toEqual(['Enrollment trigger', 'Notify Tier 1', 'Removed action gone-action']);
    expect(screen.getByText('Open: 3 · Resolved: 1')).toBeInTheDocument();
  });

  it('filters resolved and all threads', async () => {
    const user = userEvent.setup();
    render(<Host />);
    await user.click(screen.getByRole('button', { name: 'Resolved' }));
    expect(groupNames()).toEqual(['Send email: Ticket closed']);
    await user.click(screen.getByRole('button', { name: 'All' }));
    expect(groupNames()).toEqual(['Enrollment trigger', 'Send email: Ticket closed', 'Notify Tier 1', 'Removed action gone-action']);
  });

  it('jumps to the bubble of a group', async () => {
    const user = userEvent.setup();
    const onJump = vi.fn();
    render(<Host onJump={onJump} />);
    await user.click(screen.getByRole('button', { name: 'Notify Tier 1' }));
    await user.click(screen.getByRole('button', { name: 'Enrollment trigger' }));
    expect(onJump.mock.calls).toEqual([['notify-1'], ['trigger']]);
    expect(screen.queryByRole('button', { name: /Removed action/ })).not.toBeInTheDocument();
  });

  it('resolves a thread, which then leaves the open list', async () => {
    const user = userEvent.setup();
    render(<Host />);
    const group = screen.getByRole('region', { name: 'Notify Tier 1' });
    await user.click(within(group).getByRole('button', { name: 'Resolve' }));
    expect(groupNames()).toEqual(['Enrollment trigger', 'Removed action gone-action']);
    expect(JSON.parse(screen.getByTestId('json').textContent!)[0].resolved).toBe(true);
  });

  it('says when the workflow has no comments', () => {
    render(<CommentsPanel comments={[]} targets={targets} author="" now={() => T0} onChange={() => undefined} onAuthorChange={() => undefined} onJump={() => undefined} />);
    expect(screen.getByText('No comments in this workflow.')).toBeInTheDocument();
  });
});
