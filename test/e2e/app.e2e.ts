import { e2e } from './harness';

e2e('the app opens on the example workspace with no request leaving the machine', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.getByText('Ticketflow', { exact: false }).first().waitFor();
  await screenshot('app-open');
});
