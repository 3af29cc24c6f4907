import type { Page } from 'playwright-core';
import { e2e } from './harness';

// Nothing typed is lost: an unsaved edit in the side panel and invalid text in the JSON view survive a
// switch of tab and a reload, kept as drafts and restored with a notice.

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  await page.locator('.tf-save--saved').waitFor({ timeout: 15_000 });
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

e2e('drafts: an unsaved side-panel edit survives a switch of tab and a reload, and is restored with a notice', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl);
  await tab(page, 'Settings');
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.waitFor();
  const saved = await name.inputValue();
  await name.fill('Typed but not saved');

  await tab(page, 'JSON');
  await page.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
  await tab(page, 'Settings');
  check((await name.inputValue()) === 'Typed but not saved', `after a switch of tab the name field holds ${JSON.stringify(await name.inputValue())}`);
  await page.getByText('Your unsaved edit in the side panel was kept').first().waitFor();

  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByText('Your unsaved edit in the side panel was kept').first().waitFor();
  check((await name.inputValue()) === 'Typed but not saved', `after a reload the name field holds ${JSON.stringify(await name.inputValue())}`);
  check((await page.getByRole('heading', { level: 1 }).textContent()) === saved, 'the unsaved name reached the document');
  await screenshot('drafts-panel-restored');

  // Cancel drops it for good: the next reload shows the saved name.
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await tab(page, 'Settings');
  check((await name.inputValue()) === saved, 'a cancelled draft came back');
});

e2e('drafts: invalid JSON typed in the JSON view survives a switch of tab and a reload', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl);
  await tab(page, 'JSON');
  const editor = page.locator('.monaco-editor').first();
  await editor.waitFor({ timeout: 30_000 });
  await editor.click();
  const broken = '{"format": "ticketflow.workflow", "keptAcrossReloads": 1, ';
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(broken);
  await page.getByText('The JSON has problems; the canvas keeps the last good version').waitFor();
  const text = () => page.evaluate(() => document.querySelector('.monaco-editor .view-lines')?.textContent ?? '');

  await tab(page, 'Settings');
  await tab(page, 'JSON');
  await page.getByText('Your unapplied JSON text was kept').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('keptAcrossReloads'), undefined, { timeout: 15_000 });
  await page.getByText('The JSON has problems; the canvas keeps the last good version').waitFor();

  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await page.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('keptAcrossReloads'), undefined, { timeout: 15_000 });
  await page.getByText('Your unapplied JSON text was kept').first().waitFor();
  await screenshot('drafts-json-restored');

  await page.getByText('The JSON has problems; the canvas keeps the last good version').waitFor();
  check((await text()).includes('keptAcrossReloads'), 'the kept text is not shown');
});
