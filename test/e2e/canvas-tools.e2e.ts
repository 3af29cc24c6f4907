/**
 * The canvas's overlays and tools in Chromium: menus and dialogs open above the overview map and the
 * zoom controls (measured by bounding boxes and by what is on top at a point), Fit View leaves them
 * clear of every bubble and label, the map closes and stays closed after a reload, Ctrl/Cmd+F finds and
 * shows bubbles, several bubbles are picked (shift-click, a shift-drawn box) and deleted as one step,
 * and a bubble's output dragged onto another makes a go-to or is refused with the reason. A
 * 20,000-action workflow imported from a file shows its bubbles at once and is one change.
 */
import type { Page } from 'playwright-core';
import { exportWorkflow } from '../../src/document';
import { generateWorkflowDocument } from '../bench/generate';
import { actionNodes, e2e, expectCount } from './harness';

const URGENT = 'Escalate urgent tickets, follow up on the rest';
type Box = { x: number; y: number; width: number; height: number };

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function openUrgent(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('.tf-wf-row__name').first().waitFor();
  await page.locator('.tf-wf-row__name', { hasText: URGENT }).first().click();
  await node(page, 'wait-one-day').waitFor();
  await page.waitForTimeout(300);
}

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
}

function overlap(a: Box, b: Box): Box | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** Throws unless the element on top at the middle of `area` lies inside `selector`. */
async function onTop(page: Page, area: Box, selector: string, what: string): Promise<void> {
  const x = area.x + area.width / 2;
  const y = area.y + area.height / 2;
  const top = await page.evaluate(
    ([px, py, sel]) => {
      const el = document.elementFromPoint(px as number, py as number);
      return { inside: !!el?.closest(sel as string), what: el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : 'nothing' };
    },
    [x, y, selector] as const,
  );
  if (!top.inside) throw new Error(`${what}: at (${Math.round(x)}, ${Math.round(y)}) ${top.what} is on top, not ${selector}`);
}

/** Pans the canvas by dragging an empty spot of the pane. */
async function pan(page: Page, dx: number, dy: number): Promise<void> {
  const from = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!;
    const r = pane.getBoundingClientRect();
    for (let fy = 0.1; fy < 0.95; fy += 0.05) {
      for (let fx = 0.05; fx < 0.6; fx += 0.05) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        if (document.elementFromPoint(x, y) === pane) return { x, y };
      }
    }
    return null;
  });
  if (!from) throw new Error('no empty spot of the canvas to pan from');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (dx * i) / 10, from.y + (dy * i) / 10);
  await page.mouse.up();
  await page.waitForTimeout(200);
}

