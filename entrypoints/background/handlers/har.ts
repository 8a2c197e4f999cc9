/**
 * The HAR file guard's requests. `har.session` puts a one-time secret in
 * storage.session, which only extension pages can read: the sanitizer frame
 * claims it, so only a session opened by Casebook's content script is served.
 * `har.vouch` records a file the frame produced, so it is not sanitized twice.
 * `har.notice` brings a sub-frame's notice to the panel in the top frame,
 * `har.cancel` the panel's Cancel back to the frames of the same tab.
 */
import { browser } from '#imports';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import { SESSION_KEY_PREFIX } from '../../../platform/har/frame-protocol';
import { harVouches } from '../har-vouches';
import type { DomainHandlers } from './context';

/** A secret not claimed within this time expires. */
const SESSION_TTL_MS = 2 * 60_000;

export const harHandlers = {
  'har.session': async (_request, ctx) => {
    if (ctx.sender.tab?.id === undefined)
      throw new ProtocolFailure('bad-request', 'Only a helpdesk tab opens a sanitizer session.');
    const token = crypto.randomUUID();
    await browser.storage.session.set({
      [`${SESSION_KEY_PREFIX}${token}`]: ctx.now() + SESSION_TTL_MS,
    });
    return { token };
  },
  'har.claim': async ({ token }, ctx) => {
    if (!/^[0-9a-f-]{36}$/.test(token)) return { valid: false };
    const key = `${SESSION_KEY_PREFIX}${token}`;
    const stored = (await browser.storage.session.get(key))[key];
    if (typeof stored !== 'number') return { valid: false };
    await browser.storage.session.remove(key);
    return { valid: stored > ctx.now() };
  },
  'har.vouch': async ({ sha256 }, ctx) => {
    harVouches.vouch(sha256, ctx.now());
    return { kept: true };
  },
  'har.notice': async ({ notice }, ctx) => {
    const tabId = ctx.sender.tab?.id;
    if (tabId === undefined) return { delivered: false };
    try {
      await browser.tabs.sendMessage(tabId, { type: 'panel.notice', notice }, { frameId: 0 });
      return { delivered: true };
    } catch {
      // No panel in the top frame (not a ticket page): nobody to tell.
      return { delivered: false };
    }
  },
  'har.cancel': async ({ job }, ctx) => {
    const tabId = ctx.sender.tab?.id;
    if (tabId === undefined) return { delivered: false };
    try {
      // Every frame of the tab: the job may run in a sub-frame; only its bridge answers.
      const answer: unknown = await browser.tabs.sendMessage(tabId, { type: 'har.cancel', job });
      return { delivered: answer === true };
    } catch {
      // No frame knows the job (it finished meanwhile).
      return { delivered: false };
    }
  },
} satisfies DomainHandlers<'har.session' | 'har.claim' | 'har.vouch' | 'har.notice' | 'har.cancel'>;
