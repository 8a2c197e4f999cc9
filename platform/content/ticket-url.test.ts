import { describe, expect, it } from 'vitest';
import { intercom } from '../../lib/adapters/intercom';
import { zendesk } from '../../lib/adapters/zendesk';
import { canonicalHost, onPatternHost, parseTicketFor } from './ticket-url';

describe('canonicalHost', () => {
  it('turns a wildcard host into a concrete host of the same domain', () => {
    expect(canonicalHost('https://*.zendesk.com/agent/*')).toBe('casebook-mapped.zendesk.com');
    expect(canonicalHost('https://app.intercom.com/a/*')).toBe('app.intercom.com');
  });
});

describe('parseTicketFor', () => {
  it('parses the adapter’s own ticket URLs', () => {
    expect(
      parseTicketFor(zendesk, new URL('https://acme.zendesk.com/agent/tickets/4242')),
    ).toMatchObject({
      helpdesk: 'zendesk',
      ticketId: '4242',
    });
  });

  it('rejects non-ticket pages on the adapter’s own hosts', () => {
    for (const url of [
      'https://acme.zendesk.com/agent/filters/360094211',
      'https://acme.zendesk.com/agent/tickets/new/1?brand_id=2',
      'https://acme.zendesk.com/agent/dashboard',
    ]) {
      expect(parseTicketFor(zendesk, new URL(url))).toBeNull();
    }
  });

  it('parses a host-mapped brand domain and keeps its real URL', () => {
    const ref = parseTicketFor(
      zendesk,
      new URL('https://support.northwind-example.com/agent/tickets/77?x=1'),
    );
    expect(ref).toMatchObject({ helpdesk: 'zendesk', ticketId: '77' });
    expect(ref!.url).toBe('https://support.northwind-example.com/agent/tickets/77?x=1');
  });

  it('rejects mapped-host pages that are not tickets, and plain http', () => {
    expect(
      parseTicketFor(zendesk, new URL('https://support.northwind-example.com/hc/en-us')),
    ).toBeNull();
    expect(
      parseTicketFor(zendesk, new URL('http://support.northwind-example.com/agent/tickets/77')),
    ).toBeNull();
  });

  it('never reads another helpdesk’s ticket URL', () => {
    expect(
      parseTicketFor(intercom, new URL('https://acme.zendesk.com/agent/tickets/4242')),
    ).toBeNull();
  });
});

describe('onPatternHost', () => {
  it('matches the pattern’s host, and a wildcard’s subdomains, exactly', () => {
    const zd = 'https://*.zendesk.com/agent/*';
    expect(onPatternHost(zd, new URL('https://acme.zendesk.com/x'))).toBe(true);
    expect(onPatternHost(zd, new URL('https://a.b.zendesk.com/x'))).toBe(true);
    expect(onPatternHost(zd, new URL('https://evilzendesk.com/x'))).toBe(false);
    expect(onPatternHost(zd, new URL('https://acme.zendesk.com.evil.io/x'))).toBe(false);
    const ic = 'https://app.intercom.com/a/*';
    expect(onPatternHost(ic, new URL('https://app.intercom.com/a/inbox'))).toBe(true);
    expect(onPatternHost(ic, new URL('https://app.eu.intercom.com/a/inbox'))).toBe(false);
    expect(onPatternHost('<all_urls>', new URL('https://app.intercom.com/'))).toBe(false);
  });
});
