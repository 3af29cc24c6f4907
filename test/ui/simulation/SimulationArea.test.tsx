// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAppStore, StoreProvider } from '../../../src/store/store';
import { emptyHistory } from '../../../src/store/history';
import { seedVersions } from '../../../src/store/revisions-storage';
import { EXAMPLE_WORKFLOWS } from '../../../src/examples';
import { runWorkflows, SimulationArea } from '../../../src/ui/simulation/SimulationArea';
import { renderIn } from '../i18n/render-in';
import { workspace } from './fixtures';

const docs = EXAMPLE_WORKFLOWS.map((x) => x.document);
const documents = Object.fromEntries(docs.map((d) => [d.workflow.id, d]));
const order = docs.map((d) => d.workflow.id);

describe('runWorkflows', () => {
  const versions = seedVersions(docs);
  const open = order[3]!;
  const draft = { ...documents, [open]: { ...documents[open]!, workflow: { ...documents[open]!.workflow, name: 'Draft' } } };

  it('runs the live revision of each workflow, not its draft', () => {
    const run = runWorkflows(order, draft, versions, null);
    expect(run.map((w) => w.id)).toEqual(order);
    expect(run[3]!.name).toBe(documents[open]!.workflow.name);
  });

  it('leaves out a workflow with nothing live', () => {
    const { [order[0]!]: _off, ...rest } = versions;
    expect(runWorkflows(order, draft, rest, null).map((w) => w.id)).toEqual(order.slice(1));
  });

  it('runs the open draft in place of its live revision when asked', () => {
    const run = runWorkflows(order, draft, versions, open);
    expect(run.map((w) => w.id)).toEqual(order);
    expect(run[3]!.name).toBe('Draft');
  });

  it('runs the open draft of a workflow that is not live yet when asked', () => {
    const { [open]: _off, ...rest } = versions;
    expect(runWorkflows(order, draft, rest, open).find((w) => w.id === open)?.name).toBe('Draft');
  });
});

// Rendering with jsdom on a machine shared with other test runs can take seconds.
describe('SimulationArea', { timeout: 30_000 }, () => {
  it('offers the open workflow’s draft and revisions as versions to compare on one scenario', async () => {
    const store = createAppStore();
    const open = docs[3]!;
    store.getState().load({
      workspace,
      documents,
      order,
      openId: open.workflow.id,
      histories: Object.fromEntries(docs.map((d) => [d.workflow.id, emptyHistory()])),
      versions: seedVersions(docs),
    });
    store.getState().commit(open.workflow.id, { ...open, workflow: { ...open.workflow, name: 'Renamed' } }, { label: 'inspector.save' });
    store.getState().saveRevision(open.workflow.id);
    const user = userEvent.setup();
    renderIn(
      <StoreProvider store={store}>
        <SimulationArea />
      </StoreProvider>,
    );
    expect(screen.getByRole('radio', { name: 'The live revisions' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'The open draft in place of its live revision' }));
    expect(screen.getByRole('radio', { name: 'The open draft in place of its live revision' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'New empty' }));
    await user.click(screen.getByRole('tab', { name: 'Compare' }));
    const other = screen.getByRole('combobox', { name: 'Other version' });
    expect([...other.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['The draft', 'Revision 2', 'Revision 1 (live)']);
    const base = screen.getByRole('combobox', { name: 'Base version' });
    expect([...base.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Current', 'The draft', 'Revision 2', 'Revision 1 (live)']);
  });
});
