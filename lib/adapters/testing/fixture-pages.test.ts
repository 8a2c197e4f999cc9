import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixtureFacts } from './fidelity';
import { FIXTURE_KEYS, FIXTURE_PAGES } from './fixture-pages';
import { queryAllDeep } from '../dom';
import { detectTicket } from '../registry';
import { FIXTURES_ROOT, loadPage } from './load-page';

const DIRS = ['zendesk', 'intercom', 'helpscout', 'other'];
const files = DIRS.flatMap((dir) =>
  readdirSync(join(FIXTURES_ROOT, dir))
    .map((name) => join(FIXTURES_ROOT, dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(FIXTURES_ROOT, path)),
);

describe('fixture pages', () => {
  it('are all .html (with their .facts.json) and all in the catalog', () => {
    const catalogued = new Set(FIXTURE_KEYS.map((key) => FIXTURE_PAGES[key].file));
    for (const file of files) {
      if (file.endsWith('.facts.json')) {
        expect(files, `${file} has no page`).toContain(file.replace(/\.facts\.json$/, '.html'));
        continue;
      }
      expect(file).toMatch(/\.html$/);
      expect(catalogued.has(file), `${file} is not in FIXTURE_PAGES`).toBe(true);
    }
    for (const file of catalogued) expect(files).toContain(file);
  });

  it('declare the facts of every ticket page', () => {
    const declared = loadFixtureFacts();
    for (const key of FIXTURE_KEYS) {
      const page = FIXTURE_PAGES[key];
      if (!page.helpdesk) {
        expect(declared.has(key), `${key} is no ticket but declares facts`).toBe(false);
        continue;
      }
      expect(declared.get(key)?.ticketId, `${key} declares no facts`).toBe(page.ticketId);
    }
  });

  it.each(files.filter((f) => f.endsWith('.html')))('%s loads nothing from the network', (file) => {
    const html = readFileSync(join(FIXTURES_ROOT, file), 'utf8');
    // No external scripts, styles, images, frames or CSS imports: e2e runs with the network closed.
    expect(html).not.toMatch(/<script[^>]+\bsrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(?:src|srcset|poster|data)=["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
  });

  it.each(FIXTURE_KEYS.filter((key) => FIXTURE_PAGES[key].navigatesTo))(
    '%s can navigate in-app (pushState links and popstate)',
    (key) => {
      const html = readFileSync(join(FIXTURES_ROOT, FIXTURE_PAGES[key].file), 'utf8');
      expect(html).toContain('data-spa');
      expect(html).toContain('history.pushState');
      expect(html).toContain("addEventListener('popstate'");
    },
  );
});

describe('fixture navigation targets', () => {
  const cases = FIXTURE_KEYS.flatMap((key) =>
    (FIXTURE_PAGES[key].navigatesTo ?? []).map((target) => [key, target] as const),
  );
  it.each(cases)('%s reaches %s by an in-app link', async (key, target) => {
    const page = await loadPage(key);
    try {
      const wanted = new URL(target);
      const links = queryAllDeep<HTMLAnchorElement>(page.document, 'a[data-spa]');
      const link = links.find((a) => {
        const href = new URL(a.getAttribute('href')!, page.window.location.href);
        return href.pathname === wanted.pathname && href.host === wanted.host;
      });
      expect(link, `no data-spa link to ${wanted.pathname}`).toBeDefined();
      link!.click();
      await page.settle();
      expect(page.window.location.pathname).toBe(wanted.pathname);
      const found = detectTicket(page.window.location.href);
      const expected = detectTicket(target);
      expect(found?.ref.ticketId).toBe(expected?.ref.ticketId);
      if (found) expect(found.adapter.ticketRoot(page.document, found.ref)).not.toBeNull();
    } finally {
      await page.close();
    }
  });
});
