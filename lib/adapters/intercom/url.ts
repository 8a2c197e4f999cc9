/**
 * Intercom inbox URLs. The ticket id is the conversation id (long digits).
 *
 * Conversations:
 *   /a/inbox/<app>/inbox/<view…>/conversation/<id>  where <view…> is `conversation`'s
 *     parent path: nothing, `shared/all`, `admin/<adminId>`, `team/<teamId>`,
 *     `view/<viewId>`, `search`, … (any lower-case segments); optional `?view=List`
 *     and `#part_id=…` (a link to one message of the same conversation).
 *   /a/apps/<app>/conversations/<id>                 older form
 *   /a/apps/<app>/inbox/inbox/<view…>/conversation/<id>  older form
 * Not conversations: reports, settings, contacts, the inbox list without a
 * conversation, and anything on another host.
 */
import type { TicketRef } from '../types';

export const INTERCOM_HOSTS = ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'];

/** The content script must also run on the inbox list: agents open conversations from it without a reload. */
export const INTERCOM_MATCHES = INTERCOM_HOSTS.map((host) => `https://${host}/a/*`);

/** App ids are 8 lower-case alphanumerics today; allow a little slack either way. */
const APP = '[a-z0-9]{6,16}';
/** Conversation ids are about 15 digits today. */
const ID = '([1-9][0-9]{0,24})';
const VIEW = '(?:[a-z0-9_-]+/)*';

const PATHS = [
  new RegExp(`^/a/inbox/(${APP})/inbox/${VIEW}conversation/${ID}/?$`),
  new RegExp(`^/a/apps/(${APP})/conversations/${ID}/?$`),
  new RegExp(`^/a/apps/(${APP})/inbox/inbox/${VIEW}conversation/${ID}/?$`),
];

export function parseIntercomTicketUrl(url: URL): TicketRef | null {
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) return null;
  if (!INTERCOM_HOSTS.includes(url.hostname)) return null;
  for (const pattern of PATHS) {
    const match = pattern.exec(url.pathname);
    if (match?.[1] && match[2]) {
      const [, app, id] = match;
      return {
        helpdesk: 'intercom',
        ticketId: id,
        // Canonical: the same conversation reached from any view stores one URL.
        url: `https://${url.hostname}/a/inbox/${app}/inbox/conversation/${id}`,
      };
    }
  }
  return null;
}

/*
Test URLs
https://app.intercom.com/a/inbox/k2x9q7ab/inbox/shared/all/conversation/215468735201234
https://app.eu.intercom.com/a/inbox/k2x9q7ab/inbox/admin/5120771/conversation/215468735209876?view=List#part_id=comment-1
https://app.intercom.com/a/apps/k2x9q7ab/conversations/215468735201234
Not conversations
https://app.intercom.com/a/inbox/k2x9q7ab/inbox/shared/all
https://app.intercom.com/a/apps/k2x9q7ab/reports/overview
*/
