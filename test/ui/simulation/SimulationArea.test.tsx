// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAppStore, StoreProvider } from '../../../src/store/store';
import { emptyHistory } from '../../../src/store/history';
import { EXAMPLE_WORKFLOWS } from '../../../src/examples';
import { SimulationArea } from '../../../src/ui/simulation/SimulationArea';
import { renderIn } from '../i18n/render-in';
import { workspace } from './fixtures';

// Rendering with jsdom on a machine shared with other test runs can take seconds.
describe('SimulationArea', { timeout: 30_000 }, () => {
  it('runs against the store’s workspace and offers the open workflow’s undo steps as versions to compare', async () => {
    const store = createAppStore();
    const docs = EXAMPLE_WORKFLOWS.map((x) => x.document);
    const open = docs[3]!;
    store.getState().load({
      workspace,
      documents: Object.fromEntries(docs.map((d) => [d.workflow.id, d])),
      order: docs.map((d) => d.workflow.id),
      openId: open.workflow.id,
      histories: Object.fromEntries(docs.map((d) => [d.workflow.id, emptyHistory()])),
    });
    store.getState().commit(open.workflow.id, { ...open, workflow: { ...open.workflow, name: 'Renamed' } }, { label: 'inspector.save' });
    const user = userEvent.setup();
    renderIn(
      <StoreProvider store={store}>
        <SimulationArea />
      </StoreProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'New empty' }));
    await user.click(screen.getByRole('tab', { name: 'Compare' }));
    expect(screen.getByText(/with "Renamed" replaced by the version you choose/)).toBeInTheDocument();
    const versions = screen.getByRole('combobox', { name: 'Other version' });
    expect(versions.querySelectorAll('option')).toHaveLength(1);
    expect(versions.querySelector('option')!.textContent).toMatch(/^Version before the change ".+" \(1 back\)$/);
  });
});
