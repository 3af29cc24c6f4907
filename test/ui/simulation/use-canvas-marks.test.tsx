// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useEdgeOnPath, useNodeMark } from '../../../src/ui/simulation/use-canvas-marks';
import { useSimulationStore } from '../../../src/ui/simulation/simulation-store';
import { chatScenario, workflows, workspace } from './fixtures';

const wf = 'wf-chat-ticket-acknowledge';
const inputs = { workspace, workflows, scenario: chatScenario() };

afterEach(() => act(() => useSimulationStore.getState().run('reset', inputs)));

// Rendering with jsdom on a machine shared with other test runs can take seconds.
describe('canvas marks', { timeout: 30_000 }, () => {
  it('mark the action being run and the steps of the selected ticket’s path', async () => {
    const email = renderHook(() => useNodeMark(wf, 'email-chat-received'));
    const notify = renderHook(() => useNodeMark(wf, 'notify-chat-tier1'));
    const trigger = renderHook(() => useNodeMark(wf, 'trigger'));
    const start = renderHook(() => useEdgeOnPath(wf, 'trigger', 'start'));
    expect(email.result.current).toBeNull();

    await act(() => useSimulationStore.getState().run('stepEvent', inputs));
    expect(email.result.current).toBe('active');
    expect(notify.result.current).toBeNull();

    await act(() => useSimulationStore.getState().run('stepAction', inputs));
    await act(() => useSimulationStore.getState().run('stepAction', inputs));
    expect(notify.result.current).toBe('active');
    expect(email.result.current).toBe('path');
    expect(trigger.result.current).toBe('path');
    expect(start.result.current).toBe(true);
  });

  it('mark nothing in another workflow, or when no workflow is open', async () => {
    await act(() => useSimulationStore.getState().run('stepEvent', inputs));
    expect(renderHook(() => useNodeMark('wf-other', 'email-chat-received')).result.current).toBeNull();
    expect(renderHook(() => useNodeMark(null, 'email-chat-received')).result.current).toBeNull();
    expect(renderHook(() => useEdgeOnPath(null, 'trigger', 'start')).result.current).toBe(false);
  });
});
