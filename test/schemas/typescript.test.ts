import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { afterAll, describe, expect, it } from 'vitest';

// A backend team's code generator on the published schemas: json-schema-to-typescript must give one
// named type per $def, and the action, trigger and event unions must narrow on their tags under tsc.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KINDS = ['workflow', 'workspace', 'scenario'] as const;
const dir = mkdtempSync(join(tmpdir(), 'ticketflow-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schemaOf = (kind: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8')) as { $defs: Record<string, unknown> };
const generated: Record<string, string> = {};

/** The names of the types a generated file exports. */
const exported = (text: string) => new Set([...text.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]!.toLowerCase()));

const PROGRAM = `
import type { Action, Trigger, TicketflowWorkflowDocument } from './workflow';
import type { ScenarioEvent } from './scenario';
import type { Pipeline } from './workspace';

export function describeAction(action: Action): string {
  // @ts-expect-error: target belongs to the goto action alone, so the union must be narrowed first
  void action.target;
  if (action.kind === 'goto') return action.target ?? 'unset';
  if (action.kind === 'delay') return action.wait.type;
  if (action.kind === 'branch') return action.paths.map((p) => p.label).join(', ');
  return action.kind;
}

export function describeTrigger(trigger: Trigger): string {
  // @ts-expect-error: toStatusId belongs to the statusChanged trigger alone
  void trigger.toStatusId;
  return trigger.type === 'statusChanged' ? String(trigger.toStatusId) : trigger.type;
}

export function when(event: ScenarioEvent): string {
  if (event.type === 'advance') return event.at;
  return event.type;
}

export function count(doc: TicketflowWorkflowDocument, pipelines: Pipeline[]): number {
  return doc.workflow.actions.map(describeAction).length + doc.workflow.enrollment.triggers.map(describeTrigger).length + pipelines.length;
}
`;

describe('json-schema-to-typescript on the published schemas', () => {
  it.each(KINDS)('gives one named type for each $def of %s.schema.json', async (kind) => {
    const schema = schemaOf(kind);
    const text = await compile(schema as never, kind, { bannerComment: '', additionalProperties: false, format: false });
    generated[kind] = text;
    writeFileSync(join(dir, `${kind}.ts`), text);
    const names = exported(text);
    expect(Object.keys(schema.$defs).filter((def) => !names.has(def.toLowerCase()))).toEqual([]);
    // Named types, not numbered copies of anonymous ones.
    expect([...names].filter((n) => /\d$/.test(n))).toEqual([]);
  });

  it('type-checks a program that narrows the action, trigger and scenario event unions', () => {
    expect(Object.keys(generated).sort()).toEqual([...KINDS].sort());
    writeFileSync(join(dir, 'consumer.ts'), PROGRAM);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const run = () =>
      execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--skipLibCheck', '--ignoreConfig', join(dir, 'consumer.ts')], {
        encoding: 'utf8',
      });
    expect(run).not.toThrow();
    // The check can fail: the same program without the narrowing is refused.
    writeFileSync(join(dir, 'consumer.ts'), PROGRAM.replace("if (action.kind === 'goto') return action.target ?? 'unset';", "return String(action.target);"));
    expect(run).toThrow();
  }, 120_000);
});
