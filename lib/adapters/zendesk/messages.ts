/**
 * Zendesk's conversation log: `article[data-test-id="omni-log-comment-item"]`
 * with `data-comment-id`; the message's `type` says `end-user` or `agent`;
 * internal notes carry `omni-log-internal-note-tag` (they are written by
 * agents with the same `type`, so the tag decides first).
 */
import type { ObservedMessage } from '../conversation';
import { uniqueMessages } from '../conversation';
import { parseTimestamp } from '../dom';

export function readZendeskMessages(root: Element): ObservedMessage[] {
  const out: ObservedMessage[] = [];
  for (const item of root.querySelectorAll('article[data-test-id="omni-log-comment-item"]')) {
    const id = item.getAttribute('data-comment-id')?.trim();
    if (!id) continue;
    const type = item
      .querySelector('[data-test-id="omni-log-item-message"]')
      ?.getAttribute('type')
      ?.toLowerCase();
    const note =
      item.querySelector('[data-test-id="omni-log-internal-note-tag"]') !== null ||
      item.classList.contains('internal-note');
    const role = note
      ? 'note'
      : type === 'end-user'
        ? 'customer'
        : type === 'agent'
          ? 'agent'
          : 'other';
    const at = parseTimestamp(item.querySelector('time[datetime]')?.getAttribute('datetime'));
    out.push({ id, role, ...(at !== undefined ? { at } : {}) });
  }
  return uniqueMessages(out);
}
