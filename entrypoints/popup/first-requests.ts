/**
 * The popup's first requests, as constants: `first-page.ts` sends them
 * before anything else loads, and bench/popup times the same requests.
 */
/** The first read fills a screen and paints fast; the full page follows. */
export const FIRST_PAGE = 30;

/**
 * Constant, valid requests (a test checks them against the protocol). The
 * rows come without counts: counting walks every open run (~15 ms with
 * 10,000 of them) while the rows read one page, so the counts are a second
 * request that the rows do not wait for.
 */
export const FIRST_PAGE_REQUEST = {
  type: 'runs.listOpen',
  limit: FIRST_PAGE,
  counts: false,
} as const;
export const FIRST_COUNTS_REQUEST = { type: 'runs.countOpen' } as const;
