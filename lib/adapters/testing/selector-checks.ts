/**
 * Shared body of every adapter's selectors.test.ts: each exported selector
 * string `x` must have an `x_` list of `[count, fixture]`, and must match
 * exactly `count` elements on that fixture's final page (open shadow roots
 * included). Pages are loaded once per fixture.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SelectorExpectation } from '../expectations';
import { queryAllDeep } from '../dom';
import { loadPage, type LoadedPage } from './load-page';
import type { FixtureKey } from './fixture-pages';

export function checkSelectors(name: string, module: Record<string, unknown>): void {
  const selectors = Object.entries(module).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  const pages = new Map<FixtureKey, Promise<LoadedPage>>();
  const page = (key: FixtureKey): Promise<LoadedPage> => {
    let loaded = pages.get(key);
    if (!loaded) {
      loaded = loadPage(key);
      pages.set(key, loaded);
    }
    return loaded;
  };
  afterAll(async () => {
    for (const loaded of pages.values()) await (await loaded).close();
  });

  describe(`${name} selectors`, () => {
    it('exports selectors', () => {
      expect(selectors.length).toBeGreaterThan(0);
    });

    it.each(selectors.map(([key]) => key))('%s has fixture expectations', (key) => {
      const list = module[`${key}_`] as SelectorExpectation[] | undefined;
      expect(Array.isArray(list), `${key}_ is missing`).toBe(true);
      expect(list!.length).toBeGreaterThan(0);
      // At least one page must prove the selector matches something real,
      // unless the module lists it as a fallback for builds we have no page of.
      const unproven = (module.unmatchedOnPurpose as readonly string[] | undefined) ?? [];
      if (!unproven.includes(key)) {
        expect(
          list!.some(([count]) => count > 0),
          `${key} never matches`,
        ).toBe(true);
      }
    });

    const cases = selectors.flatMap(([key, selector]) =>
      ((module[`${key}_`] as SelectorExpectation[] | undefined) ?? []).map(
        ([count, fixture]) => [key, count, fixture, selector] as const,
      ),
    );
    it.each(cases)('%s matches %i element(s) on %s', async (_key, count, fixture, selector) => {
      const { document } = await page(fixture);
      expect(queryAllDeep(document, selector)).toHaveLength(count);
    });
  });
}
