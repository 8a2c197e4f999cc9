/**
 * refined-github style selector expectations: beside every selector, the
 * fixture pages it is checked against and how many elements it must match
 * there (counted across the whole final page, open shadow roots included).
 * `selectors.test.ts` per adapter checks each pair and that no selector lacks
 * a list.
 */
import type { FixtureKey } from './testing/fixture-pages';

export type SelectorExpectation = readonly [count: number, fixture: FixtureKey];
