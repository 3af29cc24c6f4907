import { BellRing, CalendarClock, Clock, CornerDownRight, GitBranch, Hourglass, ListTree, Mail, Tag, Flag, Webhook, type LucideIcon } from 'lucide-react';
import type { ActionKind } from '../../actions';

/** The icon drawn for each action kind (bubbles, palette, picker). */
export const KIND_ICONS: Record<ActionKind, LucideIcon> = {
  sendEmail: Mail,
  notify: BellRing,
  setStatus: Flag,
  setProperty: Tag,
  delay: Clock,
  delayUntilDate: CalendarClock,
  delayUntilEvent: Hourglass,
  branch: GitBranch,
  valueBranch: ListTree,
  goto: CornerDownRight,
  webhook: Webhook,
};

/** The drag-and-drop data type that carries an action kind from the palette. */
export const KIND_MIME = 'application/x-ticketflow-kind';
