import { describe, expect, it } from 'vitest';
import { importScenario, importWorkflow, importWorkspace } from '../../src/document';
import { fixtureText } from './helpers';

function refusal(text: string) {
  const r = importWorkflow(text);
  if (r.ok) throw new Error('expected a refusal');
  expect(r.problems).toHaveLength(1);
  // The English words of the problem; its params (for other languages) are the renderer tests' concern.
  const { params: _params, ...words } = r.problems[0]!;
  return words;
}

describe('the document envelope', () => {
  it.each([
    ['an array', '[]', 'TF104', '', 'The file holds an array, not a workflow document object.'],
    ['a string', '"hello"', 'TF104', '', 'The file holds the string "hello", not a workflow document object.'],
    ['null', 'null', 'TF104', '', 'The file holds null, not a workflow document object.'],
    [
      'an object without format',
      '{"schemaVersion": 2}',
      'TF105',
      '/format',
      'The file has no "format"; a workflow document starts with "format": "ticketflow.workflow".',
    ],
    [
      'a workspace file',
      '{"format": "ticketflow.workspace", "schemaVersion": 1}',
      'TF105',
      '/format',
      'This is a workspace ("format": "ticketflow.workspace"), not a workflow document.',
    ],
    [
      'another program’s file',
      '{"format": "n8n.workflow"}',
      'TF105',
      '/format',
      'The "format" is the string "n8n.workflow", not "ticketflow.workflow": this is not a Ticketflow workflow document.',
    ],
    [
      'no schemaVersion',
      '{"format": "ticketflow.workflow"}',
      'TF106',
      '/schemaVersion',
      'The file has no "schemaVersion". This version of Ticketflow reads ticketflow.workflow schemaVersion 1, 2 and 3.',
    ],
    [
      'a schemaVersion written as text',
      '{"format": "ticketflow.workflow", "schemaVersion": "2"}',
      'TF106',
      '/schemaVersion',
      'The "schemaVersion" is the string "2", not a whole number. This version of Ticketflow reads ticketflow.workflow schemaVersion 1, 2 and 3.',
    ],
    [
      'a fractional schemaVersion',
      '{"format": "ticketflow.workflow", "schemaVersion": 1.5}',
      'TF106',
      '/schemaVersion',
      'The "schemaVersion" is the number 1.5, not a whole number. This version of Ticketflow reads ticketflow.workflow schemaVersion 1, 2 and 3.',
    ],
    [
      'a schemaVersion that never existed',
      '{"format": "ticketflow.workflow", "schemaVersion": 0}',
      'TF106',
      '/schemaVersion',
      'The file has schemaVersion 0, which Ticketflow never wrote. This version of Ticketflow reads ticketflow.workflow schemaVersion 1, 2 and 3.',
    ],
  ])('refuses %s', (_name, text, code, path, message) => {
    expect(refusal(text)).toEqual({ code, severity: 'error', path, message });
  });

  it('refuses a newer schemaVersion, naming the version seen and the versions supported', () => {
    expect(refusal(fixtureText('unknown-version.json'))).toEqual({
      code: 'TF106',
      severity: 'error',
      path: '/schemaVersion',
      message:
        'The file has schemaVersion 4, which is newer than this version of Ticketflow; update Ticketflow to open it. This version of Ticketflow reads ticketflow.workflow schemaVersion 1, 2 and 3.',
    });
  });

  it('checks the envelope of workspaces and scenarios by their own format and versions', () => {
    const ws = importWorkspace('{"format": "ticketflow.workspace", "schemaVersion": 2}');
    expect(!ws.ok && ws.problems[0]!.message).toBe(
      'The file has schemaVersion 2, which is newer than this version of Ticketflow; update Ticketflow to open it. This version of Ticketflow reads ticketflow.workspace schemaVersion 1.',
    );
    const sc = importScenario('{"format": "ticketflow.workflow", "schemaVersion": 2}');
    expect(!sc.ok && sc.problems[0]!.message).toBe('This is a workflow document ("format": "ticketflow.workflow"), not a scenario.');
  });
});