e2e('canvas overlays: a bubble menu next to the overview map opens above it, and so do its dialogs', async ({ page, baseUrl, screenshot }) => {
  await openUrgent(page, baseUrl);
  const map = await box(page, '.tf-overview__map');
  // Bring the delay's menu button just above the map's top edge, so its menu must open over the map.
  const button = node(page, 'wait-one-day').getByRole('button', { name: /^Actions for/ });
  const b = await button.boundingBox();
  if (!b) throw new Error('the delay has no menu button on screen');
  await pan(page, map.x + 120 - (b.x + b.width), map.y - 6 - (b.y + b.height));
  await button.click();
  const menu = await box(page, '[role="menu"]');
  const shared = overlap(menu, map);
  if (!shared) throw new Error(`the menu (${JSON.stringify(menu)}) does not reach the map (${JSON.stringify(map)}): the test would prove nothing`);
  await onTop(page, shared, '[role="menu"]', 'the bubble menu over the overview map');
  await screenshot('canvas-menu-over-map');
  await page.getByRole('menuitem', { name: 'Clone', exact: true }).click();
  await expectCount(page, 6, 'after Clone from the menu over the map');

  await node(page, 'wait-one-day').getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menuitem', { name: /^Delete/ }).click();
  await page.getByRole('menuitem', { name: 'This action and all following' }).click();
  const dialog = await box(page, '[role="dialog"]');
  const controls = await box(page, '.react-flow__controls');
  for (const [overlay, name] of [
    [map, 'overview map'],
    [controls, 'zoom controls'],
  ] as const) {
    const under = overlap(dialog, overlay);
    if (under) await onTop(page, under, '[role="dialog"]', `the dialog over the ${name}`);
  }
  await onTop(page, dialog, '[role="dialog"]', 'the dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
});

e2e('canvas overlays: Fit View keeps every bubble and label clear of the map and the zoom controls', async ({ page, baseUrl, screenshot }) => {
  await openUrgent(page, baseUrl);
  await pan(page, 300, 200);
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400);
  const overlays = { 'overview map': await box(page, '.tf-overview'), 'zoom controls': await box(page, '.react-flow__controls') };
  const drawn = await page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node, .tf-edge-label, .tf-insert')].map((el) => {
      const r = el.getBoundingClientRect();
      return { what: el.getAttribute('data-id') ?? el.textContent ?? el.className, x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  if (drawn.length < 8) throw new Error(`only ${drawn.length} bubbles, labels and "+" drawn after Fit View`);
  for (const item of drawn) {
    for (const [name, overlay] of Object.entries(overlays)) {
      if (overlap(item, overlay)) throw new Error(`after Fit View the ${name} covers ${item.what}`);
    }
  }
  await screenshot('canvas-fit-view');
});

e2e('canvas overlays: the overview map can be closed, and stays closed after a reload', async ({ page, baseUrl }) => {
  await openUrgent(page, baseUrl);
  await page.getByRole('button', { name: 'Hide the overview map' }).click();
  if (await page.locator('.tf-overview__map').count()) throw new Error('the map is still shown after Hide');
  await page.reload();
  await node(page, 'wait-one-day').waitFor();
  await page.getByRole('button', { name: 'Show the overview map' }).waitFor();
  if (await page.locator('.tf-overview__map').count()) throw new Error('the map came back after a reload');
  await page.getByRole('button', { name: 'Show the overview map' }).click();
  await page.locator('.tf-overview__map').waitFor();
  await page.reload();
  await page.locator('.tf-overview__map').waitFor();
});

e2e('canvas find: Ctrl/Cmd+F finds bubbles by text and id and pans to each match', async ({ page, baseUrl }) => {
  await openUrgent(page, baseUrl);
  await pan(page, -900, -600);
  await page.keyboard.press('ControlOrMeta+F');
  const input = page.getByRole('searchbox', { name: 'Find bubbles' });
  await input.waitFor();
  await input.fill('notify');
  const status = page.locator('.tf-find__status');
  const expectStatus = async (text: string) => {
    for (let i = 0; i < 30 && (await status.textContent()) !== text; i++) await page.waitForTimeout(100);
    if ((await status.textContent()) !== text) throw new Error(`find says "${await status.textContent()}", not "${text}"`);
  };
  const shown = async (id: string) => {
    await page.waitForTimeout(400);
    const pane = await box(page, '.react-flow__pane');
    const b = await node(page, id).boundingBox();
    if (!b || b.x < pane.x || b.y < pane.y || b.x + b.width > pane.x + pane.width || b.y + b.height > pane.y + pane.height) {
      throw new Error(`the match ${id} is not shown on the canvas (${JSON.stringify(b)} in ${JSON.stringify(pane)})`);
    }
    if (!(await node(page, id).getAttribute('class'))?.includes('selected')) throw new Error(`the match ${id} is not selected`);
  };
  await expectStatus('1 of 2');
  await shown('notify-leads');
  await page.keyboard.press('Enter');
  await expectStatus('2 of 2');
  await shown('notify-owner-follow-up');
  await input.fill('wait-one-day');
  await expectStatus('1 of 1');
  await shown('wait-one-day');
  await page.keyboard.press('Escape');
  if (await page.getByRole('search').count()) throw new Error('Escape did not close find');
});

e2e('canvas selection: shift-click and a shift-drawn box pick several bubbles, deleted as one undo step', async ({ page, baseUrl }) => {
  await openUrgent(page, baseUrl);
  await node(page, 'notify-leads').click();
  await node(page, 'wait-one-day').click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: '2 bubbles picked' });
  await bar.waitFor();
  await bar.getByRole('button', { name: 'Delete' }).click();
  await expectCount(page, 3, 'after deleting two picked bubbles');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expectCount(page, 5, 'after one undo');

  const a = await box(page, '.react-flow__node[data-id="notify-leads"]');
  const b = await box(page, '.react-flow__node[data-id="wait-one-day"]');
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 12, a.y - 12);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x + b.width) / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width + 12, b.y + b.height + 12, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.getByRole('toolbar', { name: /bubbles picked/ }).waitFor();
  for (const id of ['notify-leads', 'wait-one-day']) {
    if (!(await node(page, id).getAttribute('class'))?.includes('selected')) throw new Error(`the box did not pick ${id}`);
  }
});

