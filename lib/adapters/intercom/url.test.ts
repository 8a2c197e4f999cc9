import { describe, expect, it } from 'vitest';
import { TICKET_URLS } from '../testing/url-cases';
import { intercom } from './index';

describe('intercom.parseTicketUrl', () => {
  it.each(TICKET_URLS.intercom.map((c) => [c.url, c] as const))('reads %s', (url, c) => {
    const ref = intercom.parseTicketUrl(new URL(url));
    expect(ref).toEqual({
      helpdesk: 'intercom',
      ticketId: c.ticketId,
      ...(c.displayId ? { displayId: c.displayId } : {}),
      url: c.canonical,
    });
  });

  it('is pure: the same URL gives an equal ref and the URL is not changed', () => {
    const url = new URL(TICKET_URLS.intercom[0]!.url);
    const before = url.href;
    expect(intercom.parseTicketUrl(url)).toEqual(intercom.parseTicketUrl(url));
    expect(url.href).toBe(before);
  });
});
