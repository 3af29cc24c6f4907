import { problem, type Problem } from './codes';
import { isRecord } from './json-pointer';
import { describeJson, jsonFound, listWords } from './words';
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
    return problem('TF104', '', { found: describeJson(value), expected: NOUN[kind], kind, ...jsonFound(value) });
  }
  const format = value.format;
  if (format !== info.format) {
    const other = (Object.keys(FORMATS) as DocumentKind[]).find((k) => FORMATS[k].format === format);
    let detail: string;
    if (format === undefined) detail = `The file has no "format"; a ${NOUN[kind]} starts with "format": "${info.format}".`;
    else if (other) detail = `This is a ${NOUN[other]} ("format": "${FORMATS[other].format}"), not a ${NOUN[kind]}.`;
    else detail = `The "format" is ${describeJson(format)}, not "${info.format}": this is not a Ticketflow ${NOUN[kind]}.`;
    const reason: Record<string, string> = format === undefined ? { reason: 'noFormat' } : other ? { reason: 'otherKind', other, otherFormat: FORMATS[other].format } : { reason: 'notTicketflow', ...jsonFound(format) };
    return problem('TF105', '/format', { detail, kind, format: info.format, ...reason });
  }
  const version = value.schemaVersion;
  const supported = supportedVersions(info);
  if (typeof version === 'number' && supported.includes(version)) return null;
  let detail: string;
  let reason: Record<string, string | number>;
  if (version === undefined) {
    detail = 'The file has no "schemaVersion".';
    reason = { reason: 'none' };
  } else if (typeof version !== 'number' || !Number.isInteger(version)) {
    detail = `The "schemaVersion" is ${describeJson(version)}, not a whole number.`;
    reason = { reason: 'notWhole', ...jsonFound(version) };
  } else if (version > info.current) {
    detail = `The file has schemaVersion ${version}, which is newer than this version of Ticketflow; update Ticketflow to open it.`;
    reason = { reason: 'newer', version };
  } else {
    detail = `The file has schemaVersion ${version}, which Ticketflow never wrote.`;
    reason = { reason: 'never', version };
  }
  return problem('TF106', '/schemaVersion', {
    detail,
    ...reason,
    format: info.format,
    supported: listWords(supported.map(String)),
    versions: supported.map(String),
  });
}
