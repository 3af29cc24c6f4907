import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { e2e } from './harness';

e2e('the app opens on the example workspace with no request leaving the machine', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.getByText('Acme Support').first().waitFor();
  await page.locator('.react-flow__node').first().waitFor();
  for (const { document } of EXAMPLE_WORKFLOWS) await page.getByText(document.workflow.name, { exact: true }).first().waitFor();
  await screenshot('app-open');
});

e2e('finding your way: the workflow list, longer than a screen, finds a workflow by words of its name and opens it', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();
  const names = page.locator('.tf-wf-row__name');
  // The search comes once the list is longer than a screen (ten workflows): new ones make it so.
  for (let n = await names.count(); n < 10; n++) {
    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.waitForFunction((count) => document.querySelectorAll('.tf-wf-row__name').length > count, n);
  }
  const all = await names.count();
  if (all < EXAMPLE_WORKFLOWS.length) throw new Error(`the list shows ${all} workflows, expected ${EXAMPLE_WORKFLOWS.length}`);
  const target = EXAMPLE_WORKFLOWS[EXAMPLE_WORKFLOWS.length - 1]!.document.workflow;
  const box = page.getByRole('searchbox', { name: 'Search workflows' });
  // Two words of its name, in another case and order: every word must match, in any order.
  const words = target.name.split(/\s+/).filter((w) => w.length > 3).slice(0, 2).reverse().join(' ').toUpperCase();
  await box.fill(words);
  await page.getByText(new RegExp(`^\\d+ of ${all} workflows$`)).waitFor();
  const found = await names.allTextContents();
  if (!found.includes(target.name) || found.length >= all) throw new Error(`searching "${words}" shows ${JSON.stringify(found)}`);
  await screenshot('workflow-search');
  await page.locator('.tf-wf-row__name', { hasText: target.name }).first().click();
  await page.locator('.tf-wf-row--open .tf-wf-row__name', { hasText: target.name }).waitFor();
  await box.press('Escape');
  if ((await names.count()) !== all) throw new Error('Escape did not bring the whole list back');
  await box.fill('no workflow is called this');
  await page.getByText('No workflow matches “no workflow is called this”.').waitFor();
});
