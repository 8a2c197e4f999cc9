import { describe, expect, it } from 'vitest';
import { TICKET_URLS } from '../testing/url-cases';
import { helpscout } from './index';

describe('helpscout.parseTicketUrl', () => {
  it.each(TICKET_URLS.helpscout.map((c) => [c.url, c] as const))('reads %s', (url, c) => {
    const ref = helpscout.parseTicketUrl(new URL(url));
    expect(ref).toEqual({
      helpdesk: 'helpscout',
      ticketId: c.ticketId,
      ...(c.displayId ? { displayId: c.displayId } : {}),
      url: c.canonical,
    });
  });

  it('is pure: the same URL gives an equal ref and the URL is not changed', () => {
    const url = new URL(TICKET_URLS.helpscout[0]!.url);
    const before = url.href;
    expect(helpscout.parseTicketUrl(url)).toEqual(helpscout.parseTicketUrl(url));
    expect(url.href).toBe(before);
  });
});
