import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { e2e } from './harness';

e2e('the app opens on the example workspace with no request leaving the machine', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.getByText('Acme Support').first().waitFor();
  await page.locator('.react-flow__node').first().waitFor();
  for (const { document } of EXAMPLE_WORKFLOWS) await page.getByText(document.workflow.name, { exact: true }).first().waitFor();
  await screenshot('app-open');
});
