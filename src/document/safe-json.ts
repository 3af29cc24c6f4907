import { problem, type Problem } from './codes';
import { pointer } from './json-pointer';
import { quote } from './words';

/** Bounds on what the importer agrees to read. */
export interface ParseLimits {
  /** Largest accepted input, in UTF-8 bytes. */
  maxBytes: number;
  /** Deepest accepted nesting of objects and arrays. */
  maxDepth: number;
}

/**
 * 10 MB holds a 20,000-action workflow several times over; 64 levels is far beyond the deepest
 * document (about 12), yet low enough that no recursive walk of the result can overflow the stack.
 */
export const DEFAULT_LIMITS: ParseLimits = { maxBytes: 10 * 1024 * 1024, maxDepth: 64 };

/** The outcome of reading JSON text: the value, or the one problem that stopped the reading. */
export type ParseOutcome = { ok: true; value: unknown } | { ok: false; problem: Problem };

const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

/**
 * Reads JSON text defensively: the size and nesting depth are checked on the raw text before any
 * value is built, syntax errors are reported with line and column, and keys such as "__proto__"
 * only ever become plain own properties (the JSON Schema then rejects them where they do not belong).
 */
export function parseJsonSafely(text: string, limits: Partial<ParseLimits> = {}): ParseOutcome {
  const { maxBytes, maxDepth } = { ...DEFAULT_LIMITS, ...limits };
  // Every UTF-16 unit is one to three bytes, so most texts are settled without counting.
  const bytes = text.length * 3 <= maxBytes ? text.length : utf8Length(text);
  if (bytes > maxBytes) {
    return { ok: false, problem: problem('TF102', '', { size: formatBytes(bytes), limit: formatBytes(maxBytes) }) };
  }
  // A byte-order mark is how some editors start a UTF-8 file; it is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { tooDeepAt, keys } = scanDepthAndKeys(body, maxDepth);
  if (tooDeepAt >= 0) {
    const { line, column } = lineColumn(body, tooDeepAt);
    return { ok: false, problem: problem('TF103', '', { limit: maxDepth, line, column }) };
  }
  let value: unknown;
  try {
    value = parseKeepingKeys(body, !PARSE_KEEPS_KEYS);
  } catch {
    const { index, detail, reason, close, char } = locateSyntaxError(body);
    const { line, column } = lineColumn(body, index);
    const found = { reason, ...(close === undefined ? {} : { close }), ...(char === undefined ? {} : { char }) };
    return { ok: false, problem: problem('TF101', '', { line, column, detail, ...found }) };
  }
  const twice = countKeys(value) === keys ? null : firstDuplicateKey(body);
  if (twice) {
    const first = lineColumn(body, twice.first);
    const again = lineColumn(body, twice.again);
    return {
      ok: false,
      problem: problem('TF108', twice.pointer, {
        key: quote(twice.key),
        line: first.line,
        column: first.column,
        againLine: again.line,
        againColumn: again.column,
      }),
    };
  }
  return { ok: true, value };
}

/** A key written twice in one object: the key, the object member's JSON pointer and both offsets. */
export interface DuplicateKey {
  key: string;
  pointer: string;
  first: number;
  again: number;
}

interface KeyFrame {
  /** Whether this is an object (else an array). */
  object: boolean;
  /** An object's keys read so far and where each was written, in order; a Map once it has many. */
  keys: string[];
  offsets: number[];
  index: Map<string, number> | null;
  /** The member being read: an object's key or an array's index. */
  at: string | number;
  /** In an object, whether the next string is a key. */
  expectKey: boolean;
}

/** Up to this many keys an object's keys are compared in a list; most objects have a handful. */
const FEW_KEYS = 12;

/** Where the key was written before in this object, or -1; records it otherwise. */
function seenBefore(frame: KeyFrame, key: string, at: number): number {
  if (frame.index) {
    const seen = frame.index.get(key);
    if (seen !== undefined) return seen;
    frame.index.set(key, at);
    return -1;
  }
  const k = frame.keys.indexOf(key);
  if (k >= 0) return frame.offsets[k]!;
  frame.keys.push(key);
  frame.offsets.push(at);
  if (frame.keys.length > FEW_KEYS) frame.index = new Map(frame.keys.map((x, j) => [x, frame.offsets[j]!]));
  return -1;
}

