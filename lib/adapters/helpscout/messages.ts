/**
 * Help Scout's thread list, newest first. Current UI: `div[id^=thread-]`
 * `.c-Thread` with `is-customer`, `is-user` (a Help Scout user is an agent)
 * or `is-note`. Legacy UI: `article.thread` with `customer`, `staff` or
 * `note`. Returned oldest first, like the other helpdesks.
 */
import type { MessageRole, ObservedMessage } from '../conversation';
import { uniqueMessages } from '../conversation';
import { parseTimestamp } from '../dom';

function roleOf(el: Element): MessageRole {
  const c = el.classList;
  if (c.contains('is-note') || c.contains('note')) return 'note';
  if (c.contains('is-customer') || c.contains('customer')) return 'customer';
  if (c.contains('is-user') || c.contains('staff')) return 'agent';
  return 'other';
}

export function readHelpScoutMessages(root: Element): ObservedMessage[] {
  const out: ObservedMessage[] = [];
  const threads = root.querySelectorAll(
    'div[id^="thread-"].c-Thread, article.thread[id^="thread-"]',
  );
  for (const thread of threads) {
    const id = thread.id.slice('thread-'.length).trim();
    if (!id) continue;
    const at = parseTimestamp(thread.querySelector('time[datetime]')?.getAttribute('datetime'));
    out.push({ id, role: roleOf(thread), ...(at !== undefined ? { at } : {}) });
  }
  return uniqueMessages(out.reverse());
}
