import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeList, codeListFiles } from '../../src/cli/codes-list';
import { CODES } from '../../src/document';
import { ERROR_CODES, TRACE_CODES } from '../../src/engine';

const committed = (file: string) => readFileSync(new URL(`../../schemas/${file}`, import.meta.url), 'utf8');

describe('the generated list of codes', () => {
  it.each(codeListFiles().map((f) => [f.file, f.text] as const))('keeps the committed schemas/%s equal to what the source gives (run npm run schemas)', (file, text) => {
    expect(committed(file), `schemas/${file} drifted from src/document/codes.ts or src/engine/codes.ts: run npm run schemas`).toBe(text);
  });

  it('lists every TF code and every simulation trace and error code exactly once', () => {
    const list = codeList();
    expect(list.problems.map((c) => c.code)).toEqual(Object.keys(CODES));
    expect(list.simulation.map((c) => c.code).sort()).toEqual([...Object.keys(TRACE_CODES), ...Object.keys(ERROR_CODES)].sort());
    const md = committed('codes.md');
    for (const c of [...list.problems, ...list.simulation]) expect(md).toContain(`| \`${c.code}\` |`);
  });

  it('is linked from the schemas README', () => {
    expect(committed('README.md')).toContain('codes.md');
  });
});
