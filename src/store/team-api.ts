/**
 * The team server's HTTP API (`/api/v1`) as the app uses it: JSON over fetch with the session
 * cookie, the CSRF header on every state-changing request, and RFC 9457 problem details turned
 * into one error type. A request that never reached a server (offline, no API behind a static
 * host) is an `ApiError` with status 0, so callers tell "the server said no" from "no server".
 */

/** A role in a team workspace. */
export type Role = 'admin' | 'reviewer' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'reviewer', 'viewer'];

/** Who is signed in, with which role, in which workspace (`GET /me`). */
export interface Me {
  account: { id: string; name: string; email: string };
  role: Role;
  workspace: { id: string; name: string };
}

/** One workflow in the list (`GET /workflows`). */
export interface WorkflowSummary {
  id: string;
  name: string;
  head: number;
  published: number | null;
  updatedAt?: string;
  updatedBy?: { id: string; name: string } | null;
}

/** The ETag of version `n` of the workspace's help-desk settings. */
export function workspaceEtag(n: number): string {
  return `"ws.v${n}"`;
}

/** A member of the workspace, as the members screen lists it. */
export interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** True while the member has not yet accepted the invitation. */
  pending?: boolean;
}

/** An API token as listed (its secret is shown only once, when created). */
export interface ApiToken {
  id: string;
  name: string;
  scope: 'read' | 'read+run';
  createdAt?: string;
  lastUsedAt?: string | null;
}

/** A problem detail as the server sends it (RFC 9457), with document problems when one is at fault. */
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  problems?: { severity?: string; code?: string; path?: string; message: string }[];
  [key: string]: unknown;
}

/** A refused or failed request: `status` 0 when no server answered. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetail,
    readonly body: unknown = problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** True when no server answered (network down, request blocked, no API behind this page). */
  get offline(): boolean {
    return this.status === 0;
  }
}

/** The answer to a request: status, headers and the body (parsed when JSON, text otherwise). */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as `If-Match`. */
  ifMatch?: string;
  /** Answers with these statuses are returned instead of thrown (e.g. 304, 409). */
  accept?: number[];
  /** A request with no answer after this many milliseconds is given up, as when no server answers (status 0). */
  timeoutMs?: number;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The ETag the server gives revision `n` of workflow `id`. */
export function workflowEtag(id: string, n: number): string {
  return `"${id}.r${n}"`;
}

/** The revision number in an ETag of the form `"<id>.r<n>"` or `"ws.v<n>"` (or `W/"…"`), or null. */
export function revisionFromEtag(etag: string | null): number | null {
  const m = etag ? /\.[rv](\d+)"?$/.exec(etag) : null;
  return m ? Number(m[1]) : null;
}

/**
 * A revision number from what a route answers: a number, or an object carrying `number`,
 * `revision` or `head` (`PUT` → `{ revision }`, `409` → `{ current }`).
 */
export function revisionNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    for (const key of ['number', 'revision', 'version', 'head', 'current']) {
      const n = revisionNumber(v[key]);
      if (n !== null) return n;
    }
  }
  return null;
}

/** A client of one server. `base` is the API's root (default `/api/v1`). */
export class TeamApi {
  private csrf: string | null = null;

  constructor(
    readonly base = '/api/v1',
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
  ) {}

  /** The CSRF token sent with state-changing requests (from `POST /session` or `GET /session`). */
  setCsrfToken(token: string | null): void {
    this.csrf = token;
  }

  get csrfToken(): string | null {
    return this.csrf;
  }

  /** The URL of a route, for EventSource and links. */
  url(path: string): string {
    return `${this.base}${path}`;
  }

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: BodyInit | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === 'string') {
        body = options.body;
        headers['content-type'] = 'application/json';
      } else {
        body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
    }
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    if (STATE_CHANGING.has(method) && this.csrf) headers['x-csrf-token'] = this.csrf;
    let response: Response;
    const abort = options.timeoutMs === undefined ? null : new AbortController();
    const timer = abort ? setTimeout(() => abort.abort(), options.timeoutMs) : null;
    try {
      response = await this.fetchImpl(this.url(path), { method, headers, body, credentials: 'same-origin', ...(abort ? { signal: abort.signal } : {}) });
    } catch (error) {
      const detail = abort?.signal.aborted ? `no answer within ${Math.round((options.timeoutMs ?? 0) / 1000)} s` : error instanceof Error ? error.message : String(error);
      throw new ApiError(0, { title: 'No answer from the server', detail });
    } finally {
      if (timer) clearTimeout(timer);
    }
    const text = await response.text().catch(() => '');
    const type = response.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (/json/i.test(type)) {
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
    } else if (response.status !== 304 && text && response.ok && !/json/i.test(type)) {
      // A 200 that is not JSON is a static host answering with the app's page: there is no API here.
      throw new ApiError(0, { title: 'No API at this address', detail: `${method} ${path} answered ${type || 'without a content type'}` });
    }
    if (response.ok || response.status === 304 || options.accept?.includes(response.status)) {
      return { status: response.status, headers: response.headers, body: parsed as T, text };
    }
    const problem: ProblemDetail =
      typeof parsed === 'object' && parsed !== null ? (parsed as ProblemDetail) : { status: response.status, title: response.statusText || `HTTP ${response.status}` };
    throw new ApiError(response.status, problem, parsed);
  }

  get<T = unknown>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, body: body ?? {} });
  }
  put<T = unknown>(path: string, body: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, { ...options, body });
  }
  patch<T = unknown>(path: string, body: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, { ...options, body });
  }
  delete<T = unknown>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, options);
  }

  /** Reads the session's CSRF token (`GET /session`); false when not signed in. */
  async resumeSession(): Promise<boolean> {
    try {
      const r = await this.get<{ csrfToken?: string }>('/session');
      this.csrf = r.body?.csrfToken ?? null;
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return false;
      throw error;
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    const r = await this.post<{ csrfToken?: string }>('/session', { email, password });
    this.csrf = r.body?.csrfToken ?? null;
  }

  async signOut(): Promise<void> {
    await this.delete('/session');
    this.csrf = null;
  }

  async setup(name: string, email: string, password: string): Promise<void> {
    const r = await this.post<{ csrfToken?: string }>('/setup', { name, email, password });
    this.csrf = r.body?.csrfToken ?? null;
    // A server that signs the owner in without handing a token gives it on GET /session.
    if (!this.csrf) await this.resumeSession();
  }

  async me(): Promise<Me> {
    return (await this.get<Me>('/me')).body;
  }
}
