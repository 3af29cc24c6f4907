import { problem, type Problem } from './codes';
import { isRecord } from './json-pointer';
import { describeJson, listWords } from './words';
import { FORMATS, supportedVersions, type DocumentKind } from './migrations';

const NOUN: Record<DocumentKind, string> = { workflow: 'workflow document', workspace: 'workspace', scenario: 'scenario' };

/**
 * Checks the envelope every Ticketflow file starts with: an object whose "format" names the expected
 * kind and whose "schemaVersion" is one this version can read (the current one, or an older one it
 * migrates). Returns the problem that stops the import, or null.
 */
export function envelopeProblem(value: unknown, kind: DocumentKind): Problem | null {
  const info = FORMATS[kind];
  if (!isRecord(value)) {
    return problem('TF104', '', { found: describeJson(value), expected: NOUN[kind] });
  }
  const format = value.format;
  if (format !== info.format) {
    const other = (Object.keys(FORMATS) as DocumentKind[]).find((k) => FORMATS[k].format === format);
    let detail: string;
    if (format === undefined) detail = `The file has no "format"; a ${NOUN[kind]} starts with "format": "${info.format}".`;
    else if (other) detail = `This is a ${NOUN[other]} ("format": "${FORMATS[other].format}"), not a ${NOUN[kind]}.`;
    else detail = `The "format" is ${describeJson(format)}, not "${info.format}": this is not a Ticketflow ${NOUN[kind]}.`;
    return problem('TF105', '/format', { detail });
  }
  const version = value.schemaVersion;
  const supported = supportedVersions(info);
  if (typeof version === 'number' && supported.includes(version)) return null;
  let detail: string;
  if (version === undefined) detail = 'The file has no "schemaVersion".';
  else if (typeof version !== 'number' || !Number.isInteger(version)) {
    detail = `The "schemaVersion" is ${describeJson(version)}, not a whole number.`;
  } else if (version > info.current) {
    detail = `The file has schemaVersion ${version}, which is newer than this version of Ticketflow; update Ticketflow to open it.`;
  } else detail = `The file has schemaVersion ${version}, which Ticketflow never wrote.`;
  return problem('TF106', '/schemaVersion', {
    detail,
    format: info.format,
    supported: listWords(supported.map(String)),
  });
}
