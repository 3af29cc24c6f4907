/**
 * Which mode the page runs in and, in team mode, who is signed in and who else is here. Kept in
 * its own small store beside the application store: the header's mode line, the admin screens
 * and the presence avatars read it; the team adapter writes it.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Me, Role, TeamApi } from './team-api';
import { idRecord } from './id-record';

/** Someone viewing or editing a workflow (from `presence` events). */
export interface PresenceEntry {
  accountId: string;
  name: string;
  state: 'viewing' | 'editing';
  /** When the entry was last refreshed (ms since epoch, this page's clock). */
  at: number;
}

export interface TeamSessionState {
  mode: 'local' | 'team';
  api: TeamApi | null;
  me: Me | null;
  /** Whether the live stream is open. */
  live: boolean;
  /** Who is on which workflow, by workflow id (this page's account excluded). */
  presence: Record<string, PresenceEntry[]>;
}

/** How long a presence entry counts without being refreshed. */
export const PRESENCE_TTL_MS = 60_000;

export function createTeamSession() {
  return createStore<TeamSessionState>()(() => ({ mode: 'local', api: null, me: null, live: false, presence: idRecord<PresenceEntry[]>() }));
}

/** The page's one session store. */
export const teamSession = createTeamSession();

export function useTeamSession<T>(selector: (s: TeamSessionState) => T): T {
  return useStore(teamSession, selector);
}

/** The signed-in role, or null in local mode. */
export function currentRole(s: TeamSessionState): Role | null {
  return s.mode === 'team' ? (s.me?.role ?? null) : null;
}

/** Whether the page may change workflows and settings: always in local mode, only admins in team mode. */
export function canEdit(s: TeamSessionState): boolean {
  return s.mode === 'local' || s.me?.role === 'admin';
}

/** Whether the page may comment: everyone but viewers. */
export function canComment(s: TeamSessionState): boolean {
  return s.mode === 'local' || s.me?.role === 'admin' || s.me?.role === 'reviewer';
}

/** The presence map with one entry updated (or removed when `state` is null), stale entries dropped. */
export function withPresence(
  presence: Record<string, PresenceEntry[]>,
  workflowId: string | null,
  entry: { accountId: string; name: string; state: 'viewing' | 'editing' | null },
  now: number,
): Record<string, PresenceEntry[]> {
  const out = idRecord<PresenceEntry[]>();
  for (const [id, list] of Object.entries(presence)) {
    // One place per account: a presence elsewhere replaces the one here.
    const kept = list.filter((p) => p.accountId !== entry.accountId && now - p.at < PRESENCE_TTL_MS);
    if (kept.length) out[id] = kept;
  }
  if (workflowId && entry.state) {
    out[workflowId] = [...(out[workflowId] ?? []), { accountId: entry.accountId, name: entry.name, state: entry.state, at: now }];
  }
  return out;
}
