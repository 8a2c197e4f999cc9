/**
 * Help Scout conversation URLs: `https://secure.helpscout.net/conversation/<internalId>/<number>`
 * with `?viewId=` (current UI) or `?folderId=` (legacy). The internal id is the
 * stable key (ticketId); `#<number>` is what agents see and say (displayId).
 * Not conversations: `/inboxes/<hex>/views/<id>` (current lists),
 * `/mailbox/<hex>/<folderId>/` (legacy lists), `/dashboard`, reports, settings.
 */
import type { TicketRef } from '../types';

export const HELPSCOUT_HOST = 'secure.helpscout.net';

/** The whole app: agents reach conversations from lists without a reload. */
export const HELPSCOUT_MATCHES = [`https://${HELPSCOUT_HOST}/*`];

const CONVERSATION_PATH = /^\/conversation\/([1-9][0-9]{0,19})\/([1-9][0-9]{0,14})\/?$/;

export function parseHelpscoutTicketUrl(url: URL): TicketRef | null {
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) return null;
  if (url.hostname !== HELPSCOUT_HOST) return null;
  const match = CONVERSATION_PATH.exec(url.pathname);
  if (!match?.[1] || !match[2]) return null;
  const [, id, number] = match;
  return {
    helpdesk: 'helpscout',
    ticketId: id,
    displayId: `#${number}`,
    url: `https://${HELPSCOUT_HOST}/conversation/${id}/${number}`,
  };
}

/*
Test URLs
https://secure.helpscout.net/conversation/2871236524/11161?viewId=7329011
https://secure.helpscout.net/conversation/2871236524/11161?folderId=4532188
Not conversations
https://secure.helpscout.net/inboxes/8f3c2a9d1b7e4f60/views/7329011
https://secure.helpscout.net/mailbox/8f3c2a9d1b7e4f60/4532188/
*/
