/**
 * Fuzz properties of the command line's own classes of failure (issues #11 and #13): bytes in any
 * encoding, output amplification, report caps, canonical and chunked output. Like properties.ts, the
 * fixed-seed test (cli.test.ts) runs each for its `ciRuns`, and `npm run fuzz` for as long as asked.
 */
import fc from 'fast-check';
import { checkText, failedReport, sniffFormat } from '../../src/cli/load';
import { canonicalJson, jsonChunks } from '../../src/cli/output';
import { clip, fileJson, fileLines, isValid, ListingBudget, NOTES_PER_FILE, PROBLEMS_PER_FILE, PROBLEMS_PER_REPORT, TEXT_PER_ITEM } from '../../src/cli/report';
import { decodeDocumentBytes, exportWorkflow, problem } from '../../src/document';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type WorkflowDocument } from '../../src/model';
import { documentArb, fewTextMutations, mutateJson, mutateText, valueMutationArb } from './arbitraries';
import type { FuzzProperty } from './properties';

const workspace = defaultWorkspace();

const prop = (name: string, ciRuns: number, property: fc.IProperty<unknown[]>): FuzzProperty => ({ name, ciRuns, property: property as fc.IProperty<never> });

/** How a text is turned into the bytes of a file. */
const ENCODINGS = ['utf8', 'utf8-bom', 'utf16le-bom', 'utf16le', 'utf16be', 'utf32le-bom', 'latin1', 'truncated'] as const;
type Encoding = (typeof ENCODINGS)[number];

/** Names the CLI must give an encoding it refuses (null: refused or not, whatever the bytes say). */
const NAMED: Partial<Record<Encoding, string>> = { 'utf16le-bom': 'UTF-16 LE', 'utf32le-bom': 'UTF-32 LE' };

function encode(text: string, encoding: Encoding, cut: number): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'utf16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'utf32le-bom': {
      const out = [0xff, 0xfe, 0, 0];
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        out.push(cp & 0xff, (cp >> 8) & 0xff, (cp >> 16) & 0xff, 0);
      }
      return Uint8Array.from(out);
    }
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'truncated': {
      const bytes = Buffer.from(text, 'utf8');
      return bytes.subarray(0, Math.min(bytes.length, cut));
    }
  }
}

/** The texts fed in: mutated example documents of each kind, random workflow documents, and anything at all. */
const textArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom<unknown>(...EXAMPLE_WORKFLOWS.map((e) => e.document), ...EXAMPLE_SCENARIOS.map((e) => e.scenario), workspace),
      fc.array(valueMutationArb, { maxLength: 3 }),
      fewTextMutations(),
    )
    .map(([value, values, texts]) => mutateText(mutateJson(value, values), texts)),
  documentArb({ maxActions: 6 }).map((d) => JSON.stringify(d)),
  fc.string({ maxLength: 300 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ format: 'ticketflow.bundle', schemaVersion: 1, workspace: v, workflows: [v] })),
);

