import type { Page } from 'playwright-core';
import { e2e } from './harness';

// What no input may do to the built app: freeze or throw (100,000-deep JSON pasted in the JSON view),
// leave it loading for ever (an IndexedDB that never answers), read what the CLI refuses (UTF-16), or
// let one tab silently overwrite another's help-desk settings.

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

e2e('unbreakable: 100,000-deep nesting pasted into the JSON view shows a problem, and the page stays responsive', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl);
  const name = await page.getByRole('heading', { level: 1 }).textContent();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.locator('.monaco-editor').first();
  await editor.waitFor({ timeout: 30_000 });
  await editor.click();
  const deep = `{"format": "ticketflow.workflow", "schemaVersion": 2, "workflow": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), deep);
  await page.keyboard.press('ControlOrMeta+A');
  const started = Date.now();
  await page.keyboard.press('ControlOrMeta+V');
  await page.getByText('The JSON has problems; the canvas keeps the last good version').waitFor({ timeout: 20_000 });
  await page.getByText('TF103').first().waitFor();
  const shown = Date.now() - started;
  // The page answers: a script round trip and a click on another tab work at once.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  await page.getByRole('tab', { name: 'Problems' }).click();
  const answer = Date.now() - t0;
  check(answer < 5000, `the page took ${answer} ms to answer after the paste`);
  check((await page.getByRole('heading', { level: 1 }).textContent()) === name, 'the open workflow changed');
  console.log(`      deep paste: problem shown after ${shown} ms, page answered in ${answer} ms`);
  await screenshot('unbreakable-deep-json');
  // Past the editor's own deferred work on a change (its JSON validation runs 500 ms after an edit),
  // nothing has thrown; and the deep text kept as a draft opens again after a reload, as plain text.
  await page.waitForTimeout(1500);
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByText('The JSON has problems; the canvas keeps the last good version').waitFor({ timeout: 20_000 });
  await page.getByText('TF103').first().waitFor();
  await page.waitForTimeout(1500);
  check((await page.getByRole('heading', { level: 1 }).textContent()) === name, 'the open workflow changed after the reload');
});

e2e('unbreakable: an IndexedDB that never answers opens the app in the not-saving state with the failed-open banner', async ({ page, baseUrl }) => {
  await page.addInitScript(() => {
    // Every open request stays pending for ever, as in a browser whose storage hangs.
    IDBFactory.prototype.open = function () {
      // A real event target dressed as an open request: listeners attach, no event ever fires.
      return Object.setPrototypeOf(new EventTarget(), IDBOpenDBRequest.prototype) as IDBOpenDBRequest;
    };
  });
  const started = Date.now();
  await page.goto(baseUrl);
  const banner = page.getByRole('alert').filter({ hasText: 'This browser offers no storage here, so nothing is saved.' });
  await banner.waitFor({ timeout: 15_000 });
  await page.locator('.react-flow__node').first().waitFor();
  await banner.getByText('did not answer within').waitFor();
  await page.locator('.tf-save--unavailable').waitFor();
  check(Date.now() - started < 12_000, `the app opened after ${Date.now() - started} ms`);
  check((await page.getByText('Loading your workspace…').count()) === 0, 'the app still says it is loading');
  check((await page.locator('body').textContent())?.match(/\b[a-z]+\.[a-z]+\.[a-zA-Z.]+\b/g)?.some((k) => k.startsWith('simulation.')) !== true, 'a raw message key shows');
});

e2e('unbreakable: a UTF-16 file is refused as the CLI refuses it, naming the encoding', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const text = '{"format": "ticketflow.workflow", "schemaVersion": 2, "workflow": {}}';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await page.getByTestId('tf-import-file').setInputFiles({ name: 'utf16.workflow.json', mimeType: 'application/json', buffer: utf16 });
  const dialog = page.getByRole('dialog');
  await dialog.getByText('utf16.workflow.json was not imported').waitFor();
  await dialog.getByText('TF107').waitFor();
  await dialog.getByText('UTF-16 LE', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
});

e2e('unbreakable: two tabs editing help-desk settings: the later save asks, nothing is overwritten silently', async ({ page, context, baseUrl }) => {
  await page.goto(`${baseUrl}#/settings/branding`);
  await page.getByLabel('Footer text').waitFor();
  await page.locator('.tf-save--saved').waitFor({ timeout: 15_000 });
  const other = await context.newPage();
  await other.goto(`${baseUrl}#/settings/branding`);
  await other.getByLabel('Footer text').waitFor();
  await other.locator('.tf-save--saved').waitFor({ timeout: 15_000 });
  // Both tabs edit the footer text; the first tab's save lands first.
  for (const [p, text] of [
    [page, 'Footer from the first tab'],
    [other, 'Footer from the second tab'],
  ] as const) {
    const field = p.getByLabel('Footer text');
    await field.fill(text);
    await field.press('Tab');
  }
  const question = page.getByRole('alert').filter({ hasText: 'The help-desk settings were changed in another tab' });
  const otherQuestion = other.getByRole('alert').filter({ hasText: 'The help-desk settings were changed in another tab' });
  // Whichever tab saved later is asked; the other tab's text stays stored.
  await Promise.race([question.waitFor({ timeout: 15_000 }), otherQuestion.waitFor({ timeout: 15_000 })]);
  const asked = (await question.count()) ? page : other;
  await asked.getByRole('button', { name: "Load the other tab's settings" }).click();
  await asked.getByRole('alert').filter({ hasText: 'The help-desk settings were changed in another tab' }).waitFor({ state: 'detached' });
  const shown = await asked.getByLabel('Footer text').inputValue();
  const kept = await (asked === page ? other : page).getByLabel('Footer text').inputValue();
  check(shown === kept, `after loading the other tab's settings this tab shows ${JSON.stringify(shown)}, the other ${JSON.stringify(kept)}`);
  await other.close();
});
