import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

// schemas/simulation-result.schema.json describes what simulate --json prints: real outputs, on success
// and on bad input, must pass it under a plain ajv.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/simulation-result.schema.json'), 'utf8')));
const examples = (dir: string) => readdirSync(join(ROOT, 'src/examples', dir)).filter((f) => f.endsWith('.json')).map((f) => join(ROOT, 'src/examples', dir, f));
const fixture = (name: string) => join(ROOT, 'test/cli/fixtures', name);

async function output(argv: string[]): Promise<{ code: number; value: unknown }> {
  const { code, stdout } = await run(['simulate', '--json', ...argv]);
  return { code, value: JSON.parse(stdout) as unknown };
}

describe('schemas/simulation-result.schema.json', () => {
  it.each(examples('scenarios').map((s) => [s.slice(s.lastIndexOf('/') + 1), s] as const))('accepts the simulate --json output of the example scenario %s', async (_name, scenario) => {
    const { code, value } = await output(['--scenario', scenario, ...examples('workflows')]);
    expect(code).toBe(0);
    expect(value).toMatchObject({ ok: true });
    expect(validate(value), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect((value as { result: { trace: unknown[] } }).result.trace.length).toBeGreaterThan(0);
  });

  it.each([
    ['a broken workflow', ['--scenario', examples('scenarios')[0]!, fixture('broken-workflow.json')]],
    ['a scenario that is not JSON', ['--scenario', fixture('not-json.json')]],
    ['a missing scenario', ['--scenario', fixture('no-such-file.json')]],
  ])('accepts the simulate --json output on %s, with the problems in it', async (_name, argv) => {
    const { code, value } = await output(argv);
    expect(code).toBeGreaterThan(0);
    expect(value).toMatchObject({ ok: false, result: null });
    expect((value as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
    expect(validate(value), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('refuses what is not such an output', () => {
    expect(validate({ version: 1, ok: true, result: { clock: 'x' }, problems: [] })).toBe(false);
    expect(validate([])).toBe(false);
  });
});
