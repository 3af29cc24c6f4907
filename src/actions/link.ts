import { z } from 'zod';
import { IdSchema } from '../model/common';
import type { ActionLink } from './types';

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
