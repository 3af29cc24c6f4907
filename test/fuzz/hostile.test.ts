import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/run';
import { run as runCliInProcess } from '../cli/helpers';
import { EXAMPLE_SCENARIOS } from '../../src/examples';
import { hasErrors } from '../../src/document';
import { defaultWorkspace, type WorkflowDocument } from '../../src/model';
import { GENERATED } from '../fixtures/hostile/generate';
import { assertPrototypesIntact, checkGraph, checkImport, checkSimulation } from './check';

/** One entry of test/fixtures/hostile/catalogue.json. */
interface Entry {
  file: string;
  kind: 'workflow' | 'workspace' | 'scenario';
  outcome: 'refused' | 'imported';
  codes: string[];
  says?: string;
  cli: number;
  /** The codes the command line reports when they differ from the import's: it reads bytes (TF107), tells files apart by content, and stops reading at the limit (TF503). */
  cliCodes?: string[];
  why: string;
  generated?: boolean;
}

const DIR = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const catalogue = JSON.parse(readFileSync(join(DIR, 'catalogue.json'), 'utf8')) as { files: Entry[] };
const workspace = defaultWorkspace();
const EXAMPLE_WORKFLOW = 'src/examples/workflows/ticket-received-email.json';

let generatedDir = '';
beforeAll(() => {
  generatedDir = mkdtempSync(join(tmpdir(), 'ticketflow-hostile-'));
  for (const [name, build] of Object.entries(GENERATED)) writeFileSync(join(generatedDir, name), build());
});
afterAll(() => rmSync(generatedDir, { recursive: true, force: true }));

const pathOf = (e: Entry) => join(e.generated ? generatedDir : DIR, e.file);

/** The command line that reads a file of the entry's kind. */
function argvFor(e: Entry): string[] {
  switch (e.kind) {
    case 'workflow':
      return ['validate', pathOf(e)];
    case 'workspace':
      return ['validate', '--workspace', pathOf(e), EXAMPLE_WORKFLOW];
    case 'scenario':
      return ['simulate', '--scenario', pathOf(e), EXAMPLE_WORKFLOW];
  }
}

async function runCliOn(argv: string[]): Promise<{ code: number; out: string }> {
  const { code, stdout, stderr } = await runCliInProcess(argv);
  return { code, out: stdout + stderr };
}

describe('the hostile file catalogue', () => {
  it('lists every file in the folder and nothing else, with at least 30 committed files', () => {
    const committed = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'catalogue.json').sort();
    const listed = catalogue.files.filter((e) => !e.generated).map((e) => e.file).sort();
    expect(listed).toEqual(committed);
    expect(catalogue.files.filter((e) => e.generated).map((e) => e.file).sort()).toEqual(Object.keys(GENERATED).sort());
    expect(committed.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(catalogue.files)('$file', (entry) => {
    it(`is ${entry.outcome}${entry.codes.length ? ` with ${entry.codes.join(', ')}` : ' cleanly'}, leaving every prototype untouched`, () => {
      const text = readFileSync(pathOf(entry), 'utf8');
      const result = checkImport(entry.kind, text, workspace);
      const problems = result.problems;
      // "imported": the file opens (to be fixed, when it has errors); its verdict is ok only without errors.
      expect(result.document ? 'imported' : 'refused').toBe(entry.outcome);
      expect(result.ok).toBe(!hasErrors(problems));
      expect([...new Set(problems.map((p) => p.code))].sort()).toEqual([...entry.codes].sort());
      if (entry.says) expect(problems.map((p) => p.message).join('\n')).toContain(entry.says);
      if (result.document && entry.kind === 'workflow') {
        const doc = result.document! as WorkflowDocument;
        checkGraph(doc.workflow, [{ t: 'insert', kind: 'setStatus', at: 1 }, { t: 'delete', pick: 0, keep: 0 }, { t: 'move', pick: 1, at: 2 }]);
        checkSimulation(workspace, [doc.workflow], EXAMPLE_SCENARIOS[0]!.scenario);
      }
      assertPrototypesIntact(entry.file);
      // The biggest files (10,500 to 20,001 actions, 100,000 positions) take seconds on a loaded machine.
    }, 60_000);

    it(`exits ${entry.cli} from the command line, naming the problems`, async () => {
      const { code, out } = await runCliOn(argvFor(entry));
      expect(code).not.toBe(EXIT.internal);
      expect(code).toBe(entry.cli);
      for (const c of entry.cliCodes ?? entry.codes) expect(out).toContain(c);
      // Bounded whatever the input: at most 200 problems listed, each text clipped to 1,000 characters.
      expect(out.length).toBeLessThan(500_000);
      assertPrototypesIntact(`the CLI on ${entry.file}`);
    }, 60_000);
  });
});
