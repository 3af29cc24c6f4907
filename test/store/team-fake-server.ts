/**
 * An in-memory stand-in for the team server's routes the app uses, with the agreed behaviour:
 * revisions and `If-Match` (409 with `{ current }` on a stale base), roles (403 for a reviewer's
 * or viewer's write), CSRF on state-changing requests, comments with replies and resolution, and
 * an event stream. Each `client()` is one browser: its own cookie, fetch and EventSource.
 */
import { exportWorkflow } from '../../src/document';
import { defaultWorkspace, type WorkflowDocument, type Workspace } from '../../src/model';
import type { Role } from '../../src/store/team-api';
import type { EventSourceLike } from '../../src/store/team-events';

interface Account {
  id: string;
  name: string;
  email: string;
  password: string;
  role: Role;
}

interface StoredComment {
  id: string;
  target: string;
  revision: number | null;
  resolved: boolean;
  messages: { id: string; author: string; authorName: string; at: string; text: string }[];
}

interface StoredWorkflow {
  revisions: string[];
  deleted: boolean;
  /** When it was deleted (ISO 8601), for the trash. */
  deletedAt?: string;
  comments: StoredComment[];
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });
}

function problem(status: number, title: string, extra: Record<string, unknown> = {}): Response {
  return json(status, { type: 'about:blank', title, status, ...extra });
}

class FakeEventSource implements EventSourceLike {
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  readyState = 0;
  private listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  constructor(private readonly onClose: (s: FakeEventSource) => void) {}
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  deliver(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l({ type, data: JSON.stringify(data) } as MessageEvent);
  }
  open() {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  fail() {
    this.readyState = 2;
    this.onerror?.({} as Event);
  }
  close() {
    this.readyState = 2;
    this.onClose(this);
  }
}

export class FakeTeamServer {
  accounts: Account[] = [];
  workspace: Workspace = defaultWorkspace();
  workspaceRevision = 1;
  workflows = new Map<string, StoredWorkflow>();
  /** Every request as "METHOD /path", for assertions on what was sent. */
  log: string[] = [];
  /** While true, every request fails as if the network were down. */
  offline = false;
  invites = new Map<string, { email: string; role: Role }>();
  tokens: Record<string, unknown>[] = [];
  private presence = new Map<string, Record<string, string>>();
  private sessions = new Map<string, { accountId: string; csrf: string }>();
  private sources = new Set<FakeEventSource>();
  private seq = 0;
  private nextId = 1;

  addAccount(name: string, email: string, role: Role, password = 'correct horse battery'): Account {
    const account = { id: `acc-${this.nextId++}`, name, email, password, role };
    this.accounts.push(account);
    return account;
  }

  /** Stores `doc` as a new workflow (revision 1) or a new revision of it; a deleted one comes back with its revisions. */
  putWorkflow(doc: WorkflowDocument): number {
    const id = doc.workflow.id;
    const stored = this.workflows.get(id) ?? { revisions: [], deleted: false, comments: [] };
    stored.deleted = false;
    stored.revisions.push(exportWorkflow(doc, { comments: false }));
    this.workflows.set(id, stored);
    return stored.revisions.length;
  }

  /** The document of the head revision. */
  head(id: string): WorkflowDocument {
    return JSON.parse(this.workflows.get(id)!.revisions.at(-1)!) as WorkflowDocument;
  }

  emit(type: string, data: Record<string, unknown>) {
    const event = { type, ...data, seq: ++this.seq };
    for (const s of this.sources) if (s.readyState === 1) s.deliver(type, event);
  }

  /** Drops every open stream, as a server restart or a lost connection does. */
  dropStreams() {
    for (const s of [...this.sources]) s.fail();
  }