/** A report line carries no raw control or bidirectional formatting character. */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The CLI's own properties. */
export const CLI_PROPERTIES: readonly FuzzProperty[] = [
  prop(
    'bytes in any encoding give the command line one bounded, printable report, never TF901',
    300,
    fc.property(textArb, fc.constantFrom(...ENCODINGS), fc.nat({ max: 400 }), (text, encoding, cut) => {
      const bytes = encode(text, encoding, cut);
      const decoded = decodeDocumentBytes(bytes);
      const checked = decoded.ok ? checkText('fuzz.json', decoded.text, workspace) : { format: null, value: null, report: failedReport('fuzz.json', decoded.problem, false) };
      const { report } = checked;
      if (report.problems.some((p) => p.code === 'TF901')) throw new Error(`TF901: ${report.problems.find((p) => p.code === 'TF901')!.message}`);
      const named = NAMED[encoding];
      if (named && !(!decoded.ok && decoded.problem.message.includes(named))) throw new Error(`${encoding} bytes were not refused naming ${named}`);
      const lines = fileLines(report, new ListingBudget());
      if (lines.length > 3 + PROBLEMS_PER_FILE + NOTES_PER_FILE) throw new Error(`${lines.length} report lines`);
      for (const line of lines) {
        if (line.length > 2 * TEXT_PER_ITEM + 300) throw new Error(`a report line of ${line.length} characters`);
        if (UNPRINTABLE.test(line)) throw new Error(`an unprintable character in ${JSON.stringify(line.slice(0, 200))}`);
      }
      const entry = fileJson(report, new ListingBudget());
      const json = JSON.parse(canonicalJson(entry)) as { valid: boolean; problems: unknown[] };
      if (json.valid !== isValid(report)) throw new Error('the JSON verdict differs from the text one');
      // A valid workflow's canonical bytes are canonical: formatting them again changes nothing.
      if (checked.format === 'workflow' && checked.value !== null && isValid(report)) {
        const once = exportWorkflow(checked.value as WorkflowDocument);
        const again = checkText('fuzz.json', once, workspace);
        if (again.value === null || exportWorkflow(again.value as WorkflowDocument) !== once) throw new Error('format is not idempotent');
      }
    }),
  ),
  prop(
    'problem listings hold their caps for any number of files and problems',
    300,
    fc.property(fc.array(fc.nat({ max: 3000 }), { maxLength: 40 }), (counts) => {
      const budget = new ListingBudget();
      let listed = 0;
      counts.forEach((n, i) => {
        const problems = Array.from({ length: n }, () => problem('TF318', '/workflow'));
        const entry = fileJson({ file: `f${i}.json`, format: 'workflow', unreadable: false, migratedFrom: null, notes: [], problems }, budget);
        const shown = (entry.problems as unknown[]).length;
        if (shown > PROBLEMS_PER_FILE) throw new Error(`${shown} problems listed for one file`);
        if (shown + ((entry.more as number | undefined) ?? 0) !== n) throw new Error('listed and counted problems do not add up');
        listed += shown;
      });
      if (listed > PROBLEMS_PER_REPORT) throw new Error(`${listed} problems listed in one report`);
    }),
  ),
  prop(
    'clipped texts keep their start, say how much was left out, and never split a character',
    300,
    fc.property(fc.string({ unit: 'grapheme', maxLength: 1500 }), fc.string({ unit: 'binary', maxLength: 3000 }), (a, b) => {
      for (const text of [a, b]) {
        const out = clip(text);
        if (text.length <= TEXT_PER_ITEM ? out !== text : !/… \([\d,]+ more characters\)$/.test(out)) throw new Error('clip changed a short text or did not count');
        if (out.length > TEXT_PER_ITEM + 40) throw new Error(`clipped to ${out.length} characters`);
        const kept = out.slice(0, out.lastIndexOf('…'));
        if (text.length > TEXT_PER_ITEM && (!text.startsWith(kept) || /[\ud800-\udbff]$/.test(kept))) throw new Error('clip split a surrogate pair');
      }
    }),
  ),
  prop(
    'the chunked JSON writer writes exactly canonicalJson for any value',
    300,
    fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      if ([...jsonChunks(value)].join('') !== canonicalJson(value)) throw new Error('the chunks differ from canonicalJson');
    }),
  ),
  prop(
    'the format sniffer finds what JSON.parse finds in the top-level "format", and never throws',
    500,
    fc.property(
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
      fc.option(fc.oneof(fc.constantFrom('ticketflow.workflow', 'ticketflow.bundle'), fc.jsonValue({ maxDepth: 2 }))),
      fc.nat({ max: 6 }),
      fc.boolean(),
      fc.nat({ max: 300 }),
      (members, format, at, pretty, cut) => {
        const entries = Object.entries(members).filter(([k]) => k !== 'format');
        if (format !== null) entries.splice(Math.min(at, entries.length), 0, ['format', format as fc.JsonValue]);
        const text = JSON.stringify(Object.fromEntries(entries), null, pretty ? 2 : undefined);
        const sniffed = sniffFormat(text);
        const parsed = JSON.parse(text) as Record<string, unknown>;
        if (Object.hasOwn(parsed, 'format')) {
          if (!sniffed.found || JSON.stringify(sniffed.value) !== JSON.stringify(parsed.format)) throw new Error(`sniffed ${JSON.stringify(sniffed)}`);
        } else if (sniffed.found || sniffed.why !== 'absent') throw new Error(`sniffed ${JSON.stringify(sniffed)} in an object without a format`);
        // Cut anywhere, the text still gives an answer.
        sniffFormat(text.slice(0, cut));
      },
    ),
  ),
];
