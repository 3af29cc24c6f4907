import type { Translate } from './types';

/** English texts of the core's message keys; the UI carries the same keys in every language. */
export const EN_MESSAGES: Record<string, string> = {
  'kind.sendEmail': 'Send email',
  'kind.notify': 'Send internal notification',
  'kind.setStatus': 'Set ticket status',
  'kind.setProperty': 'Set ticket property',
  'kind.delay': 'Delay',
  'kind.branch': 'Branch (if/then)',
  'kind.delayUntilDate': 'Delay until a date',
  'kind.delayUntilEvent': 'Delay until an event',
  'kind.valueBranch': 'Value branch',
  'kind.goto': 'Go to',
  'kind.webhook': 'Webhook',
  'summary.sendEmail.template': 'Send email: {name}',
  'summary.sendEmail.custom': 'Send email: "{subject}"',
  'summary.notify': 'Notify {recipients}',
  'summary.notify.owner': 'ticket owner',
  'summary.setStatus': 'Set status → {status}',
  'summary.setProperty': 'Set {property} → {value}',
  'summary.delay.duration': 'Delay {amount} {unit}',
  'summary.delay.until': 'Delay until {days} at {time}',
  'summary.branch': 'Branch: {count} paths + default',
  'summary.branch.one': 'Branch: {count} path + default',
  'summary.branch.other': 'Branch: {count} paths + default',
  'summary.delayUntilDate.at': 'Delay until its {property}',
  'summary.delayUntilDate.before': 'Delay until {amount} {unit} before its {property}',
  'summary.delayUntilDate.after': 'Delay until {amount} {unit} after its {property}',
  'summary.delayUntilEvent.reply': 'Wait for the contact to reply (at most {amount} {unit})',
  'summary.delayUntilEvent.anyStatus': 'Wait for a status change (at most {amount} {unit})',
  'summary.delayUntilEvent.status': 'Wait for status {status} (at most {amount} {unit})',
  'summary.valueBranch': 'Value branch on {property}: {count} values + default',
  'summary.goto': 'Go to {target}',
  'summary.webhook': '{method} {url}',
  'summary.incomplete': 'Incomplete: {what}',
  'summary.nobody': 'nobody',
  'summary.unassigned': 'unassigned',
  'summary.anyDay': 'any day',
  'unit.minutes': 'minutes',
  'unit.hours': 'hours',
  'unit.days': 'days',
  'unit.weeks': 'weeks',
  'unit.minutes.one': 'minute',
  'unit.minutes.other': 'minutes',
  'unit.hours.one': 'hour',
  'unit.hours.other': 'hours',
  'unit.days.one': 'day',
  'unit.days.other': 'days',
  'unit.weeks.one': 'week',
  'unit.weeks.other': 'weeks',
  'property.owner': 'owner',
  'property.priority': 'priority',
  'property.subject': 'subject',
  'priority.low': 'low',
  'priority.medium': 'medium',
  'priority.high': 'high',
  'priority.urgent': 'urgent',
  'branch.default': 'Otherwise',
  'delayUntilDate.property.createdAt': 'created time',
  'delayUntilDate.property.firstResponseDue': 'first-response due time',
  'delayUntilDate.property.closeDue': 'close due time',
  'valueBranch.property.status': 'status',
  'valueBranch.property.priority': 'priority',
  'valueBranch.property.owner': 'owner',
  'valueBranch.property.source': 'source',
  'valueBranch.default': 'Any other value',
  'delayUntilEvent.happened': 'Happened',
  'delayUntilEvent.timeout': 'Timed out',
  'missing.template': 'Choose a template, or write a subject and body.',
  'missing.recipients': 'Choose at least one recipient.',
  'missing.status': 'Choose a status.',
  'missing.value': 'Choose a value.',
  'missing.target': 'Choose the action to go to.',
  'missing.url': 'Enter the URL.',
  'url.scheme': "The URL must start with http:// or https://; other kinds of address (javascript:, file:, data: …) are refused.",
  'url.control': "The URL holds a control character (a line break, a tab or similar); remove it.",
  'url.invisible': "The URL holds an invisible character (a direction mark or a zero-width space), which can make it read as another address; remove it.",
  'url.space': "The URL holds a space; write it as %20.",
  'url.host': "The URL needs a host name after http:// or https://.",
  'missing.days': 'Choose at least one day.',
};

/** Fills "{name}" placeholders of a message. */
export function format(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * The text of a key for a count, written per plural category (`key.one`, `key.other`, …) and chosen
 * by Intl.PluralRules; undefined when the key has no plural forms (or no numeric `count` is given).
 */
export function pluralText(find: (key: string) => string | undefined, rules: Intl.PluralRules, key: string, params?: Record<string, string | number>): string | undefined {
  const count = params?.count;
  if (typeof count !== 'number') return undefined;
  return find(`${key}.${rules.select(count)}`) ?? find(`${key}.other`);
}

/**
 * A translator of the core's message keys from one language's table (English for a key it lacks), with
 * plurals chosen by Intl.PluralRules for the language: "1 day", "2 days" from one key, as the UI does.
 */
export function tableTranslator(table: Readonly<Record<string, string>>, lang: string): Translate {
  const rules = new Intl.PluralRules(lang);
  const find = (key: string) => table[key] ?? EN_MESSAGES[key];
  return (key, params) => format(pluralText(find, rules, key, params) ?? find(key) ?? key, params);
}

/** The English translator used by the CLI and tests. */
export const englishT: Translate = tableTranslator(EN_MESSAGES, 'en');
