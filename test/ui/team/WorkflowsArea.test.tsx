// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../../src/examples';
import { StoreProvider } from '../../../src/store/store';
import { teamSession } from '../../../src/store/team-session';
import { I18nProvider } from '../../../src/ui/i18n';
import { WorkflowsArea } from '../../../src/ui/shell/WorkflowsArea';
import { storeWith } from '../../store/fixtures';

const docs = EXAMPLE_WORKFLOWS.slice(0, 2).map((e) => e.document);
const me = (role: 'admin' | 'reviewer') => ({ account: { id: 'acc-1', name: 'Ada', email: 'ada@example.com' }, role, workspace: { id: 'ws', name: 'Help desk' } });

afterEach(() => {
  cleanup();
  teamSession.setState({ mode: 'local', api: null, me: null, presence: {} });
});

function mount() {
  render(
    <StoreProvider store={storeWith(...docs)}>
      <I18nProvider lang="en">
        <WorkflowsArea />
      </I18nProvider>
    </StoreProvider>,
  );
}

describe('the workflow list in team mode', () => {
  it('offers a reviewer only to open workflows', () => {
    teamSession.setState({ mode: 'team', me: me('reviewer') });
    mount();
    expect(screen.getByRole('button', { name: docs[0]!.workflow.name })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New workflow' })).toBeNull();
    expect(screen.queryByRole('button', { name: `Rename "${docs[0]!.workflow.name}"` })).toBeNull();
  });

  it('offers an admin everything, as in local mode', () => {
    teamSession.setState({ mode: 'team', me: me('admin') });
    mount();
    expect(screen.getByRole('button', { name: `Rename "${docs[0]!.workflow.name}"` })).toBeInTheDocument();
  });

  it('shows who is on each workflow beside its name', () => {
    teamSession.setState({ mode: 'team', me: me('admin'), presence: { [docs[1]!.workflow.id]: [{ accountId: 'acc-2', name: 'Rui Reviewer', state: 'viewing', at: Date.now() }] } });
    mount();
    const avatar = screen.getByRole('img', { name: 'Rui Reviewer is viewing' });
    expect(avatar.closest('li')).toHaveTextContent(docs[1]!.workflow.name);
  });
});
