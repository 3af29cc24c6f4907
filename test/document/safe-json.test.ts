import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseJsonSafely } from '../../src/document';
import { firstDuplicateKey, keepsProtoKeys, parseKeepingKeys } from '../../src/document/safe-json';
import { fixtureText } from './helpers';

afterEach(() => vi.restoreAllMocks());

function failure(text: string, limits = {}) {
  const r = parseJsonSafely(text, limits);
  if (r.ok) throw new Error('expected the text to be refused');
  return r.problem;
}

describe('parseJsonSafely', () => {
  it('reads valid JSON into plain objects', () => {
    const r = parseJsonSafely('{"a": [1, "two", {"b": null}], "c": true}');
    expect(r).toEqual({ ok: true, value: { a: [1, 'two', { b: null }], c: true } });
  });

  it('ignores a byte-order mark at the start of the file', () => {
    expect(parseJsonSafely('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    ['a missing comma between properties', '{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}' after a property value, found '\"'"],
    ['a trailing comma in an object', '{"a": 1,}', 1, 9, "expected a property name in double quotes, found '}'"],
    ['a trailing comma in an array', '[1, 2,]', 1, 7, "expected a value, found ']'"],
    ['a single-quoted string', "{'a': 1}", 1, 2, "expected a property name in double quotes, found '''"],
    ['a missing colon', '{"a" 1}', 1, 6, "expected ':' after the property name, found '1'"],
    ['an unclosed string', '{\n"a": "text', 2, 6, 'this string is never closed'],
    ['a string cut by a line break', '{\n"a": "text\n}', 2, 11, 'control characters must be escaped), found a line break'],
    ['a raw line break inside a string', '{"a": "one\ntwo"}', 1, 11, 'control characters must be escaped'],
    ['a bad escape', '["\\x41"]', 1, 4, "expected a valid escape sequence after the backslash, found 'x'"],
    ['a short unicode escape', '["\\u12"]', 1, 3, 'expected four hex digits after \\u'],
    ['a word that is not a JSON literal', '{"a": undefined}', 1, 7, "expected a value, found 'u'"],
    ['a leading zero', '[012]', 1, 3, "expected ',' or ']' after an array item, found '1'"],
    ['text after the value', '{"a": 1} x', 1, 10, "unexpected text after the end of the JSON value, found 'x'"],
    ['an empty file', '', 1, 1, 'expected a value, found the end of the file'],
    ['a file cut short', '{"a": [1, 2', 1, 12, "expected ',' or ']' after an array item, found the end of the file"],
  ])('reports %s with its line and column', (_name, text, line, column, detail) => {
    const p = failure(text);
    expect(p.code).toBe('TF101');
    expect(p.path).toBe('');
    expect(p.message).toContain(`line ${line}, column ${column}:`);
    expect(p.message).toContain(detail);
  });

  it('reports the line and column of the syntax error in the invalid-json fixture', () => {
    const p = failure(fixtureText('invalid-json.json'));
    expect(p.message).toBe(`Invalid JSON at line 4, column 3: expected ',' or '}' after a property value, found '"'.`);
  });

  it('refuses input over the size limit without parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const p = failure(`["${'x'.repeat(2000)}"]`, { maxBytes: 1024 });
    expect(p.code).toBe('TF102');
    expect(p.message).toBe('The file is 2.0 KB, over the limit of 1.0 KB; it was not read.');
    expect(parse).not.toHaveBeenCalled();
  });

  it('counts the size in UTF-8 bytes', () => {
    // 400 "é" are 400 characters but 800 bytes.
    expect(failure(`"${'é'.repeat(400)}"`, { maxBytes: 700 }).code).toBe('TF102');
    expect(parseJsonSafely(`"${'é'.repeat(300)}"`, { maxBytes: 700 }).ok).toBe(true);
  });

  it('refuses the default 10 MB limit being exceeded', () => {
    const p = failure(`"${'x'.repeat(10 * 1024 * 1024)}"`);
    expect(p.message).toBe('The file is 10.0 MB, over the limit of 10.0 MB; it was not read.');
  });

  it('refuses nesting deeper than the limit before parsing, naming where', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const p = failure(fixtureText('deep-nesting.json'));
    expect(p.code).toBe('TF103');
    expect(p.message).toBe('Values are nested more than 64 levels deep at line 4, column 94; it was not read.');
    expect(parse).not.toHaveBeenCalled();
  });

  it('accepts nesting up to the limit, and does not count brackets inside strings', () => {
    expect(parseJsonSafely('[[[["[[[[[[[[[["]]]]', { maxDepth: 4 }).ok).toBe(true);
    expect(failure('[[[[[]]]]]', { maxDepth: 4 }).message).toContain('line 1, column 5');
    expect(parseJsonSafely('["a \\" [[[[[[", {"b": "\\\\"}]', { maxDepth: 2 }).ok).toBe(true);
  });

  it.each([
    ['__proto__', '{"__proto__": {"polluted": true}}'],
    ['an escaped __proto__', '{"\\u005f_proto__": {"polluted": true}}'],
    ['constructor.prototype', '{"constructor": {"prototype": {"polluted": true}}}'],
  ])('keeps %s an own property that never reaches a prototype', (_name, text) => {
    const r = parseJsonSafely(text);
    expect(r.ok).toBe(true);
    const value = (r as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a __proto__ key as data, equal to what was written', () => {
    const r = parseJsonSafely('{"a": {"__proto__": {"x": 1}, "b": 2}}');
    const a = (r as { value: { a: Record<string, unknown> } }).value.a;
    expect(Object.hasOwn(a, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(a, '__proto__')?.value).toEqual({ x: 1 });
    expect(a.b).toBe(2);
    expect((a as { x?: unknown }).x).toBeUndefined();
  });

  it.each([
    ['__proto__', '{"a": {"__proto__": {"x": 1}, "b": [{"constructor": {"prototype": 2}}]}}'],
    ['an escaped __proto__', '{"a": {"\\u005f_proto__": {"x": 1}, "b": [{"constructor": {"prototype": 2}}]}}'],
  ])('reads %s as data through the rebuilding reviver, as an engine without such a JSON.parse would', (_name, text) => {
    const value = parseKeepingKeys(text, true) as { a: Record<string, unknown> };
    expect(value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(value.a)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value.a, '__proto__')?.value).toEqual({ x: 1 });
    expect((value.a as { x?: unknown }).x).toBeUndefined();
  });

  it('tells a JSON.parse that keeps "__proto__" as data from one that sets the prototype with it', () => {
    expect(keepsProtoKeys((text) => JSON.parse(text))).toBe(true);
    const settingPrototype = () => {
      const value: Record<string, unknown> = {};
      // The assignment goes through the __proto__ setter, as a careless parser's would.
      value['__proto__'] = { x: 1 };
      return value;
    };
    expect(keepsProtoKeys(settingPrototype)).toBe(false);
    expect(
      keepsProtoKeys(() => {
        throw new SyntaxError('unsupported');
      }),
    ).toBe(false);
  });
});

