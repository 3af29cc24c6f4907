// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommentThread } from '../../../src/model';
import { addThread, replyToThread } from '../../../src/review/threads';
import { I18nProvider } from '../../../src/ui/i18n';
import { CommentThreads } from '../../../src/ui/review/CommentThreads';

afterEach(cleanup);

const T0 = '2026-01-05T09:00:00Z';

/** A tiny owner of the data, as the store would be: it keeps what the component emits. */
function Host({ initial = [], author: initialAuthor = 'Ana', lang = 'en' as const }: { initial?: CommentThread[]; author?: string; lang?: 'en' | 'fr' }) {
  const [comments, setComments] = useState(initial);
  const [author, setAuthor] = useState(initialAuthor);
  let tick = 0;
  return (
    <I18nProvider lang={lang}>
      <CommentThreads
        comments={comments}
        target="email-1"
        targetLabel="Send email: Ticket closed"
        author={author}
        now={() => `2026-01-05T10:0${tick++}:00Z`}
        onChange={setComments}
        onAuthorChange={setAuthor}
      />
      <output data-testid="json">{JSON.stringify(comments)}</output>
    </I18nProvider>
  );
}

const stored = (): CommentThread[] => JSON.parse(screen.getByTestId('json').textContent!);

function withThread(): CommentThread[] {
  let { comments } = addThread([], 'email-1', { author: 'Marco', at: T0, text: 'Is this the right template?' });
  comments = replyToThread(comments, 'c1', { author: 'Ana', at: T0, text: 'I think so' }).comments;
  return addThread(comments, 'other-action', { author: 'Marco', at: T0, text: 'Elsewhere' }).comments;
}

describe('CommentThreads', () => {
  it('shows only the threads of its bubble, with author, time and text', () => {
    render(<Host initial={withThread()} />);
    const thread = screen.getByRole('article', { name: 'Thread started by Marco' });
    expect(within(thread).getByText('Is this the right template?')).toBeInTheDocument();
    expect(within(thread).getAllByText('Marco')).toHaveLength(1);
    expect(thread.querySelector('time')).toHaveAttribute('datetime', T0);
    expect(screen.queryByText('Elsewhere')).not.toBeInTheDocument();
  });

  it('starts a thread on the bubble', async () => {
    const user = userEvent.setup();
    render(<Host />);
    expect(screen.getByText('No comments here yet.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('New comment'), 'Please use the closed template');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(stored()).toEqual([
      { id: 'c1', target: 'email-1', resolved: false, messages: [{ id: 'c1-m1', author: 'Ana', at: '2026-01-05T10:00:00Z', text: 'Please use the closed template' }] },
    ]);
    expect(screen.getByLabelText('New comment')).toHaveValue('');
  });

  it('sends with Ctrl+Enter', async () => {
    const user = userEvent.setup();
    render(<Host />);
    await user.type(screen.getByLabelText('New comment'), 'Quick note{Control>}{Enter}{/Control}');
    expect(stored()[0]!.messages[0]!.text).toBe('Quick note');
  });

  it('keeps the text and says why when a comment is empty', async () => {
    const user = userEvent.setup();
    render(<Host />);
    await user.type(screen.getByLabelText('New comment'), '   ');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Write something first.');
    expect(stored()).toEqual([]);
  });

  it('replies to a thread', async () => {
    const user = userEvent.setup();
    render(<Host initial={withThread()} />);
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await user.type(screen.getByLabelText('Reply to Marco'), 'Confirmed');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(stored()[0]!.messages.map((m) => m.text)).toEqual(['Is this the right template?', 'I think so', 'Confirmed']);
  });

  it("edits one's own comment and marks it edited", async () => {
    const user = userEvent.setup();
    render(<Host initial={withThread()} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const box = screen.getByLabelText('Edit your comment');
    await user.clear(box);
    await user.type(box, 'Yes, it is');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(stored()[0]!.messages[1]).toMatchObject({ text: 'Yes, it is', editedAt: '2026-01-05T10:00:00Z' });
    expect(screen.getByText('(edited)')).toBeInTheDocument();
  });

  it("offers edit and delete only on one's own comments", () => {
    render(<Host initial={withThread()} />);
    expect(screen.getAllByRole('button', { name: 'Edit' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Delete your comment' })).toHaveLength(1);
  });

  it("deletes one's own reply", async () => {
    const user = userEvent.setup();
    render(<Host initial={withThread()} />);
    await user.click(screen.getByRole('button', { name: 'Delete your comment' }));
    expect(stored()[0]!.messages.map((m) => m.author)).toEqual(['Marco']);
  });

  it('explains why a thread others replied to cannot be deleted', async () => {
    const user = userEvent.setup();
    render(<Host initial={withThread()} author="Marco" />);
    await user.click(screen.getByRole('button', { name: 'Delete your comment' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Others replied to this thread: resolve it instead of deleting it.');
    expect(stored()).toHaveLength(2);
  });

  it('resolves and reopens a thread', async () => {
    const user = userEvent.setup();
    render(<Host initial={withThread()} />);
    await user.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(stored()[0]!.resolved).toBe(true);
    expect(screen.getByText('Resolved')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reopen' }));
    expect(stored()[0]!.resolved).toBe(false);
  });

  it('asks for a profile name before the first comment', async () => {
    const user = userEvent.setup();
    render(<Host author="" />);
    expect(screen.queryByLabelText('New comment')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(screen.getByText('Set your name before commenting.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Your name'), '  Rita Reviewer ');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(screen.getByText('Commenting as Rita Reviewer')).toBeInTheDocument();
    await user.type(screen.getByLabelText('New comment'), 'Hello');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(stored()[0]!.messages[0]!.author).toBe('Rita Reviewer');
  });

  it('shows markup in a comment as text and never renders it', () => {
    const hostile = addThread([], 'email-1', { author: '<b>Eve</b>', at: T0, text: '<img src=x onerror="alert(1)"><script>alert(2)</script>' }).comments;
    const { container } = render(<Host initial={hostile} />);
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)"><script>alert(2)</script>')).toBeInTheDocument();
    expect(screen.getByText('<b>Eve</b>')).toBeInTheDocument();
  });

  it('speaks the UI language', () => {
    render(<Host initial={withThread()} lang="fr" />);
    expect(screen.getByRole('heading', { name: 'Commentaires sur Send email: Ticket closed' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Résoudre' })).toBeInTheDocument();
  });
});
