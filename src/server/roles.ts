import type { Role, TokenScope } from '../storage';
import { ApiProblem } from './problems';

/**
 * What a route needs. public: anyone; account: any signed-in member; read: members and every token;
 * team: members only (comments, members, presence); comment: admins and reviewers; edit and manage:
 * admins; run: members and read+run tokens; audit: admins.
 */
export type Permission = 'public' | 'account' | 'read' | 'team' | 'comment' | 'edit' | 'manage' | 'run' | 'audit';

/** Who is asking: a signed-in member, an API token, or nobody. */
export type Principal =
  | { kind: 'account'; account: { id: string; name: string; email: string }; role: Role; workspaceId: string; session: { idHash: string; csrfToken: string } }
  | { kind: 'token'; token: { id: string; name: string; scope: TokenScope }; workspaceId: string }
  | { kind: 'none' };

/** The grants of each role and token scope: the whole access policy of the server, in one table. */
export const GRANTS: Record<Role | `token:${TokenScope}`, readonly Permission[]> = {
  admin: ['public', 'account', 'read', 'team', 'comment', 'edit', 'manage', 'run', 'audit'],
  reviewer: ['public', 'account', 'read', 'team', 'comment', 'run'],
  viewer: ['public', 'account', 'read', 'team', 'run'],
  'token:read': ['public', 'read'],
  'token:read+run': ['public', 'read', 'run'],
};

/** The grants of a principal. */
export function grantsOf(principal: Principal): readonly Permission[] {
  if (principal.kind === 'account') return GRANTS[principal.role];
  if (principal.kind === 'token') return GRANTS[`token:${principal.token.scope}`];
  return ['public'];
}

/**
 * The one role check: every route names its permission and the server calls this before the
 * handler runs. Nobody → 401; a principal without the grant → 403.
 */
export function authorize(principal: Principal, permission: Permission): void {
  if (permission === 'public') return;
  if (principal.kind === 'none') throw new ApiProblem('unauthenticated', 'This route needs a session cookie (POST /api/v1/session) or an API token (Authorization: Bearer tf_…).');
  if (!grantsOf(principal).includes(permission)) {
    const who = principal.kind === 'account' ? `a ${principal.role}` : `a token with scope "${principal.token.scope}"`;
    throw new ApiProblem('forbidden', `This needs the "${permission}" permission, which ${who} does not have.`);
  }
}
