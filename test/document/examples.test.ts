import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportWorkflow, importWorkflow } from '../../src/document';
import { defaultWorkspace } from '../../src/model';

const folder = fileURLToPath(new URL('../../src/examples/workflows/', import.meta.url));
const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();

describe('the example workflows that ship with the app', () => {
  it('include at least one workflow for each use in the help-center articles', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s opens against the default workspace with no problem at all', (file) => {
    const r = importWorkflow(readFileSync(join(folder, file), 'utf8'), { workspace: defaultWorkspace() });
    if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.problems, null, 2)}`);
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual([]);
    expect(r.migratedFrom).toBeNull();
  });

  it.each(files)('%s survives an export and a new import unchanged', (file) => {
    const r = importWorkflow(readFileSync(join(folder, file), 'utf8'));
    if (!r.ok) throw new Error(`${file} does not open`);
    const again = importWorkflow(exportWorkflow(r.document!));
    expect(again.document).toEqual(r.document!);
  });
});
