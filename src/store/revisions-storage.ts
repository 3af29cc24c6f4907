import { documentProblems } from '../document';
import { isRecord } from '../document/json-pointer';
import { FORMATS, migrateDocument, type JsonObject } from '../document/migrations';
import { defaultWorkspace, RevisionSchema, WorkflowDocumentSchema, WorkspaceSchema, type Revision, type WorkflowDocument, type WorkflowVersions, type Workspace } from '../model';
import { idRecord } from './id-record';
import { addRevision, NO_VERSIONS, withoutMark, withPublished, type VersionState } from './revisions';

// The local revision store's pieces that persistence.ts uses: reading older stored documents, the
// IndexedDB upgrade that brings versions in, and seeding the examples with their live revisions.

/** The author of revisions the app makes by itself (the upgrade, the examples). */
const SYSTEM_AUTHOR = { id: null, name: 'Ticketflow' };

/**
 * A stored document of an older schemaVersion brought to the current one (journals and records written
 * before versions carry "enabled"); anything else is returned as it is, for the schema to judge.
 */
export function upgradeStoredDocument(value: unknown): unknown {
  if (!isRecord(value) || typeof value.schemaVersion !== 'number') return value;
  const info = FORMATS.workflow;
  if (value.schemaVersion >= info.current || !info.migrations.some((m) => m.from === value.schemaVersion)) return value;
  return migrateDocument(value as JsonObject, info).doc;
}

/** A workflow's versions in memory from its stored row and revision records. */
export function versionStateOf(row: WorkflowVersions | undefined, revisions: readonly Revision[]): VersionState | undefined {
  if (!row && !revisions.length) return undefined;
  const sorted = [...revisions].sort((a, b) => a.number - b.number);
  return { ...(row ?? NO_VERSIONS), revisions: sorted };
}

/**
 * The versions of a first start: each example is revision 1, live when its file says it was
 * (`revision.published`). The app's own examples, not an import: an imported file never publishes.
 */
export function seedVersions(documents: readonly WorkflowDocument[], at = new Date()): Record<string, VersionState> {
  const out = idRecord<VersionState>();
  for (const doc of documents) {
    const id = doc.workflow.id;
    const { state } = addRevision(undefined, id, withoutMark(doc), 'create', SYSTEM_AUTHOR, at);
    out[id] = doc.revision?.published ? withPublished(state, 1, SYSTEM_AUTHOR.name, at) : state;
  }
  return out;
}

/** What the versions upgrade did to one stored workflow. */
export interface UpgradedWorkflow {
  record: Record<string, unknown>;
  revision: Revision;
  /** It was on ("enabled": true) but has errors, so it is not live now: the user is told. */
  refused: boolean;
}

/**
 * The versions upgrade of one stored workflow record (IndexedDB version 1 → 2): its document loses
 * "enabled" (schemaVersion 3), it becomes revision 1, live if it was enabled AND valid against the
 * stored workspace; one that was enabled with errors stays a draft that is not live. Returns null for
 * a record this code cannot read (left untouched, as the load leaves it).
 */
export function upgradeWorkflowRecord(raw: unknown, workspace: Workspace, at: Date): UpgradedWorkflow | null {
  if (!isRecord(raw) || !isRecord(raw.doc)) return null;
  const wasOn = isRecord(raw.doc.workflow) && raw.doc.workflow.enabled === true;
  const parsed = WorkflowDocumentSchema.safeParse(upgradeStoredDocument(raw.doc));
  if (!parsed.success) return null;
  const doc = parsed.data;
  const id = doc.workflow.id;
  const { state, revision } = addRevision(undefined, id, doc, 'create', SYSTEM_AUTHOR, at, null);
  const valid = !documentProblems(doc, workspace).some((p) => p.severity === 'error');
  const live = wasOn && valid ? withPublished(state, 1, SYSTEM_AUTHOR.name, at) : state;
  const { revisions: _list, ...row } = live;
  return { record: { ...raw, doc, versions: row }, revision: RevisionSchema.parse(revision), refused: wasOn && !valid };
}

/** The workspace stored before the upgrade (the default one when none can be read). */
export function storedWorkspace(raw: unknown): Workspace {
  const parsed = WorkspaceSchema.safeParse(isRecord(raw) ? raw.workspace : undefined);
  return parsed.success ? parsed.data : defaultWorkspace();
}
