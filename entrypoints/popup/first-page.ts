/**
 * The open-runs list is what the popup paints first, so its request leaves
 * before React and the protocol schemas are even fetched: `main.tsx` sends
 * it, and the app takes the raw reply and validates it like any other
 * (`settle` in the messaging client). This module stays tiny on purpose:
 * anything imported here delays the request.
 */
import { browser } from '#imports';

/** The first read fills a screen and paints fast; the full page follows. */
export const FIRST_PAGE = 30;

/** A constant, valid `runs.listOpen` request (a test checks it against the protocol). */
export const FIRST_PAGE_REQUEST = { type: 'runs.listOpen', limit: FIRST_PAGE } as const;

let pending: Promise<unknown> | undefined;

export function requestFirstPage(): Promise<unknown> {
  const sent = browser.runtime.sendMessage(FIRST_PAGE_REQUEST);
  // Settled by whoever takes it; never an unhandled rejection meanwhile.
  sent.catch(() => undefined);
  pending = sent;
  return sent;
}

/** The early request's raw reply, once: later reads ask again. */
export function takeFirstPage(): Promise<unknown> | undefined {
  const taken = pending;
  pending = undefined;
  return taken;
}
