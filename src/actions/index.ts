import { z } from 'zod';
import { branch, BranchSchema, type BranchAction } from './branch';
import { delay, DelaySchema, type DelayAction } from './delay';
import { delayUntilDate, DelayUntilDateSchema, type DelayUntilDateAction } from './delay-until-date';
import { delayUntilEvent, DelayUntilEventSchema, type DelayUntilEventAction } from './delay-until-event';
import { goto, GotoSchema, type GotoAction } from './goto';
import { notify, NotifySchema, type NotifyAction } from './notify';
import { sendEmail, SendEmailSchema, type SendEmailAction } from './send-email';
import { setProperty, SetPropertySchema, type SetPropertyAction } from './set-property';
import { setStatus, SetStatusSchema, type SetStatusAction } from './set-status';
import type { ActionDefinition, Translate } from './types';
import { valueBranch, ValueBranchSchema, type ValueBranchAction } from './value-branch';
import type { Workspace } from '../model/workspace';
import { webhook, WebhookSchema, type WebhookAction } from './webhook';

/** Any workflow action. */
export type Action =
  | SendEmailAction
  | NotifyAction
  | SetStatusAction
  | SetPropertyAction
  | DelayAction
  | DelayUntilDateAction
  | DelayUntilEventAction
  | BranchAction
  | ValueBranchAction
  | GotoAction
  | WebhookAction;
export type ActionKind = Action['kind'];

/** zod schema of any action, discriminated by kind. */
export const ActionSchema = z
  .discriminatedUnion('kind', [
    SendEmailSchema,
    NotifySchema,
    SetStatusSchema,
    SetPropertySchema,
    DelaySchema,
    DelayUntilDateSchema,
    DelayUntilEventSchema,
    BranchSchema,
    ValueBranchSchema,
    GotoSchema,
    WebhookSchema,
  ])
  .describe('A workflow action.');

type Registry = { [K in ActionKind]: ActionDefinition<Extract<Action, { kind: K }>> };

/** Every action kind, in palette order. */
export const ACTIONS: Registry = {
  sendEmail,
  notify,
  setStatus,
  setProperty,
  delay,
  delayUntilDate,
  delayUntilEvent,
  branch,
  valueBranch,
  goto,
  webhook,
};
export const ACTION_KINDS = Object.keys(ACTIONS) as ActionKind[];

/** The definition of an action's kind, typed for that action. */
export function definitionOf<A extends Action>(action: A): ActionDefinition<A> {
  return ACTIONS[action.kind] as unknown as ActionDefinition<A>;
}

export type { ActionDefinition, ActionLink, ActionReference, Translate } from './types';
export { linkLabel } from './link';
export type {
  BranchAction,
  DelayAction,
  DelayUntilDateAction,
  DelayUntilEventAction,
  GotoAction,
  NotifyAction,
  SendEmailAction,
  SetPropertyAction,
  SetStatusAction,
  ValueBranchAction,
  WebhookAction,
};

/**
 * An action's summary as people read it: a go-to names the action it continues at by that action's
 * summary ("Go to Branch: 2 paths + default"), not its id, when `find` knows the target.
 */
export function summaryOf(action: Action, workspace: Workspace, t: Translate, find?: (id: string) => Action | undefined): string {
  if (action.kind === 'goto' && action.target) {
    const target = find?.(action.target);
    if (target && target.kind !== 'goto') return t('summary.goto', { target: definitionOf(target).summary(target, workspace, t) });
  }
  return definitionOf(action).summary(action, workspace, t);
}
