import type { HelpdeskAdapter } from '../types';
import {
  findHelpscoutComposer,
  helpscoutTicketRoot,
  readHelpscoutAgent,
  readHelpscoutTicket,
} from './read';
import { HELPSCOUT_MATCHES, parseHelpscoutTicketUrl } from './url';

export const helpscout: HelpdeskAdapter = {
  id: 'helpscout',
  label: 'Help Scout',
  matches: HELPSCOUT_MATCHES,
  parseTicketUrl: parseHelpscoutTicketUrl,
  searchRoots: (doc) => [doc],
  ticketRoot: helpscoutTicketRoot,
  readTicket: readHelpscoutTicket,
  findComposer: (root) => findHelpscoutComposer(root),
  readAgent: readHelpscoutAgent,
};
