/**
 * Bundles Monaco with Vite, workers included, and hands it to @monaco-editor/react before the
 * first editor mounts, so the default CDN loader is never used and no request leaves the machine.
 * Only the editor core, its contributions and the JSON language are loaded (not every language).
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import workflowSchema from '../../../schemas/workflow.schema.json';

/** The file name pattern the published workflow schema is attached to. */
export const WORKFLOW_MODEL_PATH = 'file:///open.workflow.json';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: [{ uri: (workflowSchema as { $id: string }).$id, fileMatch: ['*.workflow.json'], schema: workflowSchema }],
});

loader.config({ monaco });

export { monaco };
