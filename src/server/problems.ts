import type { Problem } from '../document';

/** The kinds of problem the API answers with; each becomes the `type` URI and a default title. */
export const PROBLEM_TYPES = {
  'bad-request': { status: 400, title: 'The request is not valid' },
  'unauthenticated': { status: 401, title: 'Sign in or send an API token' },
  'forbidden': { status: 403, title: 'Your role does not allow this' },
  'csrf': { status: 403, title: 'The CSRF token is missing or wrong' },
  'not-found': { status: 404, title: 'Not found' },
  'conflict': { status: 409, title: 'Someone else changed it first' },
  'exists': { status: 409, title: 'It already exists' },
  'precondition-required': { status: 428, title: 'Say which version you changed (If-Match)' },
  'too-large': { status: 413, title: 'The request is too large' },
  'unsupported-media-type': { status: 415, title: 'Send JSON' },
  'invalid-document': { status: 422, title: 'The document is not valid' },
  'rate-limited': { status: 429, title: 'Too many attempts; wait and try again' },
  'setup-done': { status: 409, title: 'The server is already set up' },
  'not-set-up': { status: 409, title: 'The server is not set up yet' },
  'time-limit': { status: 503, title: 'The run took longer than the time limit' },
  'unavailable': { status: 503, title: 'The database does not answer' },
  'internal': { status: 500, title: 'Something went wrong in Ticketflow' },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** Where the problem types are described (a name, never fetched). */
export const PROBLEM_BASE = 'https://ticketflow.dev/problems/';

/** An RFC 9457 problem the routes throw; the error handler writes it as application/problem+json. */
export class ApiProblem extends Error {
  readonly status: number;
  constructor(
    readonly kind: ProblemType,
    readonly detail: string,
    readonly extra: { problems?: Problem[]; current?: number; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.status = PROBLEM_TYPES[kind].status;
  }

  body(): Record<string, unknown> {
    const { headers: _headers, ...extra } = this.extra;
    return { type: PROBLEM_BASE + this.kind, title: PROBLEM_TYPES[this.kind].title, status: this.status, detail: this.detail, ...extra };
  }
}
