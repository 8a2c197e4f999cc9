/**
 * The open-runs list is what the popup paints first, so its requests leave
 * before React and the protocol schemas are even fetched: `main.tsx` sends
 * them, and the app takes the raw replies and validates them like any other
 * (`settle` in the messaging client). This module stays tiny on purpose:
 * anything imported here delays the requests.
 */
import { browser } from '#imports';
import { FIRST_COUNTS_REQUEST, FIRST_PAGE_REQUEST } from './first-requests';

/** The raw replies of the two early requests. */
export interface FirstPageReplies {
  page: Promise<unknown>;
  counts: Promise<unknown>;
}

let pending: FirstPageReplies | undefined;

function sendEarly(request: object): Promise<unknown> {
  const sent = browser.runtime.sendMessage(request);
  // Settled by whoever takes it; never an unhandled rejection meanwhile.
  sent.catch(() => undefined);
  return sent;
}

export function requestFirstPage(): FirstPageReplies {
  const page = sendEarly(FIRST_PAGE_REQUEST);
  // Asked once the rows are in: sent together, the count's walk over every
  // open run held up the rows' read in the same database (+20 ms with
  // 10,000 runs).
  const counts = page.then(
    () => sendEarly(FIRST_COUNTS_REQUEST),
    () => sendEarly(FIRST_COUNTS_REQUEST),
  );
  counts.catch(() => undefined);
  pending = { page, counts };
  return pending;
}

/** The early requests' raw replies, once: later reads ask again. */
export function takeFirstPage(): FirstPageReplies | undefined {
  const taken = pending;
  pending = undefined;
  return taken;
}