describe('duplicate keys (TF108)', () => {
  it('refuses a key written twice in one object, naming the key, both places and the pointer', () => {
    const p = failure('{"workflow": {"actions": [{"id": "a1"},\n  {"id": "a2", "next": "a1", "next": null}]}}');
    expect(p).toMatchObject({ code: 'TF108', path: '/workflow/actions/1/next' });
    expect(p.message).toContain('The key "next" appears twice');
    expect(p.message).toContain('at line 2, column 16 and again at line 2, column 30');
  });

  it('sees a key spelled with an escape as the same key', () => {
    const p = failure('{"name": 1, "n\\u0061me": 2}');
    expect(p).toMatchObject({ code: 'TF108', path: '/name' });
  });

  it('finds a key written twice however the colon is spaced, "__proto__" included, and values that are keys elsewhere do not count', () => {
    expect(failure('{"a" :1, "b": {"c": "a"}, "a"\n\t :2}')).toMatchObject({ code: 'TF108', path: '/a' });
    expect(failure('{"x": [{"__proto__": 1, "__proto__": 2}]}')).toMatchObject({ code: 'TF108', path: '/x/0/__proto__' });
    expect(parseJsonSafely('{"k": ["k", "k"], "m": {"k": "k:"}, "n": "\\\\"}').ok).toBe(true);
  });

  it('accepts the same key in different objects, and keys that only look alike inside strings', () => {
    expect(parseJsonSafely('{"a": {"id": 1}, "b": {"id": 2}, "c": [{"id": 3}, {"id": 4}], "d": "\\"id\\": \\"id\\""}').ok).toBe(true);
    expect(firstDuplicateKey('{"k": "a,\\"k\\"", "j": ["k", "k"]}')).toBeNull();
  });

  it('finds a duplicate after 100,000 nested levels of arrays without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + '{"x": 1, "x": 2}' + ']'.repeat(100_000);
    expect(firstDuplicateKey(deep)).toMatchObject({ key: 'x', first: 100_001, again: 100_009 });
  });

  it('quotes a huge duplicate key clipped', () => {
    const key = 'k'.repeat(100_000);
    const p = failure(`{"${key}": 1, "${key}": 2}`, { maxBytes: 1e7 });
    expect(p.code).toBe('TF108');
    expect(p.message.length).toBeLessThan(600);
  });
});
