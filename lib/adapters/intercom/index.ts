import type { HelpdeskAdapter } from '../types';
import {
  findIntercomComposer,
  intercomSearchRoots,
  intercomTicketRoot,
  readIntercomAgent,
  readIntercomTicket,
} from './read';
import { INTERCOM_MATCHES, parseIntercomTicketUrl } from './url';

export const intercom: HelpdeskAdapter = {
  id: 'intercom',
  label: 'Intercom',
  matches: INTERCOM_MATCHES,
  parseTicketUrl: parseIntercomTicketUrl,
  searchRoots: intercomSearchRoots,
  ticketRoot: intercomTicketRoot,
  readTicket: readIntercomTicket,
  findComposer: findIntercomComposer,
  readAgent: readIntercomAgent,
};
