import { describe, expect, it } from 'vitest';
import { exportWorkflow, importWorkflow, stableStringify } from '../../src/document';
import { defaultWorkspace, type WorkflowDocument } from '../../src/model';
import { fixtureText } from './helpers';

function validDoc(): WorkflowDocument {
  const r = importWorkflow(fixtureText('valid-workflow.json'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.document!;
}

/** The same value with the keys of every object inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
}

describe('stableStringify', () => {
  it('sorts keys at every level, indents by two spaces and ends with a newline', () => {
    expect(stableStringify({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('keeps the order of arrays', () => {
    expect(stableStringify([3, 1, 2])).toBe('[\n  3,\n  1,\n  2\n]\n');
  });

  it('gives equal values the same bytes whatever order their keys were inserted in', () => {
    const doc = validDoc();
    expect(stableStringify(reversedKeys(doc))).toBe(stableStringify(doc));
  });

  it('writes a "__proto__" key as data', () => {
    const value = JSON.parse('{"b": 1, "__proto__": {"x": 1}}');
    expect(stableStringify(value)).toBe('{\n  "__proto__": {\n    "x": 1\n  },\n  "b": 1\n}\n');
  });
});

describe('exportWorkflow', () => {
  it('produces the same bytes for the same workflow, every time', () => {
    expect(exportWorkflow(validDoc())).toBe(exportWorkflow(validDoc()));
    expect(exportWorkflow(reversedKeys(validDoc()) as WorkflowDocument)).toBe(exportWorkflow(validDoc()));
  });

  it('gives back an equal document when the export is imported', () => {
    const doc = validDoc();
    const again = importWorkflow(exportWorkflow(doc), { workspace: defaultWorkspace() });
    expect(again).toEqual({ ok: true, document: doc, problems: [], notes: [], migratedFrom: null, changes: [] });
  });

  it('starts with the envelope keys in sorted order and ends with a newline', () => {
    const text = exportWorkflow(validDoc());
    expect(Object.keys(JSON.parse(text))).toEqual(['comments', 'format', 'layout', 'schemaVersion', 'workflow']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"comments": \[$/);
  });

  it('leaves the comments out on request, and keeps them by default', () => {
    const doc = validDoc();
    expect(JSON.parse(exportWorkflow(doc))).toHaveProperty('comments');
    const without = exportWorkflow(doc, { comments: false });
    expect(JSON.parse(without)).not.toHaveProperty('comments');
    const { comments: _comments, ...rest } = doc;
    expect(importWorkflow(without)).toMatchObject({ ok: true, document: rest });
    expect(doc.comments).toHaveLength(2);
  });

  it('stays stable for a migrated document: a v1 file exports like its v2 form', () => {
    const migrated = importWorkflow(fixtureText('v1-closed-follow-up.json'));
    if (!migrated.ok) throw new Error('expected success');
    const text = exportWorkflow(migrated.document!);
    const again = importWorkflow(text);
    expect(again.document && exportWorkflow(again.document)).toBe(text);
    expect(again.ok && again.migratedFrom).toBeNull();
  });
});
