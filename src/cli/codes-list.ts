import { canonicalJson, CODES } from '../document';
import { documentedCodes } from '../engine';

/** One documented code: a TF problem code of the documents, or a code of the simulation's trace and errors. */
export interface CodeEntry {
  code: string;
  /** "problem" for TF codes; for the simulation, the trace kind ("error" for its error codes). */
  kind: string;
  /** TF codes: the stable name and default severity. */
  name?: string;
  severity?: string;
  /** What it means: the message template of a TF code ("{name}" placeholders), the description of a trace code. */
  description: string;
}

/** Every code Ticketflow reports, made from the source lists (src/document/codes.ts, src/engine/codes.ts). */
export function codeList(): { version: 1; problems: CodeEntry[]; simulation: CodeEntry[] } {
  const problems = Object.entries(CODES).map(([code, c]) => ({ code, kind: 'problem', name: c.name, severity: c.severity, description: c.template }));
  const simulation = documentedCodes().map((c) => ({ code: c.code, kind: c.kind, description: c.description }));
  return { version: 1, problems, simulation };
}

/** A Markdown table cell: pipes escaped, line ends as spaces. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The generated files of the code list: codes.json (data) and codes.md (the table the docs link to). */
export function codeListFiles(): { file: string; text: string }[] {
  const list = codeList();
  const md = [
    '# Ticketflow codes',
    '',
    'Generated from `src/document/codes.ts` and `src/engine/codes.ts` by `npm run schemas`; never edit by hand',
    '(a test fails when this file and the source differ). The same list as data: `codes.json`.',
    '',
    '## Problem codes (import, validation, CLI)',
    '',
    '| code | name | severity | message |',
    '|---|---|---|---|',
    ...list.problems.map((c) => `| \`${c.code}\` | ${c.name} | ${c.severity} | ${cell(c.description)} |`),
    '',
    '## Simulation trace and error codes',
    '',
    '| code | kind | meaning |',
    '|---|---|---|',
    ...list.simulation.map((c) => `| \`${c.code}\` | ${c.kind} | ${cell(c.description)} |`),
    '',
  ].join('\n');
  return [
    { file: 'codes.json', text: canonicalJson(list) },
    { file: 'codes.md', text: md },
  ];
}
