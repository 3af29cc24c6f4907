import type { Locator, Page } from 'playwright-core';
import { e2e } from './harness';

/** The name the Automate tab gives the workflow it creates for "Ticket closed" on Closed. */
const CREATED = 'Send "Ticket closed" when a ticket reaches Closed';

/** Turns a default trigger off and on again through its checkbox, ending on. */
async function turnOn(page: Page, trigger: string) {
  const box = page.getByRole('checkbox', { name: trigger });
  if (await box.isChecked()) {
    await box.click();
    if (await box.isChecked()) throw new Error(`"${trigger}" did not turn off`);
  }
  await box.click();
  if (!(await box.isChecked())) throw new Error(`"${trigger}" did not turn on`);
}

async function visible(locator: Locator) {
  await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
}

e2e('settings: an admin turns on the status triggers, adds a "Ticket closed" email on Closed, and the simulation sends it', async ({ page, baseUrl, screenshot }) => {
  await page.goto(`${baseUrl}#/settings`);
  await visible(page.getByRole('heading', { name: 'Help-desk settings' }));
  await page.getByRole('tab', { name: 'Automate' }).click();

  // [S-out] [S-in] the two default triggers, each with its checkbox.
  await turnOn(page, 'An email is sent to a customer');
  await turnOn(page, 'A customer replies to an email');
  await visible(page.getByText('Set ticket status to Waiting on contact'));
  await visible(page.getByText(/do not apply to conversations from live chat or Messenger/));

  // [S-status-actions] "+" on Closed: Send email with the Ticket closed template.
  await page.getByRole('button', { name: 'Add an action when a ticket reaches Closed' }).click();
  const form = page.getByRole('form', { name: 'New action for Closed' });
  await form.getByRole('radio', { name: 'Ticket closed' }).check();
  await form.getByRole('button', { name: 'Create workflow' }).click();
  const open = page.getByRole('button', { name: `Open “${CREATED}” in workflows` });
  await visible(open);
  await screenshot('settings-automate');

  // The new workflow opens in the builder; the example scenario runs with it.
  await open.click();
  await visible(page.getByRole('heading', { level: 1, name: CREATED }));
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await page.getByLabel('Example').selectOption({ label: "An email ticket's life" });
  await page.getByRole('button', { name: 'Add example' }).click();
  await page.getByRole('button', { name: 'Run to the end' }).click();
  await page.getByRole('tab', { name: /^Outbox/ }).click();
  const sent = page.getByRole('list', { name: /emails/i }).getByRole('button').filter({ hasText: CREATED });
  await visible(sent);
  await sent.first().click();
  await visible(page.getByText('Your request is resolved: Cannot log in'));
  await screenshot('settings-simulation-outbox');
});

e2e('settings: the built-in automation preview says it is built in and edited in Settings → Automate, and its "Open the Automate tab" opens the Automate tab, not Statuses', async ({ page, baseUrl, screenshot }) => {
  await page.goto(`${baseUrl}#/settings`);
  await visible(page.getByRole('heading', { name: 'Help-desk settings' }));
  await page.getByRole('tab', { name: 'Automate' }).click();
  await page.getByRole('button', { name: /^View workflow of / }).first().click();
  const banner = page.getByRole('status').filter({ hasText: 'is built in: it is shown here read-only and edited in Settings → Automate.' });
  await visible(banner);
  if ((await page.getByText('Review mode is read-only').count()) > 0) throw new Error('the preview speaks of review mode');
  await banner.getByRole('link', { name: 'Open the Automate tab' }).click();
  await visible(page.getByRole('heading', { name: 'Help-desk settings' }));
  const automate = page.getByRole('tab', { name: 'Automate' });
  await visible(automate);
  const selected = await automate.getAttribute('aria-selected');
  if (selected !== 'true') throw new Error(`after "Open the Automate tab" the Automate tab has aria-selected=${selected}`);
  if ((await page.getByRole('tab', { name: 'Statuses' }).getAttribute('aria-selected')) === 'true') throw new Error('the Statuses tab is the one shown');
  await screenshot('preview-open-automate');
});

e2e('settings: a visible "Back to workflows" leaves the help-desk settings for the canvas', async ({ page, baseUrl, screenshot }) => {
  await page.goto(`${baseUrl}#/settings/users`);
  await visible(page.getByRole('heading', { name: 'Help-desk settings' }));
  const back = page.getByRole('button', { name: 'Back to workflows', exact: true });
  await visible(back);
  await screenshot('settings-back-to-workflows');
  await back.click();
  await visible(page.locator('.react-flow__node'));
  if ((await page.getByRole('heading', { name: 'Help-desk settings' }).count()) > 0) throw new Error('the settings are still shown');
  const hash = await page.evaluate(() => window.location.hash);
  if (hash.startsWith('#/settings')) throw new Error(`after "Back to workflows" the address is still ${hash}`);
});