/**
 * The first key written twice in one object of valid JSON text, or null. JSON.parse keeps the last
 * value without a word, so a reviewer reading the first would see other settings than the canvas.
 * One pass with an explicit stack (no recursion); strings are jumped over, and only keys holding an
 * escape are decoded.
 */
export function firstDuplicateKey(text: string): DuplicateKey | null {
  const stack: KeyFrame[] = [];
  let top: KeyFrame | undefined;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end === -1) return null;
      if (top?.object && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        const seen = seenBefore(top, key, i);
        if (seen >= 0) {
          const path = stack.map((f) => f.at);
          path[path.length - 1] = key;
          return { key, pointer: pointer(...path), first: seen, again: i };
        }
        top.at = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      top = { object: c === OPEN_BRACE, keys: [], offsets: [], index: null, at: 0, expectKey: c === OPEN_BRACE };
      stack.push(top);
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      stack.pop();
      top = stack[stack.length - 1];
    } else if (c === COMMA && top) {
      if (top.object) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return null;
}

/** Index of the quote that closes the string opening at `start`: the next one not escaped by an odd run of backslashes. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let b = end - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((end - b) % 2 === 1) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** UTF-8 length of a string, counted without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "12.5 MB", "900 bytes". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Index of the first "{" or "[" that opens a level deeper than the limit, or -1. Strings are skipped. */
export function firstTooDeep(text: string, maxDepth: number): number {
  return scanDepthAndKeys(text, maxDepth).tooDeepAt;
}

/**
 * One pass over the text: where it first nests deeper than `maxDepth` (or -1), and how many object
 * keys it writes (a string followed by ":"). Parsed, the value holds fewer keys exactly when some
 * object writes a key twice, so a count that matches spares the slower search for the duplicate.
 */
function scanDepthAndKeys(text: string, maxDepth: number): { tooDeepAt: number; keys: number } {
  let depth = 0;
  let keys = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    // Indentation is most of what lies outside strings in a pretty-printed file.
    while (c === SPACE) c = text.charCodeAt(++i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end === -1) return { tooDeepAt: -1, keys };
      i = end;
      let next = text.charCodeAt(i + 1);
      while (next === SPACE || next === 10 || next === 13 || next === 9) next = text.charCodeAt(++i + 1);
      if (next === COLON) keys++;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return { tooDeepAt: i, keys };
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return { tooDeepAt: -1, keys };
}

/** How many keys the objects of a parsed JSON value hold, all levels together. */
function countKeys(value: unknown): number {
  let keys = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (typeof v[i] === 'object' && v[i] !== null) stack.push(v[i]);
      continue;
    }
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      keys++;
      const child = (v as Record<string, unknown>)[k];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return keys;
}

/** 1-based line and column of an index in the text. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Whether a JSON.parse makes "__proto__" a plain own property that holds the value written, as the
 * standard says it must (every current engine does).
 */
