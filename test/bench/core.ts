/**
 * Core benchmark (Node): importing and validating generated workflows of each size, and the two schema
 * validators on their own. importWorkflow is the full path a file takes (parse, migrate, restore, JSON
 * Schema with ajv, then the semantic rules against the workspace). The zod figure is
 * WorkflowDocumentSchema.safeParse on the parsed value; the ajv figure is the document layer's own
 * compiled validator (schemaProblems, which on a valid document is the ajv call and nothing else).
 */
import { exportWorkflow, importWorkflow, validateWorkflowDocument } from '../../src/document';
import { schemaProblems } from '../../src/document/schema-validation';
import { defaultWorkspace, WorkflowDocumentSchema } from '../../src/model';
import { generateWorkflowDocument, WORKFLOW_SIZES } from './generate';
import { figure, interleaved, medianCpu, medianWall, type Figure, type Repeat } from './measure';
import { formatHottest, heaviest, hottest, profileNode } from './profile';

const SECTION = 'core';
/** SPEC §8 "fast at size": a 1,000-action workflow imported and validated in under 5 ms. */
const IMPORT_TARGET_MS = 5;

/**
 * Runs the core benchmark; `repeat` is per size (runs shrink for the largest size to keep the bench
 * short). With `profile`, adds a CPU profile of importing the 1,000-action workflow.
 */
export async function benchCore(repeat: Repeat, profile: string[] | null): Promise<Figure[]> {
  const workspace = defaultWorkspace();
  const figures: Figure[] = [];
  for (const size of WORKFLOW_SIZES) {
    const doc = generateWorkflowDocument(size);
    const text = exportWorkflow(doc);
    const parsed: unknown = JSON.parse(text);
    // A document that fails to import would time the error path; the bench refuses to report that.
    const started = performance.now();
    const check = importWorkflow(text, { workspace });
    const firstMs = performance.now() - started;
    if (!check.ok || check.problems.length) throw new Error(`The generated ${size}-action workflow does not import cleanly.`);
    if (!WorkflowDocumentSchema.safeParse(parsed).success || schemaProblems('workflow', parsed).length) {
      throw new Error(`The generated ${size}-action workflow does not pass the schema validators.`);
    }
    const runs = size >= 5000 ? Math.max(5, Math.ceil(repeat.runs / 2)) : Math.max(repeat.runs, 15);
    // V8 optimises the validators only after some dozens of calls; a steady-state figure warms up past
    // that (a few milliseconds each), and the first call of a process is reported on its own below.
    const warmup = size >= 5000 ? Math.max(repeat.warmup, 5) : Math.max(repeat.warmup, 30);
    const s = interleaved(
      {
        import: () => importWorkflow(text, { workspace }),
        validate: () => validateWorkflowDocument(doc, workspace),
        zod: () => WorkflowDocumentSchema.safeParse(parsed),
        ajv: () => schemaProblems('workflow', parsed),
        parse: () => JSON.parse(text),
      },
      { warmup, runs },
    );
    const ms = (k: keyof typeof s) => medianWall(s[k]);
    const label = `${size.toLocaleString('en-US')} actions`;
    figures.push(
      figure({
        section: SECTION,
        name: `import + validate, ${label} (${Math.round(text.length / 1024)} KB)`,
        value: ms('import'),
        unit: 'ms',
        cpu: medianCpu(s.import),
        ...(size === 1000 ? { target: { kind: 'max' as const, value: IMPORT_TARGET_MS } } : {}),
      }),
      figure({ section: SECTION, name: `  of which JSON.parse`, value: ms('parse'), unit: 'ms', cpu: medianCpu(s.parse) }),
      figure({ section: SECTION, name: `  validate in memory (schema + semantic)`, value: ms('validate'), unit: 'ms', cpu: medianCpu(s.validate) }),
      figure({ section: SECTION, name: `  zod safeParse alone`, value: ms('zod'), unit: 'ms', cpu: medianCpu(s.zod) }),
      figure({ section: SECTION, name: `  ajv (compiled, strict) alone`, value: ms('ajv'), unit: 'ms', cpu: medianCpu(s.ajv) }),
      figure({ section: SECTION, name: `  import ÷ zod alone`, value: ms('import') / ms('zod'), unit: '×' }),
      figure({ section: SECTION, name: `  import ÷ ajv alone`, value: ms('import') / ms('ajv'), unit: '×' }),
      figure({ section: SECTION, name: `  zod ÷ ajv`, value: ms('zod') / ms('ajv'), unit: '×' }),
    );
    // The loop's first import is the process's first.
    if (size === WORKFLOW_SIZES[0]) {
      figures.push(
        figure({
          section: SECTION,
          name: `  first import of the process (compiles the validators; one run)`,
          value: firstMs,
          unit: 'ms',
          note: 'once per process; the figures above are steady state',
        }),
      );
    }
    if (profile && size === 1000) {
      const p = await profileNode(() => {
        for (let i = 0; i < 50; i++) importWorkflow(text, { workspace });
      });
      profile.push(formatHottest('profile: importWorkflow of the 1,000-action workflow, 50 times (self time)', hottest(p)));
      profile.push(formatHottest('profile: the same (total time of named functions)', heaviest(p, 20)));
    }
  }
  return figures;
}
