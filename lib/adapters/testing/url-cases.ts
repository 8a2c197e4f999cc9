/**
 * URL tables shared by the adapters' tests: each adapter's tickets (with the
 * ref it must produce) and pages that are no adapter's ticket. The registry
 * test checks every adapter against every other adapter's tickets too.
 */
import type { Helpdesk } from '../../workflow/schema';

export interface TicketUrlCase {
  url: string;
  ticketId: string;
  displayId?: string;
  /** The canonical URL stored with the ticket. */
  canonical: string;
}

const ZD = 'https://acme.zendesk.com/agent/tickets/4242';
const IC = 'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/215468735201234';
const HS = 'https://secure.helpscout.net/conversation/2871236524/11161';

export const TICKET_URLS: Record<Helpdesk, TicketUrlCase[]> = {
  zendesk: [
    { url: ZD, ticketId: '4242', displayId: '#4242', canonical: ZD },
    { url: `${ZD}/`, ticketId: '4242', displayId: '#4242', canonical: ZD },
    {
      url: `${ZD}?brand_id=360001#comment-90002`,
      ticketId: '4242',
      displayId: '#4242',
      canonical: ZD,
    },
    {
      url: 'https://my-company-2.zendesk.com/agent/tickets/1',
      ticketId: '1',
      displayId: '#1',
      canonical: 'https://my-company-2.zendesk.com/agent/tickets/1',
    },
    {
      url: 'https://ACME.Zendesk.com/agent/tickets/987654321',
      ticketId: '987654321',
      displayId: '#987654321',
      canonical: 'https://acme.zendesk.com/agent/tickets/987654321',
    },
  ],
  intercom: [
    { url: IC, ticketId: '215468735201234', canonical: IC },
    {
      url: 'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/shared/all/conversation/215468735201234',
      ticketId: '215468735201234',
      canonical: IC,
    },
    {
      url: 'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/admin/5120771/conversation/215468735201234?view=List',
      ticketId: '215468735201234',
      canonical: IC,
    },
    {
      url: 'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/team/6011/conversation/215468735201234#part_id=comment-215468735201234-31190001',
      ticketId: '215468735201234',
      canonical: IC,
    },
    {
      url: 'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/view/881234/conversation/215468735201234',
      ticketId: '215468735201234',
      canonical: IC,
    },
    {
      url: 'https://app.eu.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/215468735209876',
      ticketId: '215468735209876',
      canonical: 'https://app.eu.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/215468735209876',
    },
    {
      url: 'https://app.au.intercom.com/a/inbox/a1b2c3d4/inbox/shared/all/conversation/99',
      ticketId: '99',
      canonical: 'https://app.au.intercom.com/a/inbox/a1b2c3d4/inbox/conversation/99',
    },
    {
      url: 'https://app.intercom.com/a/apps/k2x9q7ab/conversations/215468735201234',
      ticketId: '215468735201234',
      canonical: IC,
    },
    {
      url: 'https://app.intercom.com/a/apps/k2x9q7ab/inbox/inbox/admin/5120771/conversation/215468735201234',
      ticketId: '215468735201234',
      canonical: IC,
    },
  ],
  helpscout: [
    { url: `${HS}?viewId=7329011`, ticketId: '2871236524', displayId: '#11161', canonical: HS },
    { url: `${HS}?folderId=4532188`, ticketId: '2871236524', displayId: '#11161', canonical: HS },
    { url: HS, ticketId: '2871236524', displayId: '#11161', canonical: HS },
    {
      url: `${HS}/?viewId=7329011#thread-7001001`,
      ticketId: '2871236524',
      displayId: '#11161',
      canonical: HS,
    },
  ],
};