  /** One browser signed in as `email` (or signed out when null). */
  client(email: string | null) {
    let cookie: string | null = null;
    if (email) {
      const account = this.accounts.find((a) => a.email === email)!;
      cookie = `s-${this.nextId++}`;
      this.sessions.set(cookie, { accountId: account.id, csrf: `csrf-${cookie}` });
    }
    const server = this;
    return {
      csrf: cookie ? `csrf-${cookie}` : null,
      fetch: async (input: string, init: RequestInit = {}): Promise<Response> => {
        if (server.offline) throw new TypeError('Failed to fetch');
        const response = await server.handle(input, init, cookie, (c) => (cookie = c));
        return response;
      },
      events: (_url: string): EventSourceLike => {
        const source = new FakeEventSource((s) => server.sources.delete(s));
        server.sources.add(source);
        setTimeout(() => {
          if (server.offline || !cookie) source.fail();
          else source.open();
        }, 0);
        return source;
      },
    };
  }

  private async handle(input: string, init: RequestInit, cookie: string | null, setCookie: (c: string | null) => void): Promise<Response> {
    const method = (init.method ?? 'GET').toUpperCase();
    const url = new URL(input, 'http://team.test');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    this.log.push(`${method} ${path}`);
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' && init.body ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const session = cookie ? this.sessions.get(cookie) : undefined;
    const account = session ? this.accounts.find((a) => a.id === session.accountId) : undefined;

    if (path === '/setup' && method === 'GET') return json(200, { needed: this.accounts.length === 0 });
    if (path === '/setup' && method === 'POST') {
      if (this.accounts.length) return problem(409, 'Already set up');
      const a = this.addAccount(String(body.name), String(body.email), 'admin', String(body.password));
      const c = `s-${this.nextId++}`;
      this.sessions.set(c, { accountId: a.id, csrf: `csrf-${c}` });
      setCookie(c);
      return json(201, { csrfToken: `csrf-${c}` });
    }
    if (path === '/session' && method === 'POST') {
      const a = this.accounts.find((x) => x.email === body.email && x.password === body.password);
      if (!a) return problem(401, 'Wrong email or password');
      const c = `s-${this.nextId++}`;
      this.sessions.set(c, { accountId: a.id, csrf: `csrf-${c}` });
      setCookie(c);
      return json(200, { csrfToken: `csrf-${c}` });
    }
    const invite = /^\/invites\/([^/]+)\/accept$/.exec(path);
    if (invite && method === 'POST') {
      const found = this.invites.get(invite[1]!);
      if (!found) return problem(404, 'This invitation is unknown or spent');
      this.invites.delete(invite[1]!);
      const a = this.addAccount(String(body.name), found.email, found.role, String(body.password));
      const c = `s-${this.nextId++}`;
      this.sessions.set(c, { accountId: a.id, csrf: `csrf-${c}` });
      setCookie(c);
      return json(201, { csrfToken: `csrf-${c}` });
    }
    if (!account || !session) return problem(401, 'Sign in first');
    if (method !== 'GET' && headers.get('x-csrf-token') !== session.csrf) return problem(403, 'Missing or wrong CSRF token');
    const admin = account.role === 'admin';
    const commenter = admin || account.role === 'reviewer';

    if (path === '/session' && method === 'GET') return json(200, { csrfToken: session.csrf });
    if (path === '/session' && method === 'DELETE') {
      this.sessions.delete(cookie!);
      setCookie(null);
      return new Response(null, { status: 204 });
    }
    if (path === '/me') return json(200, { account: { id: account.id, name: account.name, email: account.email }, role: account.role, workspace: { id: 'ws-1', name: this.workspace.name } });
    const workspaceBody = () => ({ id: 'ws-1', name: 'Help desk', version: this.workspaceRevision, settings: this.workspace });
    if (path === '/workspace' && method === 'GET') return json(200, workspaceBody(), { etag: `"ws.v${this.workspaceRevision}"` });
    if (path === '/workspace' && method === 'PUT') {
      if (!admin) return problem(403, 'Admins only');
      if (headers.get('if-match') !== `"ws.v${this.workspaceRevision}"`) return problem(409, 'Stale', { current: this.workspaceRevision });
      this.workspace = body.settings as Workspace;
      this.workspaceRevision++;
      this.emit('workspace.saved', { version: this.workspaceRevision });
      return json(200, workspaceBody());
    }
    if (path === '/presence' && method === 'POST') {
      this.presence.set(account.id, { workflowId: String(body.workflowId), account: account.id, name: account.name, state: String(body.state) });
      this.emit('presence', { workflowId: body.workflowId, state: body.state, account: account.id, name: account.name });
      return new Response(null, { status: 204 });
    }
    if (path === '/presence' && method === 'GET') return json(200, { presence: [...this.presence.values()] });
    if (path === '/workflows' && method === 'GET') {
      const workflows = [...this.workflows.entries()]
        .filter(([, w]) => !w.deleted)
        .map(([id, w]) => ({ id, name: this.head(id).workflow.name, head: w.revisions.length, published: null }));
      return json(200, { workflows });
    }
    if (path === '/trash' && method === 'GET') {
      if (!admin) return problem(403, 'Admins only');
      const workflows = [...this.workflows.entries()]
        .filter(([, w]) => w.deleted)
        .map(([id, w]) => ({ id, name: this.head(id).workflow.name, revision: w.revisions.length, deletedAt: w.deletedAt ?? '', document: JSON.parse(w.revisions.at(-1)!) }))
        .sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : -1));
      return json(200, { workflows });
    }
    if (path === '/workflows' && method === 'POST') {
      if (!admin) return problem(403, 'Admins only');
      const doc = body as unknown as WorkflowDocument;
      // As the server does: an id deleted before is created again, keeping its earlier revisions.
      const existing = this.workflows.get(doc.workflow.id);
      if (existing && !existing.deleted) return problem(409, 'Exists', { current: existing.revisions.length });
      const revision = this.putWorkflow(doc);
      this.emit('workflow.saved', { workflowId: doc.workflow.id, revision });
      return json(201, { revision: { workflowId: doc.workflow.id, number: revision }, problems: [], notes: [] }, { etag: `"${doc.workflow.id}.r${revision}"` });
    }
    if (path === '/session/password' && method === 'PUT') {
      if (body.current !== account.password) return problem(403, 'The current password is wrong.');
      account.password = String(body.password);
      return new Response(null, { status: 204 });
    }
    if (path === '/members' && method === 'GET') {
      if (!admin) return problem(403, 'Admins only');
      return json(200, { members: this.accounts.map((a) => ({ id: a.id, name: a.name, email: a.email, role: a.role, since: '2026-12-01T00:00:00.000Z' })) });
    }
    if (path === '/members' && method === 'POST') {
      if (!admin) return problem(403, 'Admins only');
      const token = `invite-${this.nextId++}-abcdefgh`;
      this.invites.set(token, { email: String(body.email), role: body.role as Role });
      return json(201, { invite: { url: `/#/invite/${token}`, token, email: body.email, role: body.role, expiresAt: '2026-12-09T00:00:00.000Z' } });
    }
    const member = /^\/members\/([^/]+)$/.exec(path);
    if (member) {
      if (!admin) return problem(403, 'Admins only');
      const target = this.accounts.find((a) => a.id === member[1]);
      if (!target) return problem(404, 'No such member');
      if (method === 'PATCH') target.role = body.role as Role;
      if (method === 'DELETE') this.accounts = this.accounts.filter((a) => a !== target);
      return json(200, { id: target.id, name: target.name, email: target.email, role: target.role, since: '2026-12-01T00:00:00.000Z' });
    }
    if (path === '/tokens' && method === 'GET') {
      if (!admin) return problem(403, 'Admins only');
      return json(200, { tokens: this.tokens });
    }
    if (path === '/tokens' && method === 'POST') {
      if (!admin) return problem(403, 'Admins only');
      const token = { id: `tok-${this.nextId++}`, name: String(body.name), scope: body.scope, createdAt: '2026-12-02T08:00:00.000Z', createdBy: { id: account.id, name: account.name }, lastUsedAt: null };
      this.tokens.push(token);
      return json(201, { token, secret: `tf_secret${this.nextId++}` });
    }
    const tok = /^\/tokens\/([^/]+)$/.exec(path);
    if (tok && method === 'DELETE') {
      if (!admin) return problem(403, 'Admins only');
      this.tokens = this.tokens.filter((t) => t.id !== tok[1]);
      return new Response(null, { status: 204 });
    }
    if (path === '/import' && method === 'POST') {
      if (!admin) return problem(403, 'Admins only');
      const bundle = body as unknown as { workspace: Workspace; workflows: WorkflowDocument[]; scenarios: unknown[] };
      this.workspace = bundle.workspace;
      this.workspaceRevision++;
      const workflows = bundle.workflows.map((doc) => {
        const stored = this.workflows.get(doc.workflow.id);
        // As the real server: the same document as the head adds no revision.
        if (stored?.revisions.at(-1) === exportWorkflow(doc, { comments: false })) {
          return { id: doc.workflow.id, name: doc.workflow.name, revision: stored.revisions.length, outcome: 'unchanged' };
        }
        const outcome = stored ? 'revised' : 'created';
        const revision = this.putWorkflow(doc);
        this.emit('workflow.saved', { workflowId: doc.workflow.id, revision });
        return { id: doc.workflow.id, name: doc.workflow.name, revision, outcome };
      });
      return json(200, { workspace: 'replaced', workflows, scenarios: bundle.scenarios.map((s) => ({ id: (s as { id: string }).id, name: '', outcome: 'created' })), problems: [], notes: [] });
    }
    const wf = /^\/workflows\/([^/]+)(\/comments)?$/.exec(path);
    if (wf) {
      const id = decodeURIComponent(wf[1]!);
      const stored = this.workflows.get(id);
      if (!stored || stored.deleted) return problem(404, 'No such workflow');
      const head = stored.revisions.length;
      if (wf[2]) {
        if (method === 'GET') return json(200, { comments: stored.comments });
        if (!commenter) return problem(403, 'Reviewers and admins only');
        const c: StoredComment = {
          id: `cm-${this.nextId++}`,
          target: String(body.target),
          revision: head,
          resolved: false,
          messages: [{ id: `m-${this.nextId++}`, author: account.id, authorName: account.name, at: new Date().toISOString(), text: String(body.text) }],
        };
        stored.comments.push(c);
        this.emit('comment.created', { workflowId: id, thread: c });
        return json(201, c);
      }
      if (method === 'GET') return new Response(stored.revisions.at(-1)!, { status: 200, headers: { 'content-type': 'application/json', etag: `"${id}.r${head}"` } });
      if (!admin) return problem(403, 'Admins only');
      if (headers.get('if-match') !== `"${id}.r${head}"`) return problem(409, 'Stale revision', { current: head });
      if (method === 'PUT') {
        const revision = this.putWorkflow(body as unknown as WorkflowDocument);
        this.emit('workflow.saved', { workflowId: id, revision });
        return json(200, { revision: { workflowId: id, number: revision }, problems: [], notes: [] }, { etag: `"${id}.r${revision}"` });
      }
      if (method === 'DELETE') {
        stored.deleted = true;
        stored.deletedAt = new Date().toISOString();
        this.emit('workflow.deleted', { workflowId: id });
        return new Response(null, { status: 204 });
      }
    }
    const cm = /^\/comments\/([^/]+)(\/replies)?$/.exec(path);
    if (cm) {
      if (!commenter) return problem(403, 'Reviewers and admins only');
      const found = [...this.workflows.entries()].flatMap(([wfId, w]) => w.comments.map((c) => ({ wfId, c }))).find((x) => x.c.id === cm[1]);
      if (!found) return problem(404, 'No such comment');
      if (cm[2] && method === 'POST') {
        found.c.messages.push({ id: `m-${this.nextId++}`, author: account.id, authorName: account.name, at: new Date().toISOString(), text: String(body.text) });
        this.emit('comment.updated', { workflowId: found.wfId, thread: found.c });
        return json(201, found.c);
      }
      if (method === 'PATCH') {
        found.c.resolved = body.resolved === true;
        this.emit('comment.updated', { workflowId: found.wfId, thread: found.c });
        return json(200, found.c);
      }
    }
    return problem(404, `No route ${method} ${path}`);
  }
}
