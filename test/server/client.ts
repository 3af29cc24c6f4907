// A client of a running team server over HTTP, as a browser or curl speaks to it; used by the
// server tests and the server bench (so it imports nothing from the test runner).

/** An answer, with its body read as text and (when it is JSON) parsed. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each test reads the fields it checks
}

/** Who a client is: the session cookie and CSRF token, or an API token, or nobody. */
export interface Credentials {
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

export interface CallOptions {
  body?: unknown;
  /** Send this text as the body as it is (documents). */
  raw?: string;
  headers?: Record<string, string>;
  /** Leave out the CSRF header even when a session is used. */
  noCsrf?: boolean;
}

/** A client of a running test server, speaking HTTP over the loopback like a browser or curl. */
export class Client {
  constructor(
    readonly base: string,
    readonly credentials: Credentials = {},
  ) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.credentials.cookie) headers.cookie = this.credentials.cookie;
    if (this.credentials.csrf && !options.noCsrf) headers['x-csrf-token'] = this.credentials.csrf;
    if (this.credentials.bearer) headers.authorization = `Bearer ${this.credentials.bearer}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(this.base + '/api/v1' + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  with(credentials: Credentials): Client {
    return new Client(this.base, credentials);
  }
}
