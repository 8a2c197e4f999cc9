import { describe, expect, it } from 'vitest';
import type { TicketInfo } from './schema';
import { mergeTicketInfo } from './ticket-merge';

const known: TicketInfo = {
  helpdesk: 'zendesk',
  ticketId: '42',
  url: 'https://acme.zendesk.com/agent/tickets/42',
  subject: 'SSO loops',
  requesterName: 'Grace',
  createdAt: 1_795_000_000_000,
};

describe('mergeTicketInfo: what the page shows over what the run recorded', () => {
  it('keeps what the page could not read (absent or empty), takes what it shows', () => {
    const {
      merged,
      old,
      new: next,
    } = mergeTicketInfo(known, {
      helpdesk: 'zendesk',
      ticketId: '42',
      url: known.url,
      subject: '',
      requesterName: 'Grace Hopper',
    });
    expect(merged.subject).toBe('SSO loops');
    expect(merged.requesterName).toBe('Grace Hopper');
    expect(merged.createdAt).toBe(1_795_000_000_000);
    expect(old).toEqual({ requesterName: 'Grace' });
    expect(next).toEqual({ requesterName: 'Grace Hopper' });
  });

  it('sees no change when the page shows what was recorded', () => {
    const { new: next } = mergeTicketInfo(known, { ...known });
    expect(next).toEqual({});
  });
});
