/**
 * Looks: the main screens at 1440×900 and 1280×720, light and dark, in each of the four languages.
 * A screenshot of each is kept under test-output/looks/ (screen-size-theme-lang.png), and a screen
 * fails where its controls can be measured to collide: two controls' boxes overlapping; text cut
 * inside a control, or an ellipsis without a tooltip holding the whole text (or showing fewer than
 * ten letters); a word split over lines; text running out of its control or under another one; a
 * control, menu item or popover hidden under something else (the minimap, the canvas controls) at
 * its centre; a disabled control that does not look disabled.
 *
 * One page per language: the language is chosen in the header's language select and each theme
 * with its theme switch, as a user would. The canvas, header and a bubble's menu are checked at both
 * sizes in both themes; the other screens at 1280×720, all of them in the light theme and the main
 * ones in the dark theme (the theme changes colours, not the layout). The screens are reached
 * through language-neutral handles (tab ids, hash routes, classes), so one script drives all four
 * languages. A last test signs in to a team server and checks the team-mode header.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { stableStringify } from '../../src/document';
import { actionNodes, e2e } from './harness';
import { startTeamServer } from './team-server';

const LOOKS_DIR = join(process.cwd(), 'test-output', 'looks');
const LANGS = ['en', 'es', 'it', 'fr'] as const;
const THEMES = ['light', 'dark'] as const;
const LARGE = { width: 1440, height: 900 };
const SMALL = { width: 1280, height: 720 };
type Size = typeof LARGE;

/**
 * Runs in the page: what collides on screen now. Returns one line per finding.
 * Kept self-contained (no closures over Node values) because it is serialised into the page.
 */
