import { quote } from './words';

/** How the formats write a moment: UTC, with seconds, and a capital Z. */
export const TIMESTAMP_EXAMPLE = '2026-01-05T09:00:00Z';

/** The same moment written in UTC as the formats write it, when the text names one. */
function inUtc(text: string): string | null {
  const ms = Date.parse(text.replace(' ', 'T').replace(/z$/, 'Z'));
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * Why a text is not a moment as the formats write it (TIMESTAMP_EXAMPLE), as the end of a sentence
 * that names the place: in words, never as the pattern it fails.
 */
export function describeTimestamp(value: unknown): string {
  if (typeof value !== 'string') return `is not a date-time such as ${TIMESTAMP_EXAMPLE}.`;
  const found = `(found ${quote(value, 40)})`;
  const m = /^(\d{4}-\d{2}-\d{2})([T t])?(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!m) return `is not a date-time written like ${TIMESTAMP_EXAMPLE} ${found}.`;
  const [, , separator, time, zone] = m;
  if (time === undefined) return `has a date but no time: write the moment in UTC, such as ${m[1]}T00:00:00Z ${found}.`;
  if (separator !== 'T') return `has ${separator === ' ' ? 'a space' : 'a lower-case "t"'} between the date and the time; write a capital "T" there, as in ${TIMESTAMP_EXAMPLE} ${found}.`;
  const utc = inUtc(value);
  if (zone === undefined) {
    return `has no time zone, so it would mean another moment on each machine; write it in UTC with a final "Z", as in ${TIMESTAMP_EXAMPLE} ${found}.`;
  }
  if (utc === null) return `is not a real date and time ${found}; write it like ${TIMESTAMP_EXAMPLE}.`;
  if (zone === 'z') return `ends in a lower-case "z"; write a capital "Z": ${utc} ${found}.`;
  if (zone !== 'Z') return `has the offset "${zone}"; write the moment in UTC with a final "Z": ${utc} ${found}.`;
  if (!/:\d{2}:\d{2}/.test(time)) return `has no seconds; write them, as in ${utc} ${found}.`;
  return `is not a date-time written like ${TIMESTAMP_EXAMPLE} ${found}.`;
}