export function keepsProtoKeys(parse: (text: string) => unknown): boolean {
  try {
    const value = parse('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    const own = Object.getOwnPropertyDescriptor(value, '__proto__')?.value as Record<string, unknown> | undefined;
    return Object.getPrototypeOf(value) === Object.prototype && own?.x === 1 && !('x' in value);
  } catch {
    return false;
  }
}

/** Checked once: on an engine whose JSON.parse keeps such keys as data, no text needs the rebuilding parse. */
const PARSE_KEEPS_KEYS = keepsProtoKeys((text) => JSON.parse(text));

/**
 * JSON.parse of text already checked for size and depth; with `rebuild` (for an engine whose
 * JSON.parse does not keep "__proto__" as data), text that may hold such a key goes through the
 * slower rebuilding reviver.
 */
export function parseKeepingKeys(text: string, rebuild: boolean): unknown {
  return rebuild && MAY_HOLD_FORBIDDEN_KEY.test(text) ? JSON.parse(text, rebuildObject) : JSON.parse(text);
}

/** A forbidden key spelled out, or any \u escape (which could spell one). */
const MAY_HOLD_FORBIDDEN_KEY = /\\u|"(?:__proto__|constructor|prototype)"/;

/**
 * JSON.parse reviver that rebuilds each object key by key with defineProperty, so a key such as
 * "__proto__" becomes an ordinary own property and never an assignment to the prototype, whatever
 * the engine's JSON.parse does with it.
 */
function rebuildObject(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    Object.defineProperty(out, k, {
      value: (value as Record<string, unknown>)[k],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The first syntax error of text that JSON.parse rejected: where it is and what was expected. */
export function locateSyntaxError(text: string): JsonSyntaxError {
  const reader = new SyntaxLocator(text);
  const error = reader.run();
  if (!error) throw new Error('JSON.parse rejected text that the syntax locator accepts');
  return error;
}

/**
 * Where a syntax error is and what it is: `detail` in English, and for other languages the rule broken
 * (`reason`: trailing, value, separator, name, colon, control, hex, escape, number, unclosed), the
 * closing bracket a separator expected, and the character found there (absent at the end of the file).
 */
export interface JsonSyntaxError {
  index: number;
  detail: string;
  reason: string;
  close?: string;
  char?: string;
}

class SyntaxFound {
  constructor(readonly error: JsonSyntaxError) {}
}

/** A recursive-descent reader of the JSON grammar that builds nothing and stops at the first error. */
class SyntaxLocator {
  private i = 0;
  constructor(private readonly text: string) {}

  run(): JsonSyntaxError | null {
    try {
      this.space();
      this.value();
      this.space();
      if (this.i < this.text.length) this.fail('trailing', 'unexpected text after the end of the JSON value');
      return null;
    } catch (e) {
      if (e instanceof SyntaxFound) return e.error;
      throw e;
    }
  }

  private fail(reason: string, expected: string, index = this.i, close?: string): never {
    const atEnd = index >= this.text.length;
    const found = atEnd ? 'the end of the file' : describeChar(this.text[index]!);
    const error: JsonSyntaxError = { index, detail: `${expected}, found ${found}`, reason };
    if (close !== undefined) error.close = close;
    if (!atEnd) error.char = this.text[index]!;
    throw new SyntaxFound(error);
  }

  private space(): void {
    for (;;) {
      const c = this.text[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.i++;
      else return;
    }
  }

  private value(): void {
    const c = this.text[this.i];
    if (c === '{') this.object();
    else if (c === '[') this.array();
    else if (c === '"') this.string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else if (!this.word('true') && !this.word('false') && !this.word('null')) this.fail('value', 'expected a value');
  }

  private word(w: string): boolean {
    if (!this.text.startsWith(w, this.i)) return false;
    this.i += w.length;
    return true;
  }

  /** An object or array: items separated by commas up to the closing character. */
  private sequence(close: '}' | ']', after: string, item: () => void): void {
    this.i++;
    this.space();
    if (this.text[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      item();
      this.space();
      const c = this.text[this.i];
      if (c === close) {
        this.i++;
        return;
      }
      if (c !== ',') this.fail('separator', `expected ',' or '${close}' after ${after}`, this.i, close);
      this.i++;
      this.space();
    }
  }

  private object(): void {
    this.sequence('}', 'a property value', () => {
      if (this.text[this.i] !== '"') this.fail('name', 'expected a property name in double quotes');
      this.string();
      this.space();
      if (this.text[this.i] !== ':') this.fail('colon', "expected ':' after the property name");
      this.i++;
      this.space();
      this.value();
    });
  }

  private array(): void {
    this.sequence(']', 'an array item', () => this.value());
  }

  private string(): void {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) throw new SyntaxFound({ index: start, detail: 'this string is never closed', reason: 'unclosed' });
      if (c === '"') {
        this.i++;
        return;
      }
      if (c < ' ') this.fail('control', 'expected a character in a string (control characters must be escaped)');
      if (c === '\\') {
        const e = this.text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) {
            this.fail('hex', 'expected four hex digits after \\u', this.i);
          }
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.i += 2;
        } else {
          this.fail('escape', 'expected a valid escape sequence after the backslash', this.i + 1);
        }
      } else {
        this.i++;
      }
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail('number', 'expected a number');
    this.i += m[0].length;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A character as an error message shows it. */
function describeChar(c: string): string {
  if (c === '\n') return 'a line break';
  if (c === '\t') return 'a tab';
  if (c < ' ') return `the control character U+${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${c}'`;
}
