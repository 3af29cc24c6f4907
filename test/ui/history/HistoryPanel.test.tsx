// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../../src/examples';
import { diffWorkflows } from '../../../src/graph';
import type { Revision, WorkflowDocument } from '../../../src/model';
import { createAppStore, StoreProvider } from '../../../src/store/store';
import { seedVersions } from '../../../src/store/revisions-storage';
import { HistoryPanel, type HistoryPanelProps } from '../../../src/ui/history/HistoryPanel';
import { VersionBar } from '../../../src/ui/history/VersionBar';
import { renderIn } from '../i18n/render-in';

const doc = EXAMPLE_WORKFLOWS.find((e) => e.document.workflow.id === 'wf-urgent-escalation')!.document;

function revision(number: number, changes: Partial<Revision>, document: WorkflowDocument = doc): Revision {
  return { workflowId: doc.workflow.id, number, base: number > 1 ? number - 1 : null, kind: 'save', author: null, authorName: 'Ana', createdAt: `2026-12-0${number}T09:00:00.000Z`, message: null, document, ...changes };
}

const twoDays: WorkflowDocument = { ...doc, workflow: { ...doc.workflow, actions: doc.workflow.actions.map((a) => (a.id === 'wait-one-day' && a.kind === 'delay' ? { ...a, wait: { type: 'duration', duration: { amount: 2, unit: 'days' } } } : a)) } };
const revisions = [revision(1, { kind: 'create' }), revision(2, { kind: 'publish', message: 'Wait two days' }, twoDays), revision(3, { kind: 'checkpoint' })];

function panel(props: Partial<HistoryPanelProps> = {}) {
  const calls = { onShow: vi.fn(), onAgainst: vi.fn(), onBack: vi.fn(), onRestore: vi.fn() };
  renderIn(<HistoryPanel revisions={revisions} published={2} everPublished={[1, 2]} view={null} diff={null} showAuthors={false} readOnly={false} {...calls} {...props} />);
  return { calls, user: userEvent.setup() };
}

describe('HistoryPanel', () => {
  it('lists each revision newest first with its number, kind, time, message and published mark', () => {
    panel();
    const items = within(screen.getByRole('list', { name: 'History' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')!.textContent)).toEqual(['Revision 3', 'Revision 2', 'Revision 1']);
    expect(within(items[1]!).getByText('Live')).toBeInTheDocument();
    expect(within(items[1]!).getByText('Wait two days')).toBeInTheDocument();
    expect(within(items[2]!).getByText('Was live')).toBeInTheDocument();
    expect(within(items[0]!).queryByText(/Live/)).toBeNull();
    expect(within(items[0]!).getByText('autosave checkpoint')).toBeInTheDocument();
    expect(items[0]!.querySelector('time')).toHaveAttribute('datetime', '2026-12-03T09:00:00.000Z');
  });

  it('names the author of each revision in team mode only', () => {
    panel({ showAuthors: true });
    expect(screen.getAllByText(/by Ana/)).toHaveLength(3);
  });

  it('hides authors in local mode', () => {
    panel();
    expect(screen.queryByText(/by Ana/)).toBeNull();
  });

  it('shows a revision when asked', async () => {
    const { calls, user } = panel();
    await user.click(screen.getByRole('button', { name: 'Show revision 2' }));
    expect(calls.onShow).toHaveBeenCalledWith(2);
  });

  it('lists the changed fields of the shown revision, and restores it or goes back to the draft', async () => {
    const diff = diffWorkflows(doc.workflow, twoDays.workflow);
    const { calls, user } = panel({ view: { workflowId: doc.workflow.id, number: 2, against: 'draft' }, diff });
    expect(screen.getByText('Showing revision 2, read-only, compared with the draft.')).toBeInTheDocument();
    const changed = screen.getByRole('region', { name: 'Changed' });
    expect(within(changed).getByText(/wait-one-day.*\/wait\/duration\/amount/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compare with' }), '1');
    expect(calls.onAgainst).toHaveBeenCalledWith(1);
    await user.click(screen.getByRole('button', { name: 'Restore revision 2' }));
    expect(calls.onRestore).toHaveBeenCalledWith(2);
    await user.click(screen.getByRole('button', { name: 'Back to the draft' }));
    expect(calls.onBack).toHaveBeenCalled();
  });

  it('offers no restore in review mode', () => {
    panel({ view: { workflowId: doc.workflow.id, number: 2, against: 'draft' }, diff: diffWorkflows(doc.workflow, doc.workflow), readOnly: true });
    expect(screen.queryByRole('button', { name: /^Restore/ })).toBeNull();
    expect(screen.getByText('No differences.')).toBeInTheDocument();
  });

  it('says how to make the first revision', () => {
    panel({ revisions: [] });
    expect(screen.getByText(/No revisions yet/)).toBeInTheDocument();
  });

  it('speaks the chosen language', () => {
    renderIn(<HistoryPanel revisions={revisions} published={2} everPublished={[2]} view={null} diff={null} showAuthors={false} readOnly={false} onShow={vi.fn()} onAgainst={vi.fn()} onBack={vi.fn()} onRestore={vi.fn()} />, 'fr');
    expect(screen.getByRole('list', { name: 'Historique' })).toBeInTheDocument();
  });
});

describe('VersionBar', () => {
  function bar() {
    const store = createAppStore();
    store.getState().load({ workspace: store.getState().workspace, documents: { [doc.workflow.id]: doc }, order: [doc.workflow.id], openId: doc.workflow.id, histories: {}, versions: seedVersions([doc]) });
    renderIn(
      <StoreProvider store={store}>
        <VersionBar />
      </StoreProvider>,
    );
    return store;
  }

  it('says what is live and what the draft holds', () => {
    const store = bar();
    expect(screen.getByRole('status')).toHaveTextContent('Live: revision 1 · draft: no changes');
    act(() => {
      store.getState().insertAt({ type: 'start' }, 'delay');
      store.getState().validateNow();
    });
    expect(screen.getByRole('status')).toHaveTextContent('Live: revision 1 · draft: 2 changes');
    act(() => {
      store.getState().insertAt({ type: 'start' }, 'webhook');
      store.getState().validateNow();
    });
    expect(screen.getByRole('status')).toHaveTextContent(/^Live: revision 1 · draft: 3 changes, \d+ errors?$/);
  });

  it('offers Unpublish while live and opens the publish dialog', async () => {
    const store = bar();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Publish/ }));
    expect(store.getState().versionDialog).toEqual({ type: 'publish', workflowId: doc.workflow.id });
    await user.click(screen.getByRole('button', { name: 'Unpublish' }));
    expect(store.getState().versions[doc.workflow.id]!.published).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(/^Not live · draft: /);
    expect(screen.queryByRole('button', { name: 'Unpublish' })).toBeNull();
  });
});
