// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../src/ui/i18n';
import { CommentBadge, ReviewBanner } from '../../../src/ui/review/ReviewBanner';

afterEach(cleanup);

describe('ReviewBanner', () => {
  it('says the workflow is read-only and comments are allowed', () => {
    render(<ReviewBanner workflowName="Ticket closed email" openThreads={2} />);
    const banner = screen.getByRole('region', { name: 'Review mode' });
    expect(banner).toHaveTextContent('“Ticket closed email” is read-only here: you can read it and add comments, nothing else changes.');
    expect(banner).toHaveTextContent('2 open threads');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers the comments panel and a way out when given callbacks', async () => {
    const user = userEvent.setup();
    const onExit = vi.fn();
    const onShowComments = vi.fn();
    render(<ReviewBanner workflowName="W" openThreads={0} onExit={onExit} onShowComments={onShowComments} />);
    await user.click(screen.getByRole('button', { name: 'Show comments' }));
    await user.click(screen.getByRole('button', { name: 'Leave review mode' }));
    expect([onShowComments.mock.calls.length, onExit.mock.calls.length]).toEqual([1, 1]);
  });

  it('shows a workflow name with markup as text', () => {
    const { container } = render(<ReviewBanner workflowName="<img src=x>" openThreads={0} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container).toHaveTextContent('“<img src=x>”');
  });

  it('speaks Spanish', () => {
    render(
      <I18nProvider lang="es">
        <ReviewBanner workflowName="W" openThreads={1} />
      </I18nProvider>,
    );
    expect(screen.getByRole('region', { name: 'Modo revisión' })).toBeInTheDocument();
  });
});

describe('CommentBadge', () => {
  it('shows nothing without open threads', () => {
    const { container } = render(<CommentBadge count={0} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows the count with an accessible name and opens the comments', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    render(<CommentBadge count={3} onClick={onClick} />);
    await user.click(screen.getByRole('button', { name: '3 open comment threads' }));
    expect(onClick).toHaveBeenCalledOnce();
  });

  it.each([
    ['en', 1, '1 open comment thread'],
    ['fr', 1, '1 fil de commentaires ouvert'],
    ['fr', 2, '2 fils de commentaires ouverts'],
  ] as const)('says the count in the grammatical number of %s (%i)', (lang, count, label) => {
    render(
      <I18nProvider lang={lang}>
        <CommentBadge count={count} />
      </I18nProvider>,
    );
    expect(screen.getByRole('img', { name: label })).toBeInTheDocument();
  });
});
