import type { NotificationResult, OutboxEmail, SimulationResult } from '../../engine';

/** Items present in one run and not the other (as many times as they are missing). */
export interface Difference<T> {
  onlyBase: T[];
  onlyOther: T[];
}

/** A ticket whose final status differs between the runs (null: the ticket does not exist in that run). */
export interface StatusDifference {
  ticket: string;
  subject: string;
  base: string | null;
  other: string | null;
}

/** What differs between two runs of the same scenario. */
export interface ResultComparison {
  emails: Difference<OutboxEmail>;
  notifications: Difference<NotificationResult>;
  statuses: StatusDifference[];
  /** Errors of each run that the other does not have, by message. */
  errors: Difference<string>;
  same: boolean;
}

// What the contact or the recipient sees; which workflow or action sent it does not count, so a
// renamed action with the same effect is no difference.
const emailKey = (e: OutboxEmail) => JSON.stringify([e.at, e.ticket, e.to, e.subject, e.body, e.footer]);
const notificationKey = (n: NotificationResult) => JSON.stringify([n.at, n.ticket, n.recipient, n.subject, n.body, n.skipped ?? null]);

/** The items of `list` that `other` lacks, compared as multisets and kept in the list's order. */
function missingFrom<T>(list: readonly T[], other: readonly T[], key: (item: T) => string): T[] {
  const count = new Map<string, number>();
  for (const item of other) count.set(key(item), (count.get(key(item)) ?? 0) + 1);
  return list.filter((item) => {
    const n = count.get(key(item)) ?? 0;
    if (n > 0) count.set(key(item), n - 1);
    return n === 0;
  });
}

function difference<T>(base: readonly T[], other: readonly T[], key: (item: T) => string): Difference<T> {
  return { onlyBase: missingFrom(base, other, key), onlyOther: missingFrom(other, base, key) };
}

/** Compares the outbox, notifications, final ticket statuses and errors of two runs. */
export function compareResults(base: SimulationResult, other: SimulationResult): ResultComparison {
  const emails = difference(base.outbox, other.outbox, emailKey);
  const notifications = difference(base.notifications, other.notifications, notificationKey);
  const errors = difference(
    base.errors.map((e) => e.message),
    other.errors.map((e) => e.message),
    (m) => m,
  );
  const otherTickets = new Map(other.tickets.map((t) => [t.id, t]));
  const statuses: StatusDifference[] = [];
  for (const t of base.tickets) {
    const o = otherTickets.get(t.id);
    otherTickets.delete(t.id);
    if (!o || o.status !== t.status) statuses.push({ ticket: t.id, subject: t.subject, base: t.statusLabel, other: o?.statusLabel ?? null });
  }
  for (const o of otherTickets.values()) statuses.push({ ticket: o.id, subject: o.subject, base: null, other: o.statusLabel });
  const same =
    !emails.onlyBase.length &&
    !emails.onlyOther.length &&
    !notifications.onlyBase.length &&
    !notifications.onlyOther.length &&
    !statuses.length &&
    !errors.onlyBase.length &&
    !errors.onlyOther.length;
  return { emails, notifications, statuses, errors, same };
}
