// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stableStringify } from '../../../src/document';
import { simulate } from '../../../src/engine';
import { inThreadClient } from '../../../src/ui/simulation/simulation-client';
import { SimulationPanel } from '../../../src/ui/simulation/SimulationPanel';
import { createSimulationStore } from '../../../src/ui/simulation/simulation-store';
import { renderIn } from '../i18n/render-in';
import { chatScenario, example, workflows, workspace } from './fixtures';

/** Captures what the panel offers as a download. */
function captureDownloads() {
  const files: { name: string; text: Promise<string> }[] = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    last = blob;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, text: last!.text() });
  });
  return files;
}

afterEach(() => vi.restoreAllMocks());

function setup() {
  const store = createSimulationStore(inThreadClient());
  const user = userEvent.setup();
  renderIn(<SimulationPanel workspace={workspace} workflows={workflows} currentWorkflowId={null} store={store} />);
  const upload = (text: string) =>
    user.upload(screen.getByLabelText('Import JSON', { selector: 'input' }), new File([text], 'scenario.json', { type: 'application/json' }));
  return { store, user, upload };
}

// Rendering with jsdom on a machine shared with other test runs can take seconds.
describe('the scenario library', { timeout: 30_000 }, () => {
  it('starts from an example and keeps its id free of clashes', async () => {
    const { store, user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Example' }), 'email-ticket-life.json');
    await user.click(screen.getByRole('button', { name: 'Add example' }));
    await user.click(screen.getByRole('button', { name: 'Add example' }));
    expect(store.getState().scenarios.map((s) => s.id)).toEqual(['email-ticket-life', 'email-ticket-life-1']);
    expect(store.getState().activeScenarioId).toBe('email-ticket-life-1');
  });

  it('imports a scenario file checked against the schema', async () => {
    const { store, upload } = setup();
    await upload(stableStringify(chatScenario()));
    await waitFor(() => expect(store.getState().scenarios.map((s) => s.id)).toEqual(['chat-question']));
    expect(screen.getByText('Imported "Chat question".')).toBeInTheDocument();
  });

  it('refuses a file that is not a valid scenario, saying what is wrong and where', async () => {
    const { store, upload } = setup();
    const broken = { ...chatScenario(), events: [{ type: 'teleport', at: '2026-01-05T09:00:00Z' }] };
    await upload(JSON.stringify(broken));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file was not imported:');
    expect(alert).toHaveTextContent('/events/0');
    await upload('{ not json');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('TF101'));
    expect(store.getState().scenarios).toEqual([]);
  });

  it('exports the scenario, and the trace in the shape of the command line’s simulate --json', async () => {
    const files = captureDownloads();
    const { store, user } = setup();
    store.getState().loadScenarios([example('email-ticket-life.json')]);
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(files[0]!.name).toBe('email-ticket-life.scenario.json');
    expect(await files[0]!.text).toBe(stableStringify(example('email-ticket-life.json')));
    await user.click(screen.getByRole('button', { name: 'Run to the end' }));
    await waitFor(() => expect(screen.getByText('Finished')).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Export trace' }));
    expect(files[1]!.name).toBe('email-ticket-life.trace.json');
    const trace = JSON.parse(await files[1]!.text);
    expect(Object.keys(trace)).toEqual(expect.arrayContaining(['tickets', 'outbox', 'notifications', 'trace', 'errors']));
    expect(await files[1]!.text).toBe(stableStringify(simulate({ workspace, workflows, scenario: example('email-ticket-life.json') })));
  });
});
