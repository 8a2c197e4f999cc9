/**
 * Intercom's conversation stream: parts
 * `[data-intercom-target="conversation-stream-content-part"]` with
 * `data-part-group-id` and `data-part-group-category` (1 user, 3 admin
 * reply, 4 note, 5 bot, 20 system). Bot and system parts are not a human
 * response: `other`.
 */
import type { MessageRole, ObservedMessage } from '../conversation';
import { uniqueMessages } from '../conversation';
import { parseTimestamp, queryAllDeep } from '../dom';

const CATEGORY: Record<string, MessageRole> = { '1': 'customer', '3': 'agent', '4': 'note' };

export function readIntercomMessages(root: Element): ObservedMessage[] {
  const out: ObservedMessage[] = [];
  const parts = queryAllDeep(root, '[data-intercom-target="conversation-stream-content-part"]');
  for (const part of parts) {
    const id = part.getAttribute('data-part-group-id')?.trim();
    if (!id) continue;
    const role = CATEGORY[part.getAttribute('data-part-group-category')?.trim() ?? ''] ?? 'other';
    const at = parseTimestamp(part.querySelector('time[datetime]')?.getAttribute('datetime'));
    out.push({ id, role, ...(at !== undefined ? { at } : {}) });
  }
  return uniqueMessages(out);
}
