import { z } from 'zod';
import { IdSchema } from '../model/common';
import { EN_MESSAGES } from './messages';
import type { ActionLink, Translate } from './types';

/** The "next" link of a linear action. */
export const NextSchema = IdSchema.nullable().describe('The action that follows; null ends the path.');

/** Links of an action that has a single "next". */
export function linearLinks(action: { next: string | null }): ActionLink[] {
  return [{ slot: 'next', target: action.next, jump: false }];
}

/** Re-points the "next" link of a linear action. */
export function withNext<A extends { next: string | null }>(action: A, slot: string, target: string | null): A {
  if (slot !== 'next') throw new Error(`Unknown link slot "${slot}" on a linear action`);
  return { ...action, next: target };
}

/** The shared head of every action: id and kind. */
export function actionHead<K extends string>(kind: K) {
  return {
    id: IdSchema.describe('Unique id of the action in its workflow.'),
    kind: z.literal(kind).describe('The action kind.'),
  };
}

/**
 * The default path's link of a branch. A label still as the core wrote it ("Otherwise") carries its
 * message key, so the app words it in the reader's language; a label the user wrote is shown as written.
 */
export function defaultLink(target: string | null, label: string, key: string): ActionLink {
  const link: ActionLink = { slot: 'default', target, jump: false, label };
  if (label === EN_MESSAGES[key]) link.labelKey = key;
  return link;
}

/** A link's label as a reader sees it: a label the core gives in the reader's words, one the user wrote as written. */
export function linkLabel(link: { label?: string; labelKey?: string }, t: Translate): string | undefined {
  return link.labelKey ? t(link.labelKey) : link.label;
}