function measureScreen(fitted: boolean): string[] {
  const CONTROLS =
    'button, a[href], input:not([type=hidden]), select, textarea, [role=tab], [role=menuitem], [role=button], [role=link], [role=checkbox], [role=radio], [role=switch], [role=combobox], summary';
  const POPUPS = '[role=menu], [role=dialog], [role=listbox], [role=tooltip], [popover]';
  // Third-party widgets measure and draw themselves (the JSON editor's own lines and overlays).
  const FOREIGN = '.monaco-editor, .monaco-aria-container';
  type Box = { left: number; top: number; right: number; bottom: number };
  const found: string[] = [];
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element) => {
    let cs = styles.get(el);
    if (!cs) styles.set(el, (cs = getComputedStyle(el)));
    return cs;
  };
  const name = (el: Element): string => {
    const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : '';
    return `${el.tagName.toLowerCase()}${cls} "${label}"`;
  };
  // The window an element's content shows through: its own clipping box within its ancestors'.
  const windows = new Map<Element | null, Box>();
  const windowOf = (el: Element | null): Box => {
    if (!el || el === document.documentElement) return { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    let w = windows.get(el);
    if (w) return w;
    const cs = style(el);
    const outer = cs.position === 'fixed' ? windowOf(null) : windowOf(el.parentElement);
    w = outer;
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
      const r = el.getBoundingClientRect();
      w = {
        left: cs.overflowX !== 'visible' ? Math.max(outer.left, r.left) : outer.left,
        right: cs.overflowX !== 'visible' ? Math.min(outer.right, r.right) : outer.right,
        top: cs.overflowY !== 'visible' ? Math.max(outer.top, r.top) : outer.top,
        bottom: cs.overflowY !== 'visible' ? Math.min(outer.bottom, r.bottom) : outer.bottom,
      };
    }
    windows.set(el, w);
    return w;
  };
  /** The part of `box` left visible by the clipping ancestors of `el` (and `el` itself when `self`). */
  const clipOf = (el: Element, box: Box, self = false): Box | null => {
    const w = windowOf(self ? el : el.parentElement);
    const left = Math.max(box.left, w.left);
    const top = Math.max(box.top, w.top);
    const right = Math.min(box.right, w.right);
    const bottom = Math.min(box.bottom, w.bottom);
    return right - left >= 2 && bottom - top >= 2 ? { left, top, right, bottom } : null;
  };
  const seen = new Map<Element, boolean>();
  const visible = (el: Element) => {
    let v = seen.get(el);
    if (v === undefined) seen.set(el, (v = el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })));
    return v;
  };
  const hiddenAway = (el: Element) => !!el.closest('[aria-hidden=true], [inert], .tf-visually-hidden') || !!el.closest(FOREIGN);
  // Content scrolled under a sticky bar of its own scroll area is scrolling, not a collision.
  const stickyOver = (bar: Element, under: Element) => {
    const sticky = [...ancestors(bar)].find((p) => style(p).position === 'sticky');
    return !!sticky && !sticky.contains(under) && !!sticky.parentElement?.contains(under);
  };
  function* ancestors(el: Element) {
    for (let p: Element | null = el; p && p !== document.body; p = p.parentElement) yield p;
  }
  const overlap = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1.5;

  // A modal dialog is all there is to measure while it is open.
  const modals = [...document.querySelectorAll('[aria-modal=true]')];
  const scope: Element = modals.at(-1) ?? document.body;
  const controls: { el: Element; box: Box; layer: Element | null }[] = [];
  for (const el of scope.querySelectorAll(CONTROLS)) {
    if (hiddenAway(el) || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const box = clipOf(el, el.getBoundingClientRect());
    if (box) controls.push({ el, box, layer: el.closest(POPUPS) });
  }

  // Two controls of the same layer never share pixels (one inside the other is one control).
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const a = controls[i]!;
      const b = controls[j]!;
      if (a.layer !== b.layer || a.el.contains(b.el) || b.el.contains(a.el) || stickyOver(a.el, b.el) || stickyOver(b.el, a.el)) continue;
      if (overlap(a.box, b.box)) found.push(`overlap: ${name(a.el)} and ${name(b.el)}`);
    }
  }

  // What is at a control's centre is the control (or its label): nothing lies on top of it.
  for (const { el, box } of controls) {
    const x = (box.left + box.right) / 2;
    const y = (box.top + box.bottom) / 2;
    const hit = document.elementFromPoint(x, y);
    if (!hit || el.contains(hit) || hit.contains(el) || stickyOver(hit, el)) continue;
    // A menu, popover or dialog opened over the page is meant to be on top.
    const hitLayer = hit.closest(POPUPS);
    if (hitLayer && !hitLayer.contains(el)) continue;
    const labels = (el as HTMLInputElement).labels;
    if (labels && [...labels].some((l) => l.contains(hit))) continue;
    found.push(`covered: ${name(el)} lies under ${name(hit)}`);
  }

  // A disabled control looks disabled: dimmed text and icon, and the not-allowed pointer.
  const probe = document.createElement('span');
  probe.style.color = 'var(--tf-disabled-text)';
  document.body.append(probe);
  const dimmed = getComputedStyle(probe).color;
  probe.remove();
  for (const { el } of controls) {
    if (!el.matches(':disabled, [aria-disabled=true]')) continue;
    const cs = style(el);
    if (cs.cursor !== 'not-allowed' || cs.color !== dimmed) found.push(`looks enabled: disabled ${name(el)} has colour ${cs.color} and cursor ${cs.cursor}`);
  }

  // Text inside a control fits it: not cut, and an ellipsis only with a tooltip holding it all.
  const textOf = (el: Element) => (el.textContent ?? '').trim().replace(/\s+/g, ' ');
  const cut = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  const candidates = new Set<HTMLElement>();
  for (const { el } of controls) if (el instanceof HTMLElement && !(el instanceof HTMLInputElement) && !(el instanceof HTMLTextAreaElement)) candidates.add(el);
  for (const el of scope.querySelectorAll<HTMLElement>('label, h1, h2, h3, [title]')) candidates.add(el);
  for (const el of scope.querySelectorAll<HTMLElement>('*')) if (style(el).textOverflow === 'ellipsis') candidates.add(el);
  for (const el of candidates) {
    if (hiddenAway(el) || !el.checkVisibility({ checkVisibilityCSS: true })) continue;
    if (!clipOf(el, el.getBoundingClientRect())) continue;
    const cs = style(el);
    if (el instanceof HTMLSelectElement) {
      const option = el.selectedOptions[0];
      if (!option) continue;
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;
      if (ctx.measureText(option.text).width > room + 1) found.push(`clipped: the select ${name(el)} cuts "${option.text}"`);
      continue;
    }
    const hides = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
    if (!hides || !textOf(el) || !cut(el)) continue;
    // A scrolling area is not a cut one.
    if (/(auto|scroll)/.test(cs.overflowX + cs.overflowY) && !controls.some((c) => c.el === el)) continue;
    const tooltip = el.getAttribute('title') ?? el.closest('[title]')?.getAttribute('title') ?? '';
    // An ellipsis is for a long name, with the whole of it in the tooltip, and still shows ten letters' worth.
    const room = Math.min(el.scrollWidth, 10 * parseFloat(cs.fontSize));
    if (cs.textOverflow === 'ellipsis' && tooltip.replace(/\s+/g, ' ').includes(textOf(el)) && el.clientWidth >= room - 1) continue;
    found.push(`clipped: ${name(el)} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
  }

  // Words stay out from under other controls and inside their own control.
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    const parent = node.parentElement;
    if (!parent || /^(SCRIPT|STYLE|OPTION|TITLE|TEXTAREA|NOSCRIPT)$/.test(parent.tagName) || hiddenAway(parent)) continue;
    if (!visible(parent)) continue;
    const layer = parent.closest(POPUPS);
    const own = parent.closest(CONTROLS);
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()];
    // A single word is not broken over lines (a column squeezed to a letter's width).
    const word = node.textContent.trim();
    if (/^[\p{L}]{2,20}$/u.test(word) && new Set(rects.map((r) => Math.round(r.top))).size > 1) found.push(`broken: the word "${word}" in ${name(parent)} is split over lines`);
    for (const rect of rects) {
      const box = clipOf(parent, { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom }, true);
      if (!box) continue;
      if (own) {
        const o = own.getBoundingClientRect();
        if (box.left < o.left - 1 || box.right > o.right + 1 || box.top < o.top - 2 || box.bottom > o.bottom + 2) {
          found.push(`spills: "${node.textContent.trim().slice(0, 40)}" runs out of ${name(own)}`);
        }
      }
      for (const c of controls) {
        if (c.layer !== layer || c.el.contains(parent) || (own && (own.contains(c.el) || c.el.contains(own))) || stickyOver(c.el, parent) || stickyOver(parent, c.el)) continue;
        if (overlap(box, c.box)) found.push(`under: "${node.textContent.trim().slice(0, 40)}" runs under ${name(c.el)}`);
      }
    }
  }
  // Right after Fit View, no bubble, path label or "+" of the canvas lies under its overlays.
  if (fitted) {
    const overlays = [...document.querySelectorAll('.react-flow__panel')].filter((p) => visible(p)).map((p) => ({ el: p, box: p.getBoundingClientRect() }));
    for (const el of document.querySelectorAll('.react-flow__node, .tf-edge-label, .tf-insert')) {
      const box = clipOf(el, el.getBoundingClientRect());
      const over = box && overlays.find((o) => overlap(box, o.box));
      if (over) found.push(`under: ${name(el)} lies under ${name(over.el)} after Fit View`);
    }
  }
  return [...new Set(found)];
}

/** Saves the screen's picture and returns what collides on it, each line tagged with the screen. */
async function look(page: Page, screen: string, size: Size, theme: string, lang: string, fitted = false): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const tag = `${screen}-${size.width}x${size.height}-${theme}-${lang}`;
  await page.screenshot({ path: join(LOOKS_DIR, `${tag}.png`) });
  // tsx names nested functions with a helper the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f');
  const found = await page.evaluate(measureScreen, fitted);
  return found.map((f) => `${tag}: ${f}`);
}

async function clickTab(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}[aria-selected=true]`).waitFor();
}

