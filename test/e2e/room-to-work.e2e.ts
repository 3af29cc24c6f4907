import type { Page } from 'playwright-core';
import { e2e } from './harness';

// Room to work: the side and bottom panels resize by drag and by keyboard and keep their sizes after a
// reload; the bottom panel can be maximised with the run controls in view while results scroll; the
// channel-move dialog fits a 1280×720 viewport with its buttons visible.

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

async function width(page: Page, selector: string): Promise<number> {
  return (await page.locator(selector).boundingBox())!.width;
}

async function height(page: Page, selector: string): Promise<number> {
  return (await page.locator(selector).boundingBox())!.height;
}

e2e('room to work: panels resize by drag and keyboard, sizes are remembered, the bottom panel maximises', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();

  // Drag the right panel's edge 120 px to the left: it grows by 120 px.
  const right = await width(page, '.tf-app__right');
  const handle = page.getByRole('separator', { name: 'Resize the side panel' });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  const dragged = await width(page, '.tf-app__right');
  check(Math.abs(dragged - (right + 120)) <= 2, `the side panel is ${dragged} px after dragging from ${right} px`);

  // The left panel with the keyboard: four steps of 16 px.
  const left = await width(page, '.tf-app__left');
  await page.getByRole('separator', { name: 'Resize the actions and workflows panel' }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  const keyed = await width(page, '.tf-app__left');
  check(Math.abs(keyed - (left + 64)) <= 2, `the left panel is ${keyed} px after four arrow steps from ${left} px`);

  // The bottom panel upwards with Shift.
  const bottom = await height(page, '.tf-app__bottom');
  await page.getByRole('separator', { name: 'Resize the bottom panel' }).focus();
  await page.keyboard.press('Shift+ArrowUp');
  const taller = await height(page, '.tf-app__bottom');
  check(Math.abs(taller - (bottom + 64)) <= 2, `the bottom panel is ${taller} px after Shift+Up from ${bottom} px`);

  await page.reload();
  await page.locator('.react-flow__node').first().waitFor();
  check(Math.abs((await width(page, '.tf-app__right')) - dragged) <= 2, 'the side panel size was not remembered');
  check(Math.abs((await width(page, '.tf-app__left')) - keyed) <= 2, 'the left panel size was not remembered');
  check(Math.abs((await height(page, '.tf-app__bottom')) - taller) <= 2, 'the bottom panel size was not remembered');

  // Maximised, the bottom panel holds the simulation's results; the run controls stay in view.
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const panel = page.locator('.tf-sim');
  await panel.waitFor();
  await page.getByRole('button', { name: 'Maximise the bottom panel' }).click();
  const maxed = await height(page, '.tf-app__bottom');
  check(maxed > 600, `the maximised bottom panel is only ${maxed} px high`);
  await panel.getByRole('combobox', { name: 'Example', exact: true }).selectOption({ index: 0 });
  await panel.getByRole('button', { name: 'Add example' }).click();
  await panel.getByRole('button', { name: 'Run to the end' }).click();
  await panel.getByText('Finished', { exact: true }).waitFor();
  await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const controls = (await page.locator('.tf-sim-run').boundingBox())!;
  const area = (await panel.boundingBox())!;
  check(controls.y >= area.y - 1 && controls.y < area.y + 40, `the run controls scrolled away (at ${controls.y}, panel at ${area.y})`);
  await screenshot('room-bottom-maximised');
  await page.getByRole('button', { name: 'Restore the bottom panel' }).click();
  check((await height(page, '.tf-app__bottom')) < 600, 'the bottom panel did not restore');
});

e2e('room to work: the channel-move dialog fits a 1280×720 viewport with its buttons visible', async ({ page, baseUrl, screenshot }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(baseUrl);
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const panel = page.locator('.tf-sim');
  await panel.waitFor();
  await panel.getByRole('button', { name: 'New empty' }).click();
  await panel.getByRole('button', { name: 'Move a channel to the help desk…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const box = (await dialog.boundingBox())!;
  check(box.y >= 0 && box.y + box.height <= 720, `the dialog runs out of the viewport: ${JSON.stringify(box)}`);
  for (const name of ['Cancel']) {
    const b = (await dialog.getByRole('button', { name, exact: true }).boundingBox())!;
    check(b.y >= 0 && b.y + b.height <= 720, `the ${name} button is outside the viewport: ${JSON.stringify(b)}`);
  }
  await screenshot('room-channel-move-1280');
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
});
