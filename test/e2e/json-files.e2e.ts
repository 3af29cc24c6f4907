import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { e2e } from './harness';

async function openApp(page: Page, baseUrl: string) {
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();
}

async function downloadWorkflow(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download this workflow as JSON' }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Replaces the JSON view's text by pasting, as a user brings a document in (typed text would get Monaco's auto-closed brackets). */
async function pasteIntoJsonView(page: Page, text: string) {
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.locator('.monaco-editor').first();
  await editor.waitFor({ timeout: 30_000 });
  await editor.click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), text);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

async function importFile(page: Page, name: string, text: string) {
  await page.getByTestId('tf-import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

e2e('export then import of a workflow gives the same bytes', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const first = await downloadWorkflow(page);
  if (!first.name.endsWith('.workflow.json')) throw new Error(`unexpected file name ${first.name}`);
  await importFile(page, first.name, first.text);
  await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  const second = await downloadWorkflow(page);
  if (second.text !== first.text) throw new Error('the re-exported bytes differ from the first export');
});

e2e('an edit in the JSON view shows on the canvas as one undo step', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl);
  const { text } = await downloadWorkflow(page);
  const doc = JSON.parse(text) as { workflow: { name: string } };
  const before = doc.workflow.name;
  doc.workflow.name = 'Renamed in the JSON view';
  await pasteIntoJsonView(page, JSON.stringify(doc, null, 2));
  await page.getByRole('heading', { level: 1, name: 'Renamed in the JSON view' }).waitFor();
  await screenshot('json-view-edit');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await page.getByRole('heading', { level: 1, name: before }).waitFor();
});

e2e('the JSON view names an action in a problem by its summary, the id after', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const { text } = await downloadWorkflow(page);
  const doc = JSON.parse(text) as { workflow: { actions: Record<string, unknown>[] } };
  // An action no path leads to: "Action … can never run".
  doc.workflow.actions.push({ id: 'lonely-status', kind: 'setStatus', statusId: 'closed', next: null });
  await pasteIntoJsonView(page, JSON.stringify(doc, null, 2));
  const squiggle = page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error');
  await squiggle.first().waitFor({ timeout: 15_000 });
  const hover = page.locator('.monaco-hover');
  const hoverText = async () => (await hover.allTextContents()).join(' ');
  // The unreachable action's marker is the last in the text; each squiggle is tried until its hover says so.
  for (let i = (await squiggle.count()) - 1; i >= 0 && !(await hoverText()).includes('can never run'); i--) {
    // The squiggle lies under the text layer: the mouse goes to its place.
    const box = await squiggle.nth(i).boundingBox();
    if (!box) continue;
    await page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
    for (let k = 0; k < 30 && !(await hoverText()).includes('can never run'); k++) await page.waitForTimeout(100);
  }
  const said = await hoverText();
  if (!said.includes('can never run')) throw new Error(`the hover says "${said}"`);
  if (!/Action "Set status[^"]*" \(lonely-status\) can never run/.test(said)) throw new Error(`the problem does not name the action by its summary: "${said}"`);
});

e2e('invalid JSON in the editor leaves the canvas on the last good document and says why', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const name = await page.getByRole('heading', { level: 1 }).textContent();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.locator('.monaco-editor').first();
  await editor.waitFor({ timeout: 30_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{"format": "ticketflow.workflow", "schemaVersion": 2, "workflow": ');
  await page.getByText('The JSON has problems; the canvas keeps the last good version').waitFor();
  await page.getByText('TF101').first().waitFor();
  const after = await page.getByRole('heading', { level: 1 }).textContent();
  if (after !== name) throw new Error(`the open workflow changed from ${name} to ${after}`);
});

e2e('duplicate keys: the JSON view marks the key with both places, and the same file is refused on import', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl);
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!;
  const before = await downloadWorkflow(page);
  // The workflow's name said twice: a reader sees the first, a last-wins parser would keep the second.
  const lines = before.text.split('\n');
  const at = lines.findIndex((l) => /^\s*"name": /.test(l));
  if (at < 0) throw new Error('no "name" line in the exported workflow');
  const twice = [...lines.slice(0, at + 1), lines[at]!.replace(/"name": .*$/, '"name": "Shadow copy",'), ...lines.slice(at + 1)].join('\n');
  await pasteIntoJsonView(page, twice);
  const status = page.getByRole('status').filter({ hasText: 'The JSON has problems; the canvas keeps the last good version' });
  await status.waitFor();
  await status.getByText('TF108').waitFor();
  const said = (await status.textContent())!;
  for (const words of ['"name"', `line ${at + 1}`, `again at line ${at + 2}`]) if (!said.includes(words)) throw new Error(`the duplicate-key problem does not say ${words}: ${said}`);
  // The editor marks the place: an error squiggle on the second "name" line, near the end of the text.
  await page.keyboard.press('ControlOrMeta+End');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  if ((await page.getByRole('heading', { level: 1 }).textContent()) !== name) throw new Error('the canvas took a document with a duplicate key');
  await screenshot('json-duplicate-key');
  await importFile(page, 'twice.workflow.json', twice);
  const dialog = page.getByRole('dialog');
  await dialog.getByText('twice.workflow.json was not imported').waitFor();
  await dialog.getByText('TF108').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
});

e2e('a broken file is refused with its errors and the open workflow unchanged', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const before = await downloadWorkflow(page);
  await importFile(page, 'broken.workflow.json', '{"format": "ticketflow.workflow", "schemaVersion": 2, "workflow": {"id": "x",');
  const dialog = page.getByRole('dialog');
  await dialog.getByText('broken.workflow.json was not imported').waitFor();
  await dialog.getByText('TF101').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await importFile(page, 'future.workflow.json', JSON.stringify({ format: 'ticketflow.workflow', schemaVersion: 99, workflow: {} }));
  await page.getByRole('dialog').getByText('TF106').waitFor();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  const after = await downloadWorkflow(page);
  if (after.text !== before.text) throw new Error('the open workflow changed after a refused import');
});

e2e('an older schemaVersion is migrated on import and says so', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const v1 = await readFile('test/fixtures/documents/v1-closed-follow-up.json', 'utf8');
  await importFile(page, 'old.workflow.json', v1);
  const conflict = page.getByRole('dialog').getByRole('button', { name: 'Import as a copy' });
  if (await conflict.isVisible().catch(() => false)) await conflict.click();
  await page.getByText(/migrated from schemaVersion 1/).first().waitFor();
});

e2e('a workflow imported as a copy of one already here is named "… (copy)", so no two share a name', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl);
  const name = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const file = await downloadWorkflow(page);
  await importFile(page, 'same.workflow.json', file.text);
  await page.getByRole('dialog').getByRole('button', { name: 'Import as a copy' }).click();
  await page.getByRole('heading', { level: 1, name: `${name} (copy)`, exact: true }).waitFor({ timeout: 15_000 });
  await screenshot('import-as-copy');
});
