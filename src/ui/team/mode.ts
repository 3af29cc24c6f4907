/**
 * Which mode a page starts in. The app asks the API whether it exists and who is signed in:
 * no API (static hosting, offline) is local mode as before; a new server asks for its owner;
 * a server with no session for this browser asks to sign in (or opens in local mode on request).
 */
import { ApiError, type Me, type TeamApi } from '../../store/team-api';

export type StartMode =
  | { kind: 'local'; server: boolean }
  | { kind: 'setup' }
  | { kind: 'signIn' }
  | { kind: 'invite'; token: string }
  | { kind: 'team'; me: Me };

/** The sessionStorage key that keeps a tab in local mode after the user chose it on a team server. */
export const LOCAL_CHOICE_KEY = 'ticketflow-mode';
/** How long the first question may take before the page opens in local mode. */
export const DETECT_TIMEOUT_MS = 5000;

/** The invitation token of an invite link (`#/invite/<token>`, or `#invite=<token>` as the server writes it), or null. */
export function parseInviteRoute(hash: string): string | null {
  const m = /^#(?:\/invite\/|invite=)([A-Za-z0-9_.~-]{8,400})$/.exec(hash);
  return m ? m[1]! : null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new ApiError(0, { title: 'No answer from the server', detail: `no answer within ${ms} ms` })), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Decides the start mode: `GET /setup`, then the session and `GET /me`. */
export async function detectMode(api: TeamApi, options: { hash: string; preferLocal: boolean; timeoutMs?: number }): Promise<StartMode> {
  let needed: boolean;
  try {
    const r = await withTimeout(api.get<{ needed?: unknown }>('/setup'), options.timeoutMs ?? DETECT_TIMEOUT_MS);
    if (typeof r.body !== 'object' || r.body === null || typeof r.body.needed !== 'boolean') return { kind: 'local', server: false };
    needed = r.body.needed;
  } catch {
    // No API here (or it is unreachable): the page works as it always did, on this browser's storage.
    return { kind: 'local', server: false };
  }
  const token = parseInviteRoute(options.hash);
  if (token && !needed) return { kind: 'invite', token };
  if (options.preferLocal) return { kind: 'local', server: true };
  if (needed) return { kind: 'setup' };
  try {
    if (!(await api.resumeSession())) return { kind: 'signIn' };
    return { kind: 'team', me: await api.me() };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { kind: 'signIn' };
    if (error instanceof ApiError && error.offline) return { kind: 'local', server: false };
    throw error;
  }
}
