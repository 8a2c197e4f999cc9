import type { HelpdeskAdapter } from '../types';
import {
  findZendeskComposer,
  readZendeskAgent,
  readZendeskTicket,
  zendeskTicketRoot,
} from './read';
import { zendeskApi } from './api';
import { parseZendeskTicketUrl, ZENDESK_MATCHES } from './url';

export const zendesk: HelpdeskAdapter = {
  id: 'zendesk',
  label: 'Zendesk',
  matches: ZENDESK_MATCHES,
  parseTicketUrl: (url) => parseZendeskTicketUrl(url),
  // The agent UI renders in the light DOM.
  searchRoots: (doc) => [doc],
  ticketRoot: zendeskTicketRoot,
  readTicket: readZendeskTicket,
  findComposer: (root) => findZendeskComposer(root),
  api: zendeskApi,
  readAgent: readZendeskAgent,
};

export { normalizeZendeskHost, parseZendeskTicketUrl, zendeskHostMatch } from './url';
