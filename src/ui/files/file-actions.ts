import { exportBundle, exportWorkflow, importBundle, importWorkflowValue, parseJsonSafely, BUNDLE_FORMAT, ENABLED_NOTE } from '../../document';
import { loadValidators } from '../../document/schema-validation';
import type { WorkflowDocument } from '../../model';
import type { AppStore } from '../../store/store';
import { selectViewedRevision } from '../../store/history-view';
import { withoutMark, withRevisionMark } from '../../store/revisions';
import { selectOpenDoc } from '../../store/selectors';
import { downloadText } from '../shell/download';
import { useImportState } from './import-state';
import { readDocumentFile } from './read-file';
import { scenariosForBundle, restoreScenarios } from './scenario-bridge';
import { hasId } from '../../store/id-record';
import { translate } from '../i18n/core';
import '../i18n/canvas';

/** A file name from a workflow name: lower-case words joined by dashes. */
export function fileSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'workflow'
  );
}

/** The open document as exported: marked with its revision when it is one (SPEC §10). */
function exportedOpenDoc(store: AppStore): WorkflowDocument | null {
  const s = store.getState();
  const doc = selectOpenDoc(s);
  if (!doc || s.preview) return doc;
  return withRevisionMark(doc, s.openId ? s.versions[s.openId] : undefined, selectViewedRevision(s)?.number ?? null);
}

/** Downloads the open workflow as `<name>.workflow.json` (the deterministic export). */
export function downloadOpenWorkflow(store: AppStore): void {
  const doc = exportedOpenDoc(store);
  if (doc) downloadText(`${fileSlug(doc.workflow.name)}.workflow.json`, exportWorkflow(doc));
}

/** Copies the open workflow's JSON to the clipboard, telling the user how it went. */
export async function copyOpenWorkflow(store: AppStore): Promise<void> {
  const s = store.getState();
  const doc = exportedOpenDoc(store);
  if (!doc) return;
  try {
    await navigator.clipboard.writeText(exportWorkflow(doc));
    s.notify({ tone: 'info', key: 'files.copied' });
  } catch (e) {
    s.notify({ tone: 'error', key: 'files.copyFailed', params: { reason: e instanceof Error ? e.message : String(e) } });
  }
}

/** Downloads the whole workspace (help desk, workflows, scenarios) as one bundle file. */
export function downloadWorkspaceBundle(store: AppStore): void {
  const s = store.getState();
  const workflows = s.order.flatMap((id) => (s.documents[id] ? [withRevisionMark(s.documents[id], s.versions[id])] : []));
  downloadText(`${fileSlug(s.workspace.name)}.bundle.json`, exportBundle({ workspace: s.workspace, workflows, scenarios: scenariosForBundle() }));
}

/**
 * What an import did: the migration's notes, and (SPEC §10) that importing never publishes — a file
 * that was on or live opens as a draft that is not live until the user publishes it.
 */
function announce(store: AppStore, source: string, notes: string[], migratedFrom: number | undefined, doc?: WorkflowDocument): void {
  const s = store.getState();
  if (doc && (doc.revision?.published || notes.includes(ENABLED_NOTE))) {
    s.notify({ tone: 'info', key: 'versions.import.notLive', params: { name: doc.workflow.name } });
  }
  if (migratedFrom !== undefined) {
    s.notify({ tone: 'info', key: 'files.migrated', params: { source, from: migratedFrom, notes: notes.join('; ') } });
  } else {
    s.notify({ tone: 'info', key: 'files.imported', params: { source } });
  }
}

/**
 * Imports a picked or dropped file: it is read with a bounded reader (at most the size limit plus one
 * byte) and decoded as the CLI decodes files, then imported as text. A file that cannot be read opens
 * the report; nothing open changes.
 */
