import { describe, expect, it } from 'vitest';
import { TICKET_URLS } from '../testing/url-cases';
import { zendesk } from './index';
import { normalizeZendeskHost, parseZendeskTicketUrl, zendeskHostMatch } from './url';

describe('zendesk.parseTicketUrl', () => {
  it.each(TICKET_URLS.zendesk.map((c) => [c.url, c] as const))('reads %s', (url, c) => {
    const ref = zendesk.parseTicketUrl(new URL(url));
    expect(ref).toEqual({
      helpdesk: 'zendesk',
      ticketId: c.ticketId,
      ...(c.displayId ? { displayId: c.displayId } : {}),
      url: c.canonical,
    });
  });

  it('is pure: the same URL gives an equal ref and the URL is not changed', () => {
    const url = new URL(TICKET_URLS.zendesk[0]!.url);
    const before = url.href;
    expect(zendesk.parseTicketUrl(url)).toEqual(zendesk.parseTicketUrl(url));
    expect(url.href).toBe(before);
  });
});

describe('normalizeZendeskHost', () => {
  it.each([
    ['support.example.com', 'support.example.com'],
    ['  Support.Example.COM ', 'support.example.com'],
    ['https://support.example.com/agent/tickets/1', 'support.example.com'],
    ['help.brand-2.co.uk', 'help.brand-2.co.uk'],
  ])('accepts %j as %s', (input, host) => {
    expect(normalizeZendeskHost(input)).toBe(host);
    expect(zendeskHostMatch(input)).toBe(`https://${host}/agent/*`);
  });

  it.each([
    ['', /Enter a host name/],
    ['http://support.example.com', /https only/],
    ['support.example.com:8443', /without port/],
    ['user:pw@support.example.com', /without port or credentials/],
    ['localhost', /not a host name/],
    ['*.example.com', /not a host name/],
    ['exa mple.com', /not a host name/],
    ['acme.zendesk.com', /work without adding/],
    ['zendesk.com', /work without adding/],
  ])('refuses %j', (input, message) => {
    expect(() => normalizeZendeskHost(input)).toThrow(message);
  });
});

describe('parseZendeskTicketUrl with mapped hosts', () => {
  it('accepts only listed hosts, exactly', () => {
    const url = new URL('https://support.example.com/agent/tickets/7');
    expect(parseZendeskTicketUrl(url)).toBeNull();
    expect(parseZendeskTicketUrl(url, ['example.com'])).toBeNull();
    expect(parseZendeskTicketUrl(url, ['support.example.com'])?.url).toBe(
      'https://support.example.com/agent/tickets/7',
    );
  });
});