/** Back to the canvas by the address's hash, without reloading the page. */
async function openCanvas(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (location.hash) location.hash = '';
  });
  await actionNodes(page).first().waitFor();
}

/** The example with the most bubbles (branches, labels, bubbles next to the minimap). */
const BUSIEST = [...EXAMPLE_WORKFLOWS].sort((a, b) => b.document.workflow.actions.length - a.document.workflow.actions.length)[0]!.document.workflow;

/** The language from the header's select, on the busiest example. */
async function speak(page: Page, baseUrl: string, lang: string): Promise<void> {
  await page.goto(baseUrl);
  await actionNodes(page).first().waitFor();
  await page.locator('.tf-wf-row__name', { hasText: BUSIEST.name }).click();
  await page.locator(`.react-flow__node[data-id="${BUSIEST.actions.at(-1)!.id}"]`).waitFor();
  await page.locator('.tf-language-switch select').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  if (lang !== 'en') await page.waitForFunction(() => document.querySelector('#tf-tab-bottom-problems')?.textContent !== 'Problems');
}

/** The theme from the header's switch. */
async function paint(page: Page, theme: string): Promise<void> {
  const dark = page.locator('.tf-header__prefs .tf-icon-button[aria-pressed]');
  if ((await dark.getAttribute('aria-pressed')) !== String(theme === 'dark')) await dark.click({ timeout: 10_000 });
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

/** The canvas and header, and a bubble's menu opened next to the minimap. */
async function canvasScreens(page: Page, size: Size, theme: string, lang: string): Promise<string[]> {
  await page.setViewportSize(size);
  await openCanvas(page);
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(350);
  const found = await look(page, 'canvas', size, theme, lang, true);
  // The bubble nearest the minimap (bottom right) opens its menu there.
  const boxes = await actionNodes(page).evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => r.right + r.bottom));
  const nearest = boxes.indexOf(Math.max(...boxes));
  await actionNodes(page).nth(nearest).locator('[aria-haspopup=menu]').first().click();
  await page.locator('.tf-menu__list[role=menu]').waitFor();
  found.push(...(await look(page, 'bubble-menu', size, theme, lang)));
  await page.keyboard.press('Escape');
  return found;
}

