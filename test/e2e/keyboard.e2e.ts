import type { Page } from 'playwright-core';
import { e2e } from './harness';

// Keyboard use: the canvas is one Tab from the top (Skip to canvas), focus goes back to the bubble after
// Save, Cancel or Escape in the side panel, and "?" opens the sheet of every shortcut.

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

/** What has focus: a bubble's id, or a description of the element. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const node = el.closest('.react-flow__node');
    if (node) return `bubble:${node.getAttribute('data-id')}`;
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}:${(el.textContent ?? '').trim().slice(0, 40)}`;
  });
}

e2e('keyboard: Skip to canvas, focus back on the bubble after Save, Cancel and Escape, and the shortcut sheet', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();

  // The first Tab stop is the skip link; it lands in the canvas.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  check((await focused(page)).includes('Skip to canvas'), `the first Tab stop is ${await focused(page)}`);
  await page.keyboard.press('Enter');
  const landed = await focused(page);
  check(landed.startsWith('bubble:') || landed.startsWith('main#tf-canvas'), `Skip to canvas landed on ${landed}`);

  // A bubble edited with the keyboard: Enter opens its form, Save gives focus back to it.
  const id = await page.locator('.react-flow__node[data-id]:not([data-id="trigger"])').first().getAttribute('data-id');
  await page.locator(`.react-flow__node[data-id="${id}"]`).click();
  await page.keyboard.press('Enter');
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await save.waitFor();
  const field = page.locator('.tf-inspector select, .tf-inspector input[type="text"], .tf-inspector input[type="radio"]:checked, .tf-inspector textarea').first();
  await field.focus();
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    const options = await field.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const now = await field.inputValue();
    await field.selectOption(options.find((o) => o !== now)!);
  } else if ((await field.getAttribute('type')) === 'radio') await page.keyboard.press('ArrowDown');
  else await field.fill(`${await field.inputValue()} edited`);
  await save.click();
  await page.waitForFunction((want) => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') === want, id, { timeout: 5000 });

  // Cancel does the same.
  await page.keyboard.press('Enter');
  await field.waitFor();
  if (tag === 'SELECT') {
    const options = await field.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const now = await field.inputValue();
    await field.selectOption(options.find((o) => o !== now)!);
  } else if ((await field.getAttribute('type')) === 'radio') {
    await field.focus();
    await page.keyboard.press('ArrowDown');
  } else await field.fill('to be cancelled');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.waitForFunction((want) => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') === want, id, { timeout: 5000 });

  // And Escape in the form.
  await page.keyboard.press('Enter');
  await field.focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction((want) => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') === want, id, { timeout: 5000 });
  check((await focused(page)) === `bubble:${id}`, `after Escape focus is on ${await focused(page)}`);

  // "?" opens the sheet of every shortcut; Escape closes it and focus comes back.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await sheet.waitFor();
  await sheet.getByText('Find bubbles by text, kind or id').waitFor();
  await screenshot('keyboard-shortcut-sheet');
  const box = await sheet.boundingBox();
  const viewport = page.viewportSize()!;
  check(!!box && box.y >= 0 && box.y + box.height <= viewport.height, `the shortcut sheet does not fit the viewport: ${JSON.stringify(box)}`);
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });
  check((await focused(page)) === `bubble:${id}`, `after closing the sheet focus is on ${await focused(page)}`);
});
