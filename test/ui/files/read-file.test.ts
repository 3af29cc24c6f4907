import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, exportBundle, exportWorkflow } from '../../../src/document';
import { defaultWorkspace } from '../../../src/model';
import { newWorkflowDocument } from '../../../src/store/document-slice';
import { createAppStore } from '../../../src/store/store';
import { importFile, importText } from '../../../src/ui/files/file-actions';
import { useImportState } from '../../../src/ui/files/import-state';
import { readDocumentFile } from '../../../src/ui/files/read-file';

/** A file of unknown size that never ends (like /dev/zero or a FIFO); counts the bytes handed out. */
function endlessFile(chunk = 64 * 1024): { file: Blob; pulled: () => number; sliceEnd: () => number | undefined } {
  let pulled = 0;
  let end: number | undefined;
  const stream = () =>
    new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk;
        controller.enqueue(new Uint8Array(chunk).fill(0x20));
      },
    });
  const file = { size: 0, slice: (_start?: number, e?: number) => ((end = e), { stream }) } as unknown as Blob;
  return { file, pulled: () => pulled, sliceEnd: () => end };
}

const empty = () => {
  const store = createAppStore();
  store.getState().load({ workspace: defaultWorkspace(), documents: {}, order: [], openId: null, histories: {} });
  return store;
};

beforeEach(() => useImportState.getState().set(null));

describe('readDocumentFile (bounded reads)', () => {
  it('refuses a file larger than the limit by its size, naming the limit, without reading it', async () => {
    const r = await readDocumentFile(new Blob([new Uint8Array(2048)]), 1024);
    expect(r).toMatchObject({ ok: false, problem: { code: 'TF102' } });
    expect(!r.ok && r.problem.message).toContain('over the limit of 1.0 KB');
  });

  it('reads at most limit + 1 bytes of a file that never ends, then refuses it', async () => {
    const endless = endlessFile(1000);
    const r = await readDocumentFile(endless.file, 10_000);
    expect(r).toMatchObject({ ok: false, problem: { code: 'TF102' } });
    expect(!r.ok && r.problem.message).toContain('more than 9.8 KB, over the limit of 9.8 KB');
    expect(endless.sliceEnd()).toBe(10_001);
    expect(endless.pulled()).toBeLessThanOrEqual(10_000 + 1000);
  });

  it('refuses UTF-16 as the CLI does (TF107 naming the encoding)', async () => {
    const text = '{"format": "ticketflow.workflow"}';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    const r = await readDocumentFile(new Blob([utf16]));
    expect(r).toMatchObject({ ok: false, problem: { code: 'TF107' } });
    expect(!r.ok && r.problem.message).toContain('UTF-16 LE');
  });

  it('refuses Latin-1 bytes with their place, and reads UTF-8 with a byte-order mark', async () => {
    const latin = await readDocumentFile(new Blob([new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])]));
    expect(!latin.ok && latin.problem.message).toContain('0xE9 at line 1, column 3');
    const bom = await readDocumentFile(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), '{"a":"é"}']));
    expect(bom).toEqual({ ok: true, text: '{"a":"é"}' });
  });
});

describe('importFile', () => {
  it('opens the report for a file it refuses to read, and changes nothing open', async () => {
    const store = empty();
    await importFile(store, new Blob([new Uint8Array([0xfe, 0xff, 0, 0x7b])]), 'utf16.json');
    expect(useImportState.getState().pending).toMatchObject({ kind: 'report', source: 'utf16.json', problems: [{ code: 'TF107' }] });
    expect(store.getState().order).toEqual([]);
  });

  it('refuses a file with a key written twice (TF108) with both places, and changes nothing open', async () => {
    const store = empty();
    const text = exportWorkflow(newWorkflowDocument('wf-twice', 'Twice')).replace('"name": "Twice"', '"name": "Twice",\n    "name": "Other"');
    await importText(store, text, 'twice.json');
    const pending = useImportState.getState().pending;
    expect(pending).toMatchObject({ kind: 'report', source: 'twice.json', problems: [{ code: 'TF108' }] });
    expect(pending && 'problems' in pending && pending.problems[0]!.message).toMatch(/"name" appears twice .* at line \d+, column \d+ and again at line \d+, column \d+/);
    expect(store.getState().order).toEqual([]);
  });

  it('imports a UTF-8 workflow file', async () => {
    const store = empty();
    await importFile(store, new Blob([exportWorkflow(newWorkflowDocument('wf-a', 'A'))]), 'a.json');
    expect(store.getState().openId).toBe('wf-a');
  });
});

describe('importText decides a bundle by its parsed "format" field', () => {
  it('imports a workflow whose name spells the bundle format as a workflow', async () => {
    const store = empty();
    await importText(store, exportWorkflow(newWorkflowDocument('wf-named', `"${BUNDLE_FORMAT}"`)), 'named.json');
    expect(useImportState.getState().pending).toBeNull();
    expect(store.getState().openId).toBe('wf-named');
  });

  it('reads a bundle whose "format" comes after 4 KB of other fields as a bundle', async () => {
    const store = empty();
    const bundle = JSON.parse(exportBundle({ workspace: defaultWorkspace(), workflows: [newWorkflowDocument('wf-b', 'B')], scenarios: [] })) as Record<string, unknown>;
    const { format, ...rest } = bundle;
    const text = JSON.stringify({ ...rest, format }, null, 2);
    expect(text.indexOf(BUNDLE_FORMAT)).toBeGreaterThan(4096);
    await importText(store, text, 'late-format.bundle.json');
    expect(useImportState.getState().pending?.kind).toBe('bundle');
  });
});