/** Pages that are no adapter's ticket: lists, drafts, reports, spoofed hosts, http, other helpdesks. */
export const NON_TICKET_URLS: string[] = [
  // Zendesk
  'https://acme.zendesk.com/agent/tickets/new/1?brand_id=360001&requester_id=77',
  'https://acme.zendesk.com/agent/tickets/new/2',
  'https://acme.zendesk.com/agent/tickets/4242/print',
  'https://acme.zendesk.com/agent/tickets/4242/events',
  'https://acme.zendesk.com/agent/tickets/',
  'https://acme.zendesk.com/agent/tickets/0',
  'https://acme.zendesk.com/agent/tickets/42a',
  'https://acme.zendesk.com/agent/filters/360094211',
  'https://acme.zendesk.com/agent/dashboard',
  'https://acme.zendesk.com/agent/search/1?q=4242',
  'https://acme.zendesk.com/agent/users/381001/requested_tickets',
  'https://acme.zendesk.com/agent/organizations/22/tickets',
  'https://acme.zendesk.com/hc/en-us/requests/4242',
  'https://acme.zendesk.com/tickets/4242',
  'https://zendesk.com/agent/tickets/4242',
  'https://a.b.zendesk.com/agent/tickets/4242',
  'http://acme.zendesk.com/agent/tickets/4242',
  'https://acme.zendesk.com:8443/agent/tickets/4242',
  'https://acme.zendesk.com.evil.io/agent/tickets/4242',
  'https://evilzendesk.com/agent/tickets/4242',
  'https://acme-zendesk.com/agent/tickets/4242',
  'https://acme.zendesk.com@evil.io/agent/tickets/4242',
  'https://support.northwind-example.com/agent/tickets/4242',
  'https://4242.apps.zdusercontent.com/agent/tickets/9999',
  // Intercom
  'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/shared/all',
  'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/admin/5120771',
  'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/',
  'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/new',
  'https://app.intercom.com/a/apps/k2x9q7ab/reports/overview',
  'https://app.intercom.com/a/apps/k2x9q7ab/settings/workspace/general',
  'https://app.intercom.com/a/apps/k2x9q7ab/users/segments/all',
  'https://app.intercom.com/a/apps/k2x9q7ab/contacts/65f0c1e2a9b8',
  'https://app.intercom.com/a/apps/k2x9q7ab/conversations',
  'https://www.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/215468735201234',
  'https://app.intercom.io/a/inbox/k2x9q7ab/inbox/conversation/215468735201234',
  'https://app.intercom.com.evil/a/inbox/k2x9q7ab/inbox/conversation/215468735201234',
  'https://app.intercom.com.evil.io/a/inbox/k2x9q7ab/inbox/conversation/215468735201234',
  'https://evilapp.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/215468735201234',
  'http://app.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/215468735201234',
  'https://app.intercom.com/a/inbox/K2X9Q7AB/inbox/conversation/215468735201234',
  'https://app.intercom.com/inbox/k2x9q7ab/inbox/conversation/215468735201234',
  // Help Scout
  'https://secure.helpscout.net/inboxes/8f3c2a9d1b7e4f60/views/7329011',
  'https://secure.helpscout.net/inboxes/8f3c2a9d1b7e4f60/views/all',
  'https://secure.helpscout.net/mailbox/8f3c2a9d1b7e4f60/4532188/',
  'https://secure.helpscout.net/dashboard',
  'https://secure.helpscout.net/conversation/2871236524',
  'https://secure.helpscout.net/conversation/2871236524/11161/reply',
  'https://secure.helpscout.net/conversations/2871236524/11161',
  'https://secure.helpscout.net.evil.io/conversation/2871236524/11161',
  'https://helpscout.net/conversation/2871236524/11161',
  'https://evilsecure.helpscout.net/conversation/2871236524/11161',
  'http://secure.helpscout.net/conversation/2871236524/11161',
  // Others
  'https://acme.freshdesk.com/a/tickets/77',
  'https://app.frontapp.com/open/cnv_abc123',
  'https://acme.gorgias.com/app/ticket/4242',
  'https://acme.atlassian.net/browse/SUP-4242',
  'about:blank',
  'file:///agent/tickets/4242',
];
