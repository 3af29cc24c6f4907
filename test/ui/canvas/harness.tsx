import { ReactFlowProvider } from '@xyflow/react';
import { render } from '@testing-library/react';
import type { WorkflowDocument } from '../../../src/model';
import { StoreProvider, type AppStore } from '../../../src/store/store';
import { Canvas } from '../../../src/ui/canvas/Canvas';
import { CommentBox } from '../../../src/ui/canvas/CommentBox';
import { DeleteDialogs } from '../../../src/ui/canvas/DeleteDialogs';
import { I18nProvider, type Language } from '../../../src/ui/i18n';
import { useShortcuts } from '../../../src/ui/shell/use-shortcuts';
import { storeWith } from '../../store/fixtures';

function Shortcuts({ store }: { store: AppStore }) {
  useShortcuts(store);
  return null;
}

/** Renders the canvas of a store holding the documents (the first one open), with its dialogs and shortcuts. */
export function renderCanvas(...docs: WorkflowDocument[]): AppStore {
  return renderCanvasIn('en', ...docs);
}

/** renderCanvas in a language of the UI. */
export function renderCanvasIn(lang: Language, ...docs: WorkflowDocument[]): AppStore {
  const store = storeWith(...docs);
  render(
    <StoreProvider store={store}>
      <I18nProvider lang={lang}>
        <ReactFlowProvider>
          <Shortcuts store={store} />
          <div style={{ width: 1000, height: 800 }}>
            <Canvas />
          </div>
          <CommentBox />
          <DeleteDialogs />
        </ReactFlowProvider>
      </I18nProvider>
    </StoreProvider>,
  );
  return store;
}
