/**
 * Messages sent to a helpdesk tab's content script (`browser.tabs.sendMessage`):
 * - `panel.toggle`: the keyboard shortcut (`browser.commands` 'toggle-panel',
 *   received by the background and forwarded to the active tab);
 * - `panel.show`: the popup asks to expand the panel;
 * - `panel.ping`: the background asks whether a live content script is there
 *   before injecting one into an already-open tab.
 * Replies use the same envelope as every other request.
 */
import { z } from 'zod';
import { helpdeskSchema } from '../../lib/workflow/schema';

export const tabMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('panel.toggle') }),
  z.object({ type: z.literal('panel.show') }),
  z.object({ type: z.literal('panel.ping') }),
]);
export type TabMessage = z.infer<typeof tabMessageSchema>;

/** What every tab message answers: which panel, if any, the tab shows. */
export const panelStatusSchema = z.object({
  helpdesk: helpdeskSchema,
  /** Null when the tab is on the helpdesk but not on a ticket. */
  ticketId: z.string().nullable(),
});
export type PanelStatus = z.infer<typeof panelStatusSchema>;
