// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportWorkflow } from '../../../src/document';
import { EXAMPLE_WORKFLOWS } from '../../../src/examples';
import { defaultWorkspace } from '../../../src/model';
import { OpenForReview } from '../../../src/ui/review/OpenForReview';

afterEach(cleanup);

const example = EXAMPLE_WORKFLOWS[0]!.document;

function setup(existingIds: string[] = []) {
  const onOpen = vi.fn();
  const { container } = render(<OpenForReview workspace={defaultWorkspace()} existingIds={existingIds} onOpen={onOpen} />);
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  return { onOpen, input, user: userEvent.setup() };
}

describe('OpenForReview', () => {
  it('hands a readable workflow file to the shell, under a new id when the workspace has it', async () => {
    const { onOpen, input, user } = setup([example.workflow.id]);
    await user.upload(input, new File([exportWorkflow(example, {})], 'flow.json', { type: 'application/json' }));
    await vi.waitFor(() => expect(onOpen).toHaveBeenCalledOnce());
    const [doc, details] = onOpen.mock.calls[0]!;
    expect(doc.workflow.id).toBe(`${example.workflow.id}-review`);
    expect(details.renamedFrom).toBe(example.workflow.id);
  });

  it('lists the problems of a file that cannot be read and opens nothing', async () => {
    const { onOpen, input, user } = setup();
    await user.upload(input, new File(['{"format":"ticketflow.workflow","schemaVersion":99}'], 'future.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“future.json” cannot be opened for review; nothing changed:');
    expect(alert.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('is reached with the keyboard through its button', async () => {
    const { user } = setup();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Open a file for review' })).toHaveFocus();
  });
});
