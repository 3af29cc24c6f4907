// How messages put values and lists into words.

/** The most characters of any one input value a problem message quotes. */
export const QUOTE_LIMIT = 200;

/**
 * At most `limit` characters of a text taken from the input, with how many more there were: a
 * message that quotes a value must never grow with it (a megabyte id would otherwise be repeated
 * once per problem). A surrogate pair is never split.
 */
export function clip(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}… (${(text.length - end).toLocaleString('en-US')} more characters)`;
}

/** An input text in double quotes as JSON writes it (control characters escaped), clipped to QUOTE_LIMIT characters. */
export function quote(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return JSON.stringify(text);
  const clipped = clip(text, limit);
  const cut = clipped.lastIndexOf('… (');
  return `${JSON.stringify(clipped.slice(0, cut))}${clipped.slice(cut)}`;
}

/** "1", "1 and 2", "1, 2 and 3"; beyond `max` items, "1, 2, 3 and 4,997 more". */
export function listWords(items: readonly string[], last = 'and', max = 20): string {
  if (items.length <= 1) return items.join('');
  if (items.length > max) return `${items.slice(0, max).join(', ')} ${last} ${(items.length - max).toLocaleString('en-US')} more`;
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** How a message names a JSON value it found: 'the string "x"', 'the number 3', 'an array', 'null'. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value, 40)}`;
    case 'number':
      // JSON has no Infinity: it is what a number too large for a double (such as 1e400) reads as.
      return Number.isFinite(value) ? `the number ${value}` : 'a number too large to represent';
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

/**
 * What describeJson names, as params other languages word for themselves: the kind of value found
 * ("string", "number", "huge" for a number too large, "array", "object", "null", "true", "false",
 * "nothing") and, for a string or number, the value as describeJson quotes it.
 */
export function jsonFound(value: unknown): { foundType: string; foundValue?: string } {
  if (value === null) return { foundType: 'null' };
  if (Array.isArray(value)) return { foundType: 'array' };
  switch (typeof value) {
    case 'string':
      return { foundType: 'string', foundValue: quote(value, 40) };
    case 'number':
      return Number.isFinite(value) ? { foundType: 'number', foundValue: String(value) } : { foundType: 'huge' };
    case 'boolean':
      return { foundType: String(value) };
    case 'object':
      return { foundType: 'object' };
    default:
      return { foundType: 'nothing' };
  }
}
