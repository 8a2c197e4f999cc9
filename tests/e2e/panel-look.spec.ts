/**
 * How the panel looks to an agent on each helpdesk, at 1280×800 and
 * 1440×900: open (steps showing), with a message preview open in the
 * composer, and collapsed to the rail. Writes screenshots to
 * test-results/panel-look/ for a person to look at, and checks what can be
 * checked without eyes: no text in the panel below 12 px, body text at least
 * 13 px, no raw `{{placeholder}}` shown, and nothing of the panel clipped
 * off the viewport.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator } from '@playwright/test';
import { FIXTURE_PAGES } from '../../lib/adapters/testing/fixture-pages';
import { expect, serveFixture, test } from './support/extension';

// Outside test-results/, which each Playwright run empties.
const OUT = resolve(import.meta.dirname, '../../.output/panel-look');
const PAGES = [
  FIXTURE_PAGES['zendesk/ticket'],
  FIXTURE_PAGES['intercom/conversation'],
  FIXTURE_PAGES['helpscout/conversation'],
];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];

/** Smallest font size of any element in the panel that shows text, and the root's. */
async function typeSizes(root: Locator) {
  return root.evaluate((el) => {
    let smallest = Infinity;
    let where = '';
    for (const node of Array.from(el.querySelectorAll('*'))) {
      const own = Array.from(node.childNodes).some(
        (c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() !== '',
      );
      if (!own) continue;
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      // Text only for screen readers is not read by eye.
      if (node.closest('.cb-visually-hidden')) continue;
      const size = parseFloat(style.fontSize);
      if (size < smallest) {
        smallest = size;
        where = `${node.tagName.toLowerCase()}.${node.className} "${(node.textContent ?? '').trim().slice(0, 30)}"`;
      }
    }
    // Text running past the panel's edge is cut off by it (chips, long labels).
    const edge = el.getBoundingClientRect().right;
    const clipped = Array.from(el.querySelectorAll('*'))
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.width > 0 && r.right > edge + 1 && !n.closest('.cb-visually-hidden');
      })
      .map(
        (n) =>
          `${n.tagName.toLowerCase()}.${n.className} "${(n.textContent ?? '').trim().slice(0, 40)}"`,
      );
    return { smallest, where, clipped, body: parseFloat(getComputedStyle(el).fontSize) };
  });
}

for (const fixture of PAGES) {
  test(`the panel as an agent sees it: ${fixture.file}`, async ({ context }) => {
    mkdirSync(OUT, { recursive: true });
    const url = new URL(fixture.url);
    await serveFixture(context, new RegExp(`^${url.origin.replace(/\./g, '\\.')}/`), fixture.file);
    for (const viewport of VIEWPORTS) {
      const name = `${fixture.helpdesk}-${viewport.width}x${viewport.height}`;
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(fixture.url);
      const host = page.locator(
        `casebook-panel[data-helpdesk="${fixture.helpdesk}"][data-ticket-id="${fixture.ticketId}"]`,
      );
      await expect(host).toHaveAttribute('data-ticket-found', '');
      const root = host.locator('.cb-root');
      await expect(host.locator('li.cb-step').first()).toBeVisible();

      const sizes = await typeSizes(root);
      expect(sizes.body, 'panel body text').toBeGreaterThanOrEqual(13);
      expect(sizes.smallest, `smallest text: ${sizes.where}`).toBeGreaterThanOrEqual(12);
      expect(sizes.clipped, 'panel content past its right edge').toEqual([]);
      await expect(root).not.toContainText('{{');
      const box = await root.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box && box.y + box.height).toBeLessThanOrEqual(viewport.height);
      await page.screenshot({ path: resolve(OUT, `${name}-open.png`) });

      // The first-touch reply, previewed for the composer: shown with its step, no click.
      const preview = host.locator('[data-action="insert-first-touch"] textarea');
      await expect(preview).toBeVisible();
      expect(await preview.inputValue()).not.toContain('{{');
      await page.screenshot({ path: resolve(OUT, `${name}-composer.png`) });
      await host.getByRole('button', { name: 'Cancel' }).click();

      await host.getByRole('button', { name: 'Collapse Casebook panel' }).click();
      await expect(host.locator('.cb-rail')).toBeVisible();
      // Every word of the rail inside it: measured on the text itself, which can run past a box.
      const railOverflow = await host.locator('.cb-rail').evaluate((rail) => {
        const { left, right } = rail.getBoundingClientRect();
        const out: string[] = [];
        const walker = document.createTreeWalker(rail, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent?.trim() || n.parentElement?.closest('.cb-visually-hidden')) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const r = range.getBoundingClientRect();
          if (r.left < left - 0.5 || r.right > right + 0.5) out.push(n.textContent.trim());
        }
        return out;
      });
      expect(railOverflow, 'rail text cut off at its edges').toEqual([]);
      await page.screenshot({ path: resolve(OUT, `${name}-rail.png`) });
      // Back open for the next viewport (collapse is remembered per helpdesk).
      await host.locator('.cb-rail').click();
      await expect(host.locator('li.cb-step').first()).toBeVisible();
      await page.close();
    }
  });
}