e2e('canvas connect: dragging a bubble’s output onto another makes a go-to, or says why not', async ({ page, baseUrl }) => {
  await openUrgent(page, baseUrl);
  const drag = async (from: string, to: string) => {
    await node(page, from).hover();
    const handle = await box(page, `.react-flow__node[data-id="${from}"] .tf-handle--out`);
    const target = await box(page, `.react-flow__node[data-id="${to}"]`);
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
    await page.mouse.up();
  };
  // The urgent path ends after notifying the leads: a go-to can go there.
  await drag('notify-leads', 'wait-one-day');
  await expectCount(page, 6, 'after connecting the end of a path to the delay');
  // The go-to bubble names its target by the target's summary, not its id.
  await page.locator('.react-flow__node-action', { hasText: 'Go to Delay 1 day' }).first().waitFor();
  // After the delay the path goes on: a go-to there would cut it off, and the notice says so.
  await drag('wait-one-day', 'notify-leads');
  await page.getByText(/A go-to ends its path/).first().waitFor();
  await expectCount(page, 6, 'after a refused connection');
});

/** How many action bubbles are drawn, shown and inside the canvas pane. */
async function bubblesInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return 0;
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node-action')].filter((el) => {
      const r = el.getBoundingClientRect();
      const shown = getComputedStyle(el).visibility !== 'hidden' && r.width > 0 && r.height > 0;
      return shown && r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
    }).length;
  });
}

/** Waits (without touching the page) until at least `count` bubbles are in view; `what` names the step. */
async function expectBubblesInView(page: Page, count: number, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let seen = 0;
  while (Date.now() < until) {
    seen = await bubblesInView(page);
    if (seen >= count) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`${what}: ${seen} action bubbles in view, expected at least ${count}`);
}

e2e('canvas at size: a 20,000-action workflow imported from a file shows bubbles at once, with no interaction, and is one change', async ({ page, baseUrl, screenshot }) => {
  await page.goto(baseUrl);
  await page.locator('.tf-wf-row__name').first().waitFor();
  const doc = generateWorkflowDocument(20000);
  await page.getByTestId('tf-import-file').setInputFiles({ name: 'big.workflow.json', mimeType: 'application/json', buffer: Buffer.from(exportWorkflow(doc)) });
  await page.locator('.tf-wf-row__name[aria-current="page"]', { hasText: doc.workflow.name }).waitFor({ timeout: 60_000 });
  // No pointer or key goes to the page until the bubbles are there.
  await expectBubblesInView(page, 10, 'after the import', 30_000);
  await screenshot('canvas-20000-imported');
  const line = page.locator('.tf-versions__line');
  await line.filter({ hasText: 'Not live · draft: 1 change' }).waitFor({ timeout: 10_000 }).catch(async () => {
    throw new Error(`after the import the header says "${await line.textContent()}", not "Not live · draft: 1 change"`);
  });
  // Fit View brings the beginning back, not the empty middle of the tree.
  await pan(page, -400, -250);
  await pan(page, -400, -250);
  await page.locator('.react-flow__controls-fitview').click();
  await expectBubblesInView(page, 10, 'after Fit View', 15_000);
});
