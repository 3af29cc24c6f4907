import type { Page } from 'playwright-core';
import { e2e, openApp, saved } from './harness';

// The rules said where they apply: the Chat and Messenger exclusion in the enrollment panel of a workflow
// it affects, with the switch that includes them; and a deleted workflow that comes back with Undo, or
// from the trash after a reload, with its revisions.

const URGENT = 'Escalate urgent tickets, follow up on the rest';

/** The ids of the workflow records IndexedDB holds (what the autosave has written so far). */
async function storedIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('ticketflow');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('workflows').objectStore('workflows').getAllKeys();
          req.onsuccess = () => (db.close(), resolve(req.result.map(String)));
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

async function until(what: string, test: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting: ${what}`);
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

async function openEnrollment(page: Page, workflow: string): Promise<void> {
  await page.getByRole('button', { name: workflow, exact: true }).click();
  await page.locator('.react-flow__node-trigger').click();
  await page.getByRole('group', { name: 'Chat and Messenger conversations' }).waitFor();
}

e2e('rules: the enrollment panel says the Chat and Messenger exclusion, and its switch includes them across a reload', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl);
  await openEnrollment(page, URGENT);
  const group = page.getByRole('group', { name: 'Chat and Messenger conversations' });
  const text = (await group.textContent()) ?? '';
  check(text.includes('Automated actions skip tickets from live chat and Messenger'), `the panel says: ${text}`);
  check(!text.includes('[S-chat]'), 'no spec tag in the panel');
  const toggle = group.getByRole('switch', { name: 'Include Chat and Messenger conversations' });
  check(!(await toggle.isChecked()), 'the switch starts off');
  await toggle.click();
  await group.getByText('This enrollment includes tickets from live chat and Messenger').waitFor();
  await screenshot('rules-chat-exclusion');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);

  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await openEnrollment(page, URGENT);
  const after = page.getByRole('group', { name: 'Chat and Messenger conversations' }).getByRole('switch', { name: 'Include Chat and Messenger conversations' });
  check(await after.isChecked(), 'the switch is still on after a reload');
});

e2e('rules: a deleted workflow comes back with Undo, and from the trash after a reload', async ({ page, baseUrl, screenshot }) => {
  await openApp(page, baseUrl);
  const list = page.getByRole('navigation', { name: 'Workflows' });
  const row = list.getByRole('button', { name: URGENT, exact: true });
  const remove = async () => {
    await list.getByRole('button', { name: `Delete "${URGENT}"` }).click();
    await page.getByRole('alertdialog', { name: 'Delete workflow' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await row.waitFor({ state: 'detached' });
  };

  await remove();
  const notice = page.getByRole('status').filter({ hasText: `Workflow "${URGENT}" deleted` });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await row.waitFor();
  await until('the undone delete is stored', async () => (await storedIds(page)).includes('wf-urgent-escalation'));
  await saved(page);

  await remove();
  await until('the delete is stored', async () => !(await storedIds(page)).includes('wf-urgent-escalation'));
  await saved(page);
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  check((await row.count()) === 0, 'the deleted workflow stays deleted after a reload');
  await page.getByText('Trash (1 workflow)').click();
  await screenshot('rules-trash');
  await page.getByRole('button', { name: `Restore "${URGENT}"` }).click();
  await row.waitFor();
  await until('the restored workflow is stored', async () => (await storedIds(page)).includes('wf-urgent-escalation'));
  await saved(page);
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  await row.waitFor();
  check((await page.getByText(/^Trash \(/).count()) === 0, 'the trash is empty once the workflow is restored');
});
