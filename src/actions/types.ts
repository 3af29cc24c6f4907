import type { z } from 'zod';
import type { Workspace } from '../model/workspace';

/** A message key with English text; the UI translates the same keys. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One outgoing link of an action: where it leads from a given slot. */
export interface ActionLink {
  /** 'next' for linear actions, 'branch:<id>' and 'default' for branches, 'target' for go-to. */
  slot: string;
  /** The action it leads to; null at a path end. */
  target: string | null;
  /** A go-to jump (drawn distinctly, and not part of the action's own subtree). */
  jump: boolean;
  /** Label shown on the edge (branch paths). */
  label?: string;
}

/** A workspace entity an action refers to, for semantic validation. */
export interface ActionReference {
  type: 'status' | 'user' | 'team' | 'template';
  id: string;
  /** JSON pointer below the action, e.g. "/statusId". */
  pointer: string;
}

/** Everything the headless core knows about one action kind. */
export interface ActionDefinition<A extends { id: string; kind: string }> {
  kind: A['kind'];
  /** zod schema of the whole action (kind, id, settings, links). */
  schema: z.ZodType<A>;
  /** A new action of this kind with default settings, leading nowhere. */
  create(id: string): A;
  /** One-line summary of the settings, e.g. "Send email: Ticket received". */
  summary(action: A, workspace: Workspace, t: Translate): string;
  /** Settings still to fill in: a non-empty list marks the action as a placeholder. */
  missing(action: A): { pointer: string; message: string }[];
  /** Workspace entities the settings refer to. */
  references(action: A): ActionReference[];
  /** Outgoing links, in display order. */
  links(action: A): ActionLink[];
  /** A copy with one link slot pointed elsewhere. */
  withLink(action: A, slot: string, target: string | null): A;
}
