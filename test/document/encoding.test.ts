import { describe, expect, it } from 'vitest';
import { decodeDocumentBytes, recogniseEncoding } from '../../src/document/encoding';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

describe('decodeDocumentBytes', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeDocumentBytes(utf8('{"a":"é✓😀"}'))).toEqual({ ok: true, text: '{"a":"é✓😀"}' });
    expect(decodeDocumentBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('{}')]))).toEqual({ ok: true, text: '{}' });
  });

  it.each([
    ['UTF-16 LE', utf16('{"format":1}', true, true)],
    ['UTF-16 BE', utf16('{"format":1}', false, true)],
    ['UTF-16 LE', utf16('{"format":1}', true, false)],
    ['UTF-16 BE', utf16('{"format":1}', false, false)],
    ['UTF-32 LE', Uint8Array.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0])],
  ])('refuses %s and names it', (name, bytes) => {
    const out = decodeDocumentBytes(bytes);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.problem.code).toBe('TF107');
      expect(out.problem.message).toContain(name);
    }
  });

  it('refuses Latin-1 with the place of the first byte that is not UTF-8, never turning it into U+FFFD', () => {
    const bytes = Uint8Array.from([...utf8('{\n  "name": "Caf'), 0xe9, ...utf8('"}')]);
    const out = decodeDocumentBytes(bytes);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.problem.message).toMatch(/0xE9 at line 2, column 15 is not UTF-8/);
      expect(out.problem.message).toContain('Latin-1');
    }
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a sequence cut short', [0xe2, 0x82]],
    ['a lone continuation byte', [0x80]],
  ])('refuses %s', (_name, tail) => {
    const out = decodeDocumentBytes(Uint8Array.from([...utf8('{"a":"'), ...tail]));
    expect(out.ok).toBe(false);
  });

  it('recognises nothing in plain ASCII', () => {
    expect(recogniseEncoding(utf8('{"a": 1}'))).toBeNull();
  });
});
