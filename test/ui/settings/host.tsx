import { cleanup, render } from '@testing-library/react';
import { useState, type ComponentType } from 'react';
import { afterEach, vi } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../../src/examples';
import { defaultWorkspace, type Workflow, type Workspace } from '../../../src/model';
import { I18nProvider, type Language } from '../../../src/ui/i18n';
import type { SettingsProps } from '../../../src/ui/settings/types';

afterEach(cleanup);

/** The example workflows, which use the default workspace's statuses, teams and templates. */
export const EXAMPLES: Workflow[] = EXAMPLE_WORKFLOWS.map((e) => e.document.workflow);

/**
 * Renders a settings component the way the store would own it: the workspace lives in state,
 * every emitted workspace is recorded, and the component re-renders with it.
 */
export function renderSettings<P extends SettingsProps>(
  Component: ComponentType<P>,
  extra: Omit<P, keyof SettingsProps> & { workflows?: Workflow[]; workspace?: Workspace; lang?: Language },
) {
  const emitted: Workspace[] = [];
  const onOpenWorkflow = vi.fn();
  const { workflows = EXAMPLES, workspace = defaultWorkspace(), lang = 'en', ...rest } = extra;
  function Host() {
    const [ws, setWs] = useState(workspace);
    const props = {
      ...rest,
      workspace: ws,
      workflows,
      onOpenWorkflow,
      onChange: (next: Workspace) => {
        emitted.push(next);
        setWs(next);
      },
    } as unknown as P; // rest is Omit<P, keyof SettingsProps>; TypeScript cannot prove the spread rebuilds P
    return (
      <I18nProvider lang={lang}>
        <Component {...props} />
      </I18nProvider>
    );
  }
  const view = render(<Host />);
  return { ...view, emitted, onOpenWorkflow, last: () => emitted[emitted.length - 1]! };
}
