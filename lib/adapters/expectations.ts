/**
 * refined-github style selector expectations: beside every selector, the
 * fixture pages it is checked against and how many elements it must match
 * there (counted across the whole final page, open shadow roots included).
 * `selectors.test.ts` per adapter checks each pair and that no selector lacks
 * a list.
 */
import type { FixtureKey } from './testing/fixture-pages';

export type SelectorExpectation = readonly [count: number, fixture: FixtureKey];

/**
 * The ticket facts a fixture page shows, declared beside it in
 * `<page>.facts.json` (keyed by fixture key: one file can serve several
 * catalog entries). Values are normalized: names without group prefixes,
 * e-mails lower-cased, status and priority as categories, times as ISO
 * instants. `null`: the page does not show the fact, so any value recorded
 * for it is a guess, and counted wrong.
 */
export const FACT_KEYS = [
  'subject',
  'requesterName',
  'requesterEmail',
  'status',
  'priority',
  'assignee',
  'organization',
  'plan',
  'createdAt',
  'customerTimeZone',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export type ExpectedFacts = { [K in FactKey]?: string | null } & {
  /** The helpdesk's own words, kept beside the categories (not counted: checked by unit tests). */
  statusLabel?: string;
  priorityLabel?: string;
  assigneeGroup?: string;
};

export interface FixtureFacts {
  ticketId: string;
  about?: string;
  /** A localized page: its facts must equal this page's (the same ticket in another UI language). */
  sameFactsAs?: FixtureKey;
  facts: ExpectedFacts;
}
