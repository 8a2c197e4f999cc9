/**
 * The docked panel never covers the helpdesk: on every fixture page of every
 * helpdesk in the registry (lib/adapters/testing/fixture-pages.ts, so pages
 * added there are covered without editing this file), at 1280×800 and
 * 1440×900, with the panel open and showing its steps, and again with the
 * composer open, every visible interactive element of the page is still the
 * element at its own centre (elementFromPoint, through open shadow roots):
 * nothing of the page lies under the panel.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { FIXTURE_PAGES, type FixturePage } from '../../lib/adapters/testing/fixture-pages';
import { expect, launchWithExtension, serveFixture, test as base } from './support/extension';

/**
 * One browser with the extension per worker for this file: every test only
 * opens pages and measures, so a fresh profile per page (a browser launch
 * each) bought nothing but minutes. Each page serves its own fixture.
 */
const test = base.extend<object, { roomContext: BrowserContext }>({
  roomContext: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const context = await launchWithExtension();
      await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
});

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];

interface Variant {
  name: string;
  page: FixturePage;
  /** Open the composer this way when the page itself does not (focus its editor). */
  focusComposer: boolean;
}

/**
 * One variant per distinct page state: entries that only differ by URL host
 * (a mapped brand domain) are the same page; a page whose registry entry
 * has a sibling with `clicks` (Reply) has its composer-open state there.
 */
function variants(): Variant[] {
  const pages = Object.values(FIXTURE_PAGES).filter(
    (p): p is FixturePage & { helpdesk: NonNullable<FixturePage['helpdesk']> } =>
      p.helpdesk !== null && p.ticketId !== null,
  );
  const seen = new Set<string>();
  const out: Variant[] = [];
  for (const page of pages) {
    const key = `${page.file}|${(page.clicks ?? []).join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const label = `${page.file}${page.clicks ? ' (after clicks)' : ''}`;
    out.push({ name: label, page, focusComposer: false });
    const opensElsewhere = pages.some((p) => p.file === page.file && p.clicks?.length);
    if (!page.clicks && !opensElsewhere)
      out.push({ name: `${label}, composer focused`, page, focusComposer: true });
  }
  return out;
}

/** Every visible interactive element of the page whose centre is not the element itself. */
async function coveredControls(page: Page): Promise<{ checked: number; covered: string[] }> {
  return page.evaluate(() => {
    const INTERACTIVE =
      'a[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, [contenteditable="true"], [role="button"], [role="tab"], [role="link"], [role="textbox"], [tabindex]:not([tabindex="-1"])';
    const found: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      found.push(...Array.from(root.querySelectorAll(INTERACTIVE)));
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot && el.tagName.toLowerCase() !== 'casebook-panel') walk(el.shadowRoot);
      }
    };
    walk(document);
    const deepAt = (x: number, y: number): Element | null => {
      let hit = document.elementFromPoint(x, y);
      while (hit?.shadowRoot && hit.tagName.toLowerCase() !== 'casebook-panel') {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      return hit;
    };
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30);
      const r = el.getBoundingClientRect();
      return `<${el.tagName.toLowerCase()}> "${text}" at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    };
    const covered: string[] = [];
    let checked = 0;
    for (const el of found) {
      if (el.closest('casebook-panel')) continue;
      const html = el as HTMLElement;
      if (
        typeof html.checkVisibility === 'function' &&
        !html.checkVisibility({ checkVisibilityCSS: true })
      )
        continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      // Rows scrolled out of view vertically are not on screen with or without the panel.
      if (y < 0 || y >= window.innerHeight) continue;
      checked += 1;
      if (x < 0 || x >= window.innerWidth) {
        covered.push(`${describe(el)}: pushed off screen`);
        continue;
      }
      const hit = deepAt(x, y);
      if (hit?.tagName.toLowerCase() === 'casebook-panel' || hit?.closest('casebook-panel'))
        covered.push(`${describe(el)}: under the panel`);
    }
    return { checked, covered };
  });
}

for (const variant of variants()) {
  test(`the docked panel covers nothing of ${variant.page.helpdesk}: ${variant.name}`, async ({
    roomContext,
  }) => {
    const url = new URL(variant.page.url);
    for (const viewport of VIEWPORTS) {
      const page = await roomContext.newPage();
      await serveFixture(
        page,
        new RegExp(`^${url.origin.replace(/\./g, '\\.')}/`),
        variant.page.file,
      );
      await page.setViewportSize(viewport);
      await page.goto(variant.page.url);
      const host = page.locator(
        `casebook-panel[data-helpdesk="${variant.page.helpdesk}"][data-ticket-id="${variant.page.ticketId}"]`,
      );
      // The ticket's DOM is there (lazy pages render late) and the panel shows its steps.
      await expect(host).toHaveAttribute('data-ticket-found', '');
      for (const selector of variant.page.clicks ?? [])
        await page.locator(selector).first().click();
      await expect(host.locator('.cb-sections')).toBeVisible();
      await expect(host.locator('li.cb-step').first()).toBeVisible();
      if (variant.focusComposer) {
        // Help Scout's newer inbox renders its editor only once Reply is clicked.
        const reply = page.locator('[data-testid="reply-button"]:visible, #navReply:visible');
        const replied = (await reply.count()) > 0;
        if (replied) await reply.first().click();
        const editor = page.locator('[contenteditable="true"]:visible').first();
        // Pages whose saved HTML has no editor (Help Scout 2026 inboxes) are measured
        // in the state Reply leaves them; every other page must have one to focus.
        if (!replied || (await editor.count()) > 0) {
          await editor.click();
          await expect(editor).toBeFocused();
        }
        // A long page scrolls its composer into view on focus (Intercom's narrow closed
        // conversation, to 2 controls on screen); the header and the composer's own
        // controls are measured from the top again, the editor keeping focus.
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      const root = host.locator('.cb-root');
      await expect(root).toHaveAttribute('data-layout', 'docked');
      const box = await root.boundingBox();
      expect(box && Math.round(box.x + box.width)).toBe(viewport.width);

      const { checked, covered } = await coveredControls(page);
      expect(checked, 'interactive elements measured').toBeGreaterThan(3);
      expect(covered, `${variant.name} at ${viewport.width}×${viewport.height}`).toEqual([]);
      await page.close();
    }
  });
}