/** The other main screens: all of them when `all`, else the inspector, the simulation's results and the channel move. */
async function otherScreens(page: Page, size: Size, theme: string, lang: string, all: boolean): Promise<string[]> {
  const found: string[] = [];
  const shot = async (screen: string, always = false) => {
    if (all || always) found.push(...(await look(page, screen, size, theme, lang)));
  };
  await page.setViewportSize(size);
  await openCanvas(page);

  await actionNodes(page).first().click();
  await clickTab(page, 'tf-tab-right-inspector');
  await shot('inspector', true);

  await clickTab(page, 'tf-tab-right-history');
  await shot('history');

  await clickTab(page, 'tf-tab-right-json');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
  await shot('json');

  await clickTab(page, 'tf-tab-bottom-problems');
  await shot('problems');

  await clickTab(page, 'tf-tab-bottom-simulation');
  const sim = page.locator('.tf-sim');
  await sim.waitFor();
  await sim.locator('.tf-sim-bar select').nth(1).selectOption({ index: 0 });
  await sim.locator('.tf-sim-bar .tf-button').nth(1).click();
  const runToEnd = sim.locator('.tf-sim-run__buttons button').first();
  await runToEnd.click();
  await page.waitForFunction((el) => (el as HTMLButtonElement).disabled, await runToEnd.elementHandle());
  // The results as a user reads them: the bottom panel maximised, on the trace.
  const maximise = page.locator('.tf-tabs--bottom .tf-tabs__tools button');
  await maximise.click();
  await page.locator('.tf-app[data-bottom-max=true]').waitFor();
  await sim.locator('[role=tab]').nth(1).click();
  await sim.evaluate((el) => el.scrollTo(0, 0));
  await shot('simulation', true);
  await maximise.click();

  // The channel move, from a new empty scenario's timeline.
  await sim.locator('[role=tab]').first().click();
  await sim.locator('.tf-sim-bar .tf-button').first().click();
  await sim.locator('.tf-button:has(.lucide-arrow-right-left)').click();
  await page.locator('[role=dialog][aria-modal=true]').waitFor();
  await shot('channel-move', true);
  await page.keyboard.press('Escape');

  if (!all) return found;

  // The import dialog: an example workflow that is already here.
  const example = EXAMPLE_WORKFLOWS.find((x) => x.document.workflow.id === BUSIEST.id)!;
  await page.getByTestId('tf-import-file').setInputFiles({ name: `${example.document.workflow.id}.json`, mimeType: 'application/json', buffer: Buffer.from(stableStringify(example.document)) });
  await page.locator('[role=dialog][aria-modal=true]').waitFor();
  await shot('import');
  await page.keyboard.press('Escape');

  await page.evaluate((id) => (location.hash = `#/review/${id}`), example.document.workflow.id);
  await actionNodes(page).first().waitFor();
  await page.locator('.tf-app[data-review=true]').waitFor();
  await shot('review');
  await page.locator('.tf-header__tools .tf-icon-button[aria-pressed=true]').click();

  // The help-desk settings: every page, and both tabs of the pipelines page.
  await page.evaluate(() => (location.hash = '#/settings'));
  const nav = page.locator('.tf-settings__nav .tf-settings__nav-item');
  await nav.first().waitFor();
  const pages = await nav.count();
  for (let i = 0; i < pages; i++) {
    await nav.nth(i).click();
    await nav.nth(i).and(page.locator('[aria-current=page]')).waitFor();
    const route = await page.evaluate(() => location.hash.replace(/^#\/?/, '').replace(/\//g, '-'));
    await shot(route === 'settings' ? 'settings-pipelines' : route);
    if (i === 0) {
      const tabs = page.locator('.tf-settings__main [role=tab]');
      for (let k = 1; k < (await tabs.count()); k++) {
        await tabs.nth(k).click();
        await shot(`settings-pipelines-tab-${k + 1}`);
      }
    }
  }
  await openCanvas(page);
  return found;
}

for (const lang of LANGS) {
  e2e(`looks: every main screen in ${lang}, light and dark, at 1440×900 and 1280×720, without overlapping or cut controls`, async ({ page, baseUrl }) => {
    mkdirSync(LOOKS_DIR, { recursive: true });
    for (const f of readdirSync(LOOKS_DIR)) if (f.endsWith(`-${lang}.png`) && !f.startsWith('team-')) rmSync(join(LOOKS_DIR, f));
    await speak(page, baseUrl, lang);
    const found: string[] = [];
    for (const theme of THEMES) {
      await paint(page, theme);
      found.push(...(await canvasScreens(page, LARGE, theme, lang)));
      found.push(...(await canvasScreens(page, SMALL, theme, lang)));
      // The layout does not change with the theme: the dark one shows the main screens only.
      found.push(...(await otherScreens(page, SMALL, theme, lang, theme === 'light')));
    }
    if (found.length) throw new Error(`${found.length} collisions:\n${found.slice(0, 40).join('\n')}`);
  });
}

// Team mode: the header says the mode, the workspace and who is signed in, legibly, in every language.
e2e('looks: the team-mode header shows the mode, workspace and who is signed in, in four languages at 1440×900 and 1280×720', async ({ browser }) => {
  mkdirSync(LOOKS_DIR, { recursive: true });
  const server = await startTeamServer();
  const context = await browser.newContext({ viewport: LARGE });
  try {
    const page = await context.newPage();
    const owner = 'Margarita Fernández de la Villanueva';
    await page.goto(server.base);
    await page.getByRole('heading', { name: 'Set up this Ticketflow server' }).waitFor();
    await page.getByLabel('Name').fill(owner);
    await page.getByLabel('Email').fill('margarita@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create the owner account' }).click();
    const line = page.getByTestId('mode-line');
    await line.getByText(owner, { exact: false }).waitFor();
    await actionNodes(page).first().waitFor();
    const found: string[] = [];
    for (const lang of LANGS) {
      await page.locator('.tf-language-switch select').selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      for (const size of [LARGE, SMALL]) {
        await page.setViewportSize(size);
        await page.locator('.react-flow__controls-fitview').click();
        await page.waitForTimeout(350);
        found.push(...(await look(page, 'team-header', size, 'light', lang, true)));
        const text = (await line.textContent()) ?? '';
        const whole = await line.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
        if (!whole || !text.includes(owner)) found.push(`team-header-${size.width}x${size.height}-${lang}: the mode line "${text}" is cut`);
      }
    }
    if (found.length) throw new Error(`${found.length} collisions:\n${found.slice(0, 40).join('\n')}`);
  } finally {
    await context.close();
    await server.close();
  }
});
