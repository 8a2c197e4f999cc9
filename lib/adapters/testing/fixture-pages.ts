/**
 * The saved helpdesk pages in tests/fixtures/, each with the real URL it is
 * served at (unit tests load it there; e2e routes that URL to the file so the
 * content scripts' match patterns fire) and what it exercises. Pure data.
 */
import type { Helpdesk } from '../../workflow/schema';

export interface FixturePage {
  /** Relative to tests/fixtures/. */
  file: string;
  url: string;
  /** The adapter that must claim `url`; null for pages no adapter may treat as a ticket. */
  helpdesk: Helpdesk | null;
  /** The ticket the URL names (null for non-ticket pages). */
  ticketId: string | null;
  /** Elements to click, in order, once the page has settled (e.g. Help Scout's Reply). */
  clicks?: string[];
  /** Other URLs the page can navigate to in-app (data-spa links, pushState). */
  navigatesTo?: string[];
  about: string;
}

const ZD = 'https://acme.zendesk.com';
const IC_APP = 'k2x9q7ab';
const HS = 'https://secure.helpscout.net';

const PAGES = {
  'zendesk/ticket': {
    file: 'zendesk/ticket.html',
    url: `${ZD}/agent/tickets/4242`,
    helpdesk: 'zendesk',
    ticketId: '4242',
    navigatesTo: [
      `${ZD}/agent/tickets/5150`,
      `${ZD}/agent/tickets/6001`,
      `${ZD}/agent/filters/360094211`,
    ],
    about:
      'One open ticket: subject in an input value, three log items (earliest 2026-11-24T14:03:11Z), requester, assignee, priority, status, customer context (e-mail/org/plan), CKEditor composer and hidden file input; decoys #4100 (history, log text), #5150 (internal note), #9999 (sidebar app iframe), recent-tickets list. Serves any of 4242/5150/6001 by URL; SPA navigation re-renders after 120 ms.',
  },
  'zendesk/host-mapped': {
    file: 'zendesk/ticket.html',
    url: 'https://support.northwind-example.com/agent/tickets/4242',
    helpdesk: 'zendesk',
    ticketId: '4242',
    about:
      'The same page on a host-mapped brand domain: a ticket only once the host is added in settings.',
  },
  'zendesk/multi-tab': {
    file: 'zendesk/multi-tab.html',
    url: `${ZD}/agent/tickets/5150`,
    helpdesk: 'zendesk',
    ticketId: '5150',
    navigatesTo: [`${ZD}/agent/tickets/4242`, `${ZD}/agent/tickets/6001`],
    about:
      'Three ticket tabs (4242, 5150, 6001), three workspaces in the DOM with repeated element ids; only the URL ticket’s workspace is shown (the others inline display:none, data-is-active=false), and it is not the first in document order.',
  },
  'zendesk/lazy': {
    file: 'zendesk/lazy.html',
    url: `${ZD}/agent/tickets/4242`,
    helpdesk: 'zendesk',
    ticketId: '4242',
    about:
      'The app shell loads empty; the ticket workspace is inserted by the inline script 1.5 s after load.',
  },
  'zendesk/drifted': {
    file: 'zendesk/drifted.html',
    url: `${ZD}/agent/tickets/4242`,
    helpdesk: 'zendesk',
    ticketId: '4242',
    about:
      'A later build with renamed data-test-ids: subject, requester, assignee, priority, status, created time and the customer context cannot be read (reported as missing); the workspace keeps data-ticket-id and the composer is still found by its CKEditor classes.',
  },
  'zendesk/views': {
    // The same single-page app as the ticket: what it renders follows the URL.
    file: 'zendesk/ticket.html',
    url: `${ZD}/agent/filters/360094211`,
    helpdesk: null,
    ticketId: null,
    navigatesTo: [
      `${ZD}/agent/tickets/4242`,
      `${ZD}/agent/tickets/5150`,
      `${ZD}/agent/tickets/6001`,
    ],
    about:
      'A view (ticket list) with every ticket id in rows and links: not a ticket. Clicking a row opens the ticket in-app.',
  },
  'intercom/conversation': {
    file: 'intercom/conversation.html',
    url: `https://app.intercom.com/a/inbox/${IC_APP}/inbox/shared/all/conversation/215468735201234`,
    helpdesk: 'intercom',
    ticketId: '215468735201234',
    navigatesTo: [
      `https://app.intercom.com/a/inbox/${IC_APP}/inbox/shared/all/conversation/215468735209876`,
      `https://app.intercom.com/a/inbox/${IC_APP}/inbox/shared/all/conversation/215468735205555`,
    ],
    about:
      'The inbox rendered by an inline script inside an open shadow root on #teammate-app-react: conversation list with other conversation ids (decoys), header title, stream parts, details sidebar (inbox-2__ classes), ProseMirror composer. SPA navigation between the listed conversations.',
  },
  'intercom/conversation-lazy': {
    file: 'intercom/conversation-lazy.html',
    url: `https://app.eu.intercom.com/a/inbox/${IC_APP}/inbox/admin/5120771/conversation/215468735209876?view=List#part_id=comment-215468735209876-31190001`,
    helpdesk: 'intercom',
    ticketId: '215468735209876',
    about:
      'EU host, admin view, ?view=List and #part_id: the shadow root exists at load but the conversation renders 1.2 s later.',
  },
  'intercom/reports': {
    file: 'intercom/reports.html',
    url: `https://app.intercom.com/a/apps/${IC_APP}/reports/overview`,
    helpdesk: null,
    ticketId: null,
    about: 'Reports page listing conversation ids and links: not a conversation.',
  },
  'helpscout/conversation': {
    file: 'helpscout/conversation.html',
    url: `${HS}/conversation/2871236524/11161?viewId=7329011`,
    helpdesk: 'helpscout',
    ticketId: '2871236524',
    navigatesTo: [`${HS}/conversation/2871240099/11175?viewId=7329011`],
    about:
      'Current UI: subject textarea, [data-cy] header and number, thread items newest first, customer sidebar; no editor until the Reply button is clicked (then a Slate editor and a file input are created). Conversation list with other numbers as decoys; SPA navigation.',
  },
  'helpscout/conversation-replying': {
    file: 'helpscout/conversation.html',
    url: `${HS}/conversation/2871236524/11161?viewId=7329011`,
    helpdesk: 'helpscout',
    ticketId: '2871236524',
    clicks: ['[data-testid="reply-button"]'],
    about:
      'The current-UI page after Reply was clicked: the Slate editor, its file input and Send exist now.',
  },
  'helpscout/legacy-replying': {
    file: 'helpscout/legacy.html',
    url: `${HS}/conversation/2871236524/11161?folderId=4532188`,
    helpdesk: 'helpscout',
    ticketId: '2871236524',
    clicks: ['#navReply'],
    about: 'The legacy page after Reply was clicked: the Redactor reply form is shown.',
  },
  'helpscout/legacy': {
    file: 'helpscout/legacy.html',
    url: `${HS}/conversation/2871236524/11161?folderId=4532188`,
    helpdesk: 'helpscout',
    ticketId: '2871236524',
    about:
      'Legacy UI: #tkHeader number, #subjectLine, article.thread.customer, Redactor editor, #sendBtn.',
  },
  'helpscout/mailbox': {
    // The same single-page app as the conversation: what it renders follows the URL.
    file: 'helpscout/conversation.html',
    url: `${HS}/inboxes/8f3c2a9d1b7e4f60/views/7329011`,
    helpdesk: null,
    ticketId: null,
    navigatesTo: [`${HS}/conversation/2871236524/11161?viewId=7329011`],
    about: 'Mailbox list of conversations with numbers and links: not a conversation.',
  },
  // Written independently of the adapters (issue 14), from helpdesk-dom.md and the helpdesks'
  // public docs, by scripts/fixture-sources/generate.mjs; expected facts in <page>.facts.json.
  'zendesk/agent-2026': {
    file: 'zendesk/agent-2026.html',
    url: `${ZD}/agent/tickets/7310`,
    helpdesk: 'zendesk',
    ticketId: '7310',
    about:
      '2026 layout generation, dark theme, English: renamed grid, log (role=log), context panel and status badge; Garden comboboxes and hashed classes; a sidebar app iframe and a hidden second workspace as decoys.',
  },
  'zendesk/agent-2026-de': {
    file: 'zendesk/agent-2026-de.html',
    url: `${ZD}/agent/tickets/7310`,
    helpdesk: 'zendesk',
    ticketId: '7310',
    about: 'The 2026 page with the UI in German: same ticket facts.',
  },
  'zendesk/agent-2026-ja': {
    file: 'zendesk/agent-2026-ja.html',
    url: `${ZD}/agent/tickets/7310`,
    helpdesk: 'zendesk',
    ticketId: '7310',
    about: 'The 2026 page with the UI in Japanese: same ticket facts.',
  },
  'zendesk/narrow-long': {
    file: 'zendesk/narrow-long.html',
    url: `${ZD}/agent/tickets/8802`,
    helpdesk: 'zendesk',
    ticketId: '8802',
    about:
      '2025 generation in a narrow window (context panel collapsed), 40 messages of which the older 20 arrive 400 ms after opening.',
  },
  'intercom/inbox-2026': {
    file: 'intercom/inbox-2026.html',
    url: `https://app.intercom.com/a/inbox/${IC_APP}/inbox/shared/all/conversation/215470001122334`,
    helpdesk: 'intercom',
    ticketId: '215470001122334',
    about:
      'Late-2026 inbox, dark theme, English: shadow root attached 300 ms after load, conversation 500 ms later; header heading, attribute rows with identifiers, action buttons for state and priority; an app iframe as decoy.',
  },
  'intercom/inbox-2026-de': {
    file: 'intercom/inbox-2026-de.html',
    url: `https://app.intercom.com/a/inbox/${IC_APP}/inbox/shared/all/conversation/215470001122334`,
    helpdesk: 'intercom',
    ticketId: '215470001122334',
    about: 'The late-2026 inbox in German: same facts.',
  },
  'intercom/inbox-2026-ja': {
    file: 'intercom/inbox-2026-ja.html',
    url: `https://app.intercom.com/a/inbox/${IC_APP}/inbox/shared/all/conversation/215470001122334`,
    helpdesk: 'intercom',
    ticketId: '215470001122334',
    about: 'The late-2026 inbox in Japanese: same facts.',
  },
  'intercom/narrow-lazy': {
    file: 'intercom/narrow-lazy.html',
    url: `https://app.eu.intercom.com/a/inbox/${IC_APP}/inbox/admin/5120771/conversation/215470009990001`,
    helpdesk: 'intercom',
    ticketId: '215470009990001',
    about:
      'Narrow window (details collapsed); the stream is a web component with a nested open shadow root, 36 parts, the older 18 loaded late; a closed conversation.',
  },
  'helpscout/inbox-2026': {
    file: 'helpscout/inbox-2026.html',
    url: `${HS}/conversation/2871300042/11402?viewId=7329011`,
    helpdesk: 'helpscout',
    ticketId: '2871300042',
    about:
      '2026 generation, dark mode, English: status and assignee buttons renamed, thread list with data-cy, bodies in sandboxed iframes, customer profile with Customer Properties (slugs); a sidebar app iframe as decoy.',
  },
  'helpscout/inbox-2026-de': {
    file: 'helpscout/inbox-2026-de.html',
    url: `${HS}/conversation/2871300042/11402?viewId=7329011`,
    helpdesk: 'helpscout',
    ticketId: '2871300042',
    about: 'The 2026 page in German: same facts.',
  },
  'helpscout/inbox-2026-ja': {
    file: 'helpscout/inbox-2026-ja.html',
    url: `${HS}/conversation/2871300042/11402?viewId=7329011`,
    helpdesk: 'helpscout',
    ticketId: '2871300042',
    about: 'The 2026 page in Japanese: same facts.',
  },
  'helpscout/narrow-long': {
    file: 'helpscout/narrow-long.html',
    url: `${HS}/conversation/2871300077/11460?viewId=7329011`,
    helpdesk: 'helpscout',
    ticketId: '2871300077',
    about:
      '2025 markup in a narrow window: customer sidebar collapsed, 30 threads with the oldest 8 behind an unclicked control (created time not on screen).',
  },
  'other/freshdesk': {
    file: 'other/freshdesk-ticket.html',
    url: 'https://acme.freshdesk.com/a/tickets/77',
    helpdesk: null,
    ticketId: null,
    about:
      'A helpdesk we do not support (yet): no adapter claims it, even though it shows a ticket.',
  },
} satisfies Record<string, FixturePage>;

export type FixtureKey = keyof typeof PAGES;
export const FIXTURE_PAGES: Record<FixtureKey, FixturePage> = PAGES;
export const FIXTURE_KEYS = Object.keys(FIXTURE_PAGES) as FixtureKey[];
