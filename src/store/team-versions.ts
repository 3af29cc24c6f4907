/**
 * Versions in team mode: the server keeps the revisions, so the history list (with authors), an
 * explicit save with its message, a restore, publish and unpublish go through its routes
 * (GET …/revisions, GET …?revision=N, PUT with If-Match and `?kind=&message=`, POST/DELETE …/publish),
 * and the store's `versions` follow what it answers. A refusal is notified with its first problem.
 */
import { exportWorkflow, type Problem } from '../document';
import { WorkflowDocumentSchema, type Revision, type RevisionKind, type WorkflowDocument } from '../model';
import type { RemoteVersions } from './revisions-slice';
import { revisionDocument, sameContent, withoutPublished, type VersionState } from './revisions';
import type { AppStore } from './store';
import { ApiError, revisionFromEtag, revisionNumber, workflowEtag, type TeamApi } from './team-api';
import { withId } from './id-record';

/** How many of the newest revisions the history shows with their documents (the live one always). */
export const TEAM_HISTORY_LIMIT = 40;

interface RevisionRow {
  number: number;
  base: number | null;
  kind: RevisionKind;
  author: string | null;
  authorName: string;
  createdAt: string;
  message: string | null;
}

interface RevisionsBody {
  head: number;
  published: number | null;
  revisions: RevisionRow[];
}

export interface TeamVersionsDeps {
  api: TeamApi;
  store: AppStore;
  /** The head revision this page knows the server holds per workflow. */
  heads: Map<string, number>;
  /** Records a document the server now holds as the head (so the autosave does not send it again). */
  saved(id: string, doc: WorkflowDocument, revision: number): void;
  /** Sends what autosave has not sent yet, and waits for it. */
  flush(): Promise<void>;
  conflict(id: string, theirRevision: number): void;
}

export function teamVersions(deps: TeamVersionsDeps): { remote: RemoteVersions; refresh(id: string): Promise<void> } {
  const { api, store, heads } = deps;
  // Revisions never change once stored: their documents are fetched once.
  const documents = new Map<string, WorkflowDocument>();
  const path = (id: string) => `/workflows/${encodeURIComponent(id)}`;
  const notify = (tone: 'info' | 'error', key: string, params?: Record<string, string | number>) => store.getState().notify({ tone, key, params });

  async function revisionDocumentOf(id: string, number: number): Promise<WorkflowDocument | null> {
    const key = `${id}\u0000${number}`;
    const known = documents.get(key);
    if (known) return known;
    const r = await api.get<unknown>(`${path(id)}?revision=${number}`);
    const parsed = WorkflowDocumentSchema.safeParse(r.body);
    if (!parsed.success) return null;
    const doc = revisionDocument(parsed.data);
    documents.set(key, doc);
    return doc;
  }

  async function refresh(id: string): Promise<void> {
    const r = await api.get<RevisionsBody>(`${path(id)}/revisions`);
    const body = r.body;
    const shown = body.revisions.filter((row, i) => i < TEAM_HISTORY_LIMIT || row.number === body.published);
    const revisions: Revision[] = [];
    for (const row of shown) {
      const document = await revisionDocumentOf(id, row.number);
      if (!document) continue;
      revisions.push({ workflowId: id, number: row.number, base: row.base, kind: row.kind, author: row.author, authorName: row.authorName, createdAt: row.createdAt, message: row.message, document });
    }
    revisions.sort((a, b) => a.number - b.number);
    const live = body.revisions.find((row) => row.number === body.published);
    const before = store.getState().versions[id];
    const everPublished = [...new Set([...(before?.everPublished ?? []), ...(body.published === null ? [] : [body.published])])];
    const state: VersionState = {
      head: body.head,
      published: body.published,
      publishedAt: body.published === null ? null : (before?.published === body.published ? before.publishedAt : null) ?? live?.createdAt ?? null,
      publishedBy: body.published === null ? null : (before?.published === body.published ? before.publishedBy : null) ?? live?.authorName ?? null,
      everPublished,
      revisions,
    };
    store.setState({ versions: withId(store.getState().versions, id, state) });
  }

  /** Stores the draft as a revision of `kind` on the head this page knows; its number, or null when refused. */
  async function saveDraft(id: string, kind: 'save' | 'restore' | 'publish', message: string | null): Promise<number | null> {
    const doc = store.getState().documents[id];
    const base = heads.get(id);
    if (!doc || base === undefined) return base ?? null;
    const query = new URLSearchParams({ kind });
    if (message) query.set('message', message);
    try {
      const r = await api.put<unknown>(`${path(id)}?${query}`, exportWorkflow(doc, { comments: false }), { ifMatch: workflowEtag(id, base) });
      const number = revisionNumber(r.body) ?? revisionFromEtag(r.headers.get('etag')) ?? base + 1;
      deps.saved(id, doc, number);
      return number;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) deps.conflict(id, revisionNumber(error.body) ?? 0);
      else notify('error', 'team.refused.invalid', { name: doc.workflow.name, detail: error instanceof ApiError ? (error.problem.problems?.[0]?.message ?? error.message) : String(error) });
      return null;
    }
  }

  function draftIsHead(id: string): boolean {
    const s = store.getState();
    const head = s.versions[id]?.revisions.find((r) => r.number === heads.get(id));
    const doc = s.documents[id];
    return !!doc && !!head && sameContent(head.document, doc);
  }

  const run = (what: Promise<void>) => what.catch((error: unknown) => notify('error', 'team.refused.invalid', { name: '', detail: error instanceof Error ? error.message : String(error) }));

  const remote: RemoteVersions = {
    save(id, kind, message) {
      void run(
        (async () => {
          await deps.flush();
          if (kind === 'save' && !message && draftIsHead(id)) {
            notify('error', 'versions.save.nothing');
            return;
          }
          const number = await saveDraft(id, kind, message);
          if (number === null) return;
          await refresh(id);
          if (kind === 'save') notify('info', 'versions.saved', { number });
        })(),
      );
    },
    publish(id, message) {
      void run(
        (async () => {
          await deps.flush();
          // A message names a revision of its own; without one the head autosave sent is published.
          const number = message ? await saveDraft(id, 'publish', message) : (heads.get(id) ?? null);
          if (number === null) return;
          try {
            await api.post(`${path(id)}/publish`, { revision: number });
          } catch (error) {
            if (!(error instanceof ApiError) || error.status !== 422) throw error;
            const problems = error.problem.problems ?? [];
            const first = problems[0];
            store.getState().notify({
              tone: 'error',
              key: 'versions.publish.refused',
              params: { count: problems.length, first: first?.message ?? error.message },
              ...(first?.code ? { problem: first as Problem } : {}),
            });
            return;
          }
          await refresh(id);
          notify('info', 'versions.published', { number });
        })(),
      );
    },
    unpublish(id) {
      // Nothing changes on the page until the server has answered: then the workflow is off and the
      // notice says so; a refusal or no answer says that instead, and the workflow stays live.
      void run(
        (async () => {
          try {
            await api.delete(`${path(id)}/publish`);
          } catch (error) {
            if (error instanceof ApiError && error.offline) notify('error', 'versions.unpublish.offline');
            else notify('error', 'versions.unpublish.failed', { detail: error instanceof Error ? error.message : String(error) });
            return;
          }
          const state = store.getState().versions[id];
          if (state) store.setState({ versions: withId(store.getState().versions, id, withoutPublished(state)) });
          notify('info', 'versions.unpublished');
          await refresh(id);
        })(),
      );
    },
  };
  return { remote, refresh };
}