export async function importFile(store: AppStore, file: Blob, source: string): Promise<void> {
  if (store.getState().reviewMode) {
    store.getState().notify({ tone: 'error', key: 'notice.readOnly' });
    return;
  }
  const read = await readDocumentFile(file);
  if (!read.ok) {
    useImportState.getState().set({ kind: 'report', source, problems: [read.problem] });
    return;
  }
  await importText(store, read.text, source);
}

/** Whether parsed JSON is a workspace bundle: decided by its "format" field, never by a substring. */
function isBundle(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { format?: unknown }).format === BUNDLE_FORMAT;
}

/**
 * Imports a file's text: a workflow document or a workspace bundle. Nothing open changes until the
 * file has been read cleanly; a bad file opens a report, an id already in use asks what to do.
 * Resolves once that is done (the first import may wait for the schema validators to load).
 */
export async function importText(store: AppStore, text: string, source: string): Promise<void> {
  await loadValidators();
  const s = store.getState();
  const pending = useImportState.getState();
  if (s.reviewMode) {
    s.notify({ tone: 'error', key: 'notice.readOnly' });
    return;
  }
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) {
    pending.set({ kind: 'report', source, problems: [parsed.problem] });
    return;
  }
  if (isBundle(parsed.value)) {
    const r = importBundle(text);
    if (!r.document) pending.set({ kind: 'report', source, problems: r.problems });
    else pending.set({ kind: 'bundle', source, bundle: r.document, notes: r.notes, text });
    return;
  }
  // Read once: the value parsed above is the document (a 20,000-action file takes a few hundred ms to parse).
  const r = importWorkflowValue(parsed.value, { workspace: s.workspace });
  if (!r.document) {
    pending.set({ kind: 'report', source, problems: r.problems });
    return;
  }
  const migratedFrom = r.migratedFrom ?? undefined;
  if (hasId(s.documents, r.document.workflow.id)) {
    pending.set({ kind: 'conflict', source, doc: r.document, notes: r.notes, migratedFrom });
    return;
  }
  pending.set(null);
  s.addDocument(withoutMark(r.document));
  s.recordRevision(r.document.workflow.id, 'import');
  announce(store, source, r.notes, migratedFrom, r.document);
}

/** Resolves an id conflict: replace the workflow (one undo step) or add the file as a copy. */
export function resolveConflict(store: AppStore, choice: 'replace' | 'copy'): void {
  const pending = useImportState.getState().pending;
  if (pending?.kind !== 'conflict') return;
  const s = store.getState();
  const id = pending.doc.workflow.id;
  if (choice === 'replace') {
    // The draft is replaced (one undo step); whatever revision is live stays live.
    s.openWorkflow(id);
    s.commit(id, withoutMark(pending.doc), { label: 'history.import' });
    s.recordRevision(id, 'import');
    announce(store, pending.source, pending.notes, pending.migratedFrom, pending.doc);
  } else {
    // The copy is named as a copy, so the list never shows two workflows under one name.
    const name = translate(s.language, 'shell.copyName', { name: pending.doc.workflow.name });
    const copyId = s.addCopy(withoutMark(pending.doc), name, undefined, { keepComments: true });
    s.openWorkflow(copyId);
    s.recordRevision(copyId, 'import');
    announce(store, pending.source, pending.notes, pending.migratedFrom, pending.doc);
  }
  useImportState.getState().set(null);
}

/** Replaces the workspace, its workflows and scenarios with a bundle's, after the user confirmed. */
export function applyBundle(store: AppStore): void {
  const pending = useImportState.getState().pending;
  if (pending?.kind !== 'bundle') return;
  // Every workflow of the bundle becomes a draft with one imported revision; none is live until published.
  store.getState().replaceAll(pending.bundle.workspace, pending.bundle.workflows.map(withoutMark));
  for (const doc of pending.bundle.workflows) store.getState().recordRevision(doc.workflow.id, 'import');
  restoreScenarios(pending.bundle.scenarios);
  store.getState().notify({ tone: 'info', key: 'files.bundleImported', params: { source: pending.source, count: pending.bundle.workflows.length } });
  useImportState.getState().set(null);
}
