/**
 * Records keyed by ids that users choose. An id may be spelled like a member of Object.prototype
 * ("constructor", "__proto__", "toString"), so every such record has a null prototype: a lookup of an
 * absent id is undefined, never an inherited function, and writing "__proto__" makes an own entry
 * instead of changing the prototype. A spread (`{ ...record }`) gives back an ordinary object, so
 * records are only ever copied through these helpers.
 */

/** A new null-prototype record holding the given entries. */
export function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [id, value] of entries) out[id] = value;
  return out;
}

/** A null-prototype copy of a record (whatever its prototype), keeping only its own entries. */
export function copyIdRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const id of Object.keys(record)) out[id] = record[id]!;
  return out;
}

/** A copy of the record with `id` set to `value`. */
export function withId<T>(record: Readonly<Record<string, T>>, id: string, value: T): Record<string, T> {
  const out = copyIdRecord(record);
  out[id] = value;
  return out;
}

/** A copy of the record without `id`. */
export function withoutId<T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> {
  const out = copyIdRecord(record);
  delete out[id];
  return out;
}

/** The record's own entry for `id`; never an inherited member, whatever the record's prototype. */
export function ownEntry<T>(record: Readonly<Record<string, T>> | null | undefined, id: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}

/** Whether the record has an own entry for `id`. */
export function hasId(record: Readonly<Record<string, unknown>>, id: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, id);
}
