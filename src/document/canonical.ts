/**
 * The one canonical JSON writer of Ticketflow, used by export, format, migrate and the CLI: RFC 8785
 * (JCS) member order, i.e. object keys sorted by UTF-16 code units at every level (JavaScript's
 * default sort, as `jq -S` orders them too), arrays in their own order, numbers and strings as
 * ECMAScript's JSON.stringify writes them (which is what RFC 8785 prescribes).
 *
 * Objects are written member by member rather than through JSON.stringify of a sorted copy: a copy
 * would put integer-like keys ("9", "10") first in numeric order, whatever order it was built in.
 */

/** Values JSON leaves out of objects (and writes as null in arrays). */
export function unwritten(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** The value JSON writes for a value: what toJSON gives, when it has one. */
export function jsonValue(value: unknown, key: string): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof value === 'object' && value !== null && typeof toJSON === 'function' ? (toJSON as (k: string) => unknown).call(value, key) : value;
}

/** The keys of an object that JSON writes, in RFC 8785 order (UTF-16 code units, as the default sort). */
export function canonicalKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value)
    .filter((key) => !unwritten(jsonValue(value[key], key)))
    .sort();
}

/**
 * Appends the canonical JSON of a value (already passed through jsonValue) to `out`. With `step` ''
 * the text is compact, exactly the bytes of RFC 8785; otherwise each member goes on its own line,
 * indented by `step` per level below `indent`. Recursive: nesting is bounded by the document limits.
 */
export function appendCanonical(out: string[], value: unknown, indent: string, step: string): void {
  if (typeof value !== 'object' || value === null) {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  const inner = indent + step;
  const open = step ? '\n' : '';
  const comma = step ? ',\n' : ',';
  const close = step ? `\n${indent}` : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push('[]');
    out.push('[', open);
    for (let i = 0; i < value.length; i++) {
      const item = jsonValue(value[i], String(i));
      if (i > 0) out.push(comma);
      out.push(inner);
      appendCanonical(out, unwritten(item) ? null : item, inner, step);
    }
    return void out.push(close, ']');
  }
  const record = value as Record<string, unknown>;
  const keys = canonicalKeys(record);
  if (keys.length === 0) return void out.push('{}');
  out.push('{', open);
  keys.forEach((key, i) => {
    if (i > 0) out.push(comma);
    out.push(inner, JSON.stringify(key), step ? ': ' : ':');
    appendCanonical(out, jsonValue(record[key], key), inner, step);
  });
  out.push(close, '}');
}

/** The canonical JSON of a value as it is written at an indent inside a larger value (two-space steps, no final line end). */
export function canonicalText(value: unknown, indent = ''): string {
  const out: string[] = [];
  appendCanonical(out, jsonValue(value, ''), indent, '  ');
  return out.join('');
}

/** RFC 8785 bytes exactly: canonical member order, no whitespace, no final line end. */
export function jcs(value: unknown): string {
  const out: string[] = [];
  appendCanonical(out, jsonValue(value, ''), '', '');
  return out.join('');
}

/**
 * Ticketflow's file text: the RFC 8785 member order and values, laid out with a two-space indent and
 * a final line end. Parsing it and applying jcs gives the same bytes as jcs of the value.
 */
export function canonicalJson(value: unknown): string {
  return `${canonicalText(value)}\n`;
}
