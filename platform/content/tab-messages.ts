/**
 * Messages sent to a helpdesk tab's content script (`browser.tabs.sendMessage`):
 * - `panel.toggle`: the keyboard shortcut (`browser.commands` 'toggle-panel',
 *   received by the background and forwarded to the active tab);
 * - `panel.show`: the popup asks to expand the panel;
 * - `panel.ping`: the background asks whether a live content script is there
 *   before injecting one into an already-open tab.
 * Replies use the same envelope as every other request.
 *
 * Checked by hand, not with zod: this runs in every helpdesk page's content
 * script, which stays free of zod (see eslint.config.js).
 */
import type { PanelNotice } from '../../components/panel/types';
import type { Helpdesk } from '../../lib/workflow/schema';

export const TAB_MESSAGE_TYPES = ['panel.toggle', 'panel.show', 'panel.ping'] as const;
export type TabMessage = { type: (typeof TAB_MESSAGE_TYPES)[number] };

/** A HAR notice from the file guard of any frame, relayed by the background to the top frame. */
export interface NoticeTabMessage {
  type: 'panel.notice';
  notice: PanelNotice;
}

export function isNoticeTabMessage(message: unknown): message is NoticeTabMessage {
  const m = message as { type?: unknown; notice?: { text?: unknown } } | null;
  return m?.type === 'panel.notice' && typeof m.notice?.text === 'string';
}

/** The panel's Cancel for a HAR being sanitized, relayed by the background to every frame. */
export interface HarCancelTabMessage {
  type: 'har.cancel';
  job: string;
}

export function isHarCancelTabMessage(message: unknown): message is HarCancelTabMessage {
  const m = message as { type?: unknown; job?: unknown } | null;
  return m?.type === 'har.cancel' && typeof m.job === 'string';
}

export function isTabMessage(message: unknown): message is TabMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return (TAB_MESSAGE_TYPES as readonly unknown[]).includes(type);
}

/** What every tab message answers: which panel, if any, the tab shows. */
export interface PanelStatus {
  helpdesk: Helpdesk;
  /** Null when the tab is on the helpdesk but not on a ticket. */
  ticketId: string | null;
}
