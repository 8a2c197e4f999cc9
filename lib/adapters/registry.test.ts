// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HELPDESKS } from '../workflow/schema';
import { ADAPTERS, adapterFor, detectTicket } from './registry';
import { FIXTURE_KEYS, FIXTURE_PAGES } from './testing/fixture-pages';
import { NON_TICKET_URLS, TICKET_URLS } from './testing/url-cases';

const allTicketCases = ADAPTERS.flatMap((adapter) =>
  TICKET_URLS[adapter.id].map((c) => [adapter.id, c.url] as const),
);

describe('ADAPTERS', () => {
  it('holds one adapter per helpdesk, in schema order', () => {
    expect(ADAPTERS.map((a) => a.id)).toEqual([...HELPDESKS]);
  });

  it.each(ADAPTERS.map((a) => [a.id, a] as const))(
    '%s has a label and https match patterns',
    (_id, adapter) => {
      expect(adapter.label).not.toBe('');
      expect(adapter.matches.length).toBeGreaterThan(0);
      for (const pattern of adapter.matches) expect(pattern).toMatch(/^https:\/\/[^/]+\/.*\*$/);
    },
  );

  it.each(ADAPTERS.map((a) => [a.id] as const))('%s has URL cases', (id) => {
    expect(TICKET_URLS[id].length).toBeGreaterThan(2);
  });
});

describe('every adapter rejects the other adapters’ tickets', () => {
  const cases = ADAPTERS.flatMap((adapter) =>
    allTicketCases
      .filter(([owner]) => owner !== adapter.id)
      .map(([owner, url]) => [adapter.id, owner, url] as const),
  );
  it.each(cases)('%s rejects a %s ticket: %s', (id, _owner, url) => {
    expect(adapterFor(id).parseTicketUrl(new URL(url))).toBeNull();
  });
});

describe('every adapter rejects pages that are not tickets', () => {
  const cases = ADAPTERS.flatMap((adapter) =>
    NON_TICKET_URLS.map((url) => [adapter.id, url] as const),
  );
  it.each(cases)('%s rejects %s', (id, url) => {
    expect(adapterFor(id).parseTicketUrl(new URL(url))).toBeNull();
  });
});

describe('fixture pages are claimed by the adapter they belong to, and only by it', () => {
  const cases = FIXTURE_KEYS.filter((key) => key !== 'zendesk/host-mapped').map(
    (key) => [key, FIXTURE_PAGES[key]] as const,
  );
  it.each(cases)('%s', (_key, page) => {
    const claimed = ADAPTERS.filter((a) => a.parseTicketUrl(new URL(page.url)));
    expect(claimed.map((a) => a.id)).toEqual(page.helpdesk ? [page.helpdesk] : []);
    if (page.helpdesk)
      expect(claimed[0]!.parseTicketUrl(new URL(page.url))?.ticketId).toBe(page.ticketId);
  });
});

describe('detectTicket', () => {
  it.each(allTicketCases)('finds the %s ticket in %s', (id, url) => {
    expect(detectTicket(url)?.adapter.id).toBe(id);
  });

  it.each(NON_TICKET_URLS.filter((u) => !u.includes('northwind')))(
    'finds no ticket in %s',
    (url) => {
      expect(detectTicket(url)).toBeNull();
      expect(detectTicket(url, ['support.northwind-example.com'])).toBeNull();
    },
  );

  it('treats a host-mapped domain as Zendesk only once it was added', () => {
    const url = FIXTURE_PAGES['zendesk/host-mapped'].url;
    expect(detectTicket(url)).toBeNull();
    expect(detectTicket(url, ['help.other-example.com'])).toBeNull();
    const found = detectTicket(url, ['support.northwind-example.com']);
    expect(found?.adapter.id).toBe('zendesk');
    expect(found?.ref).toEqual({
      helpdesk: 'zendesk',
      ticketId: '4242',
      displayId: '#4242',
      url: 'https://support.northwind-example.com/agent/tickets/4242',
    });
  });

  it('applies the ticket path rules on mapped hosts too', () => {
    const hosts = ['support.northwind-example.com'];
    expect(detectTicket('https://support.northwind-example.com/agent/filters/1', hosts)).toBeNull();
    expect(
      detectTicket('https://support.northwind-example.com/agent/tickets/new/1', hosts),
    ).toBeNull();
    expect(
      detectTicket('http://support.northwind-example.com/agent/tickets/4242', hosts),
    ).toBeNull();
    expect(
      detectTicket('https://support.northwind-example.com.evil.io/agent/tickets/4242', hosts),
    ).toBeNull();
  });

  it('returns null for text that is not a URL', () => {
    expect(detectTicket('not a url')).toBeNull();
    expect(detectTicket('')).toBeNull();
  });
});

describe('adapterFor', () => {
  it('returns the adapter for each helpdesk', () => {
    for (const id of HELPDESKS) expect(adapterFor(id).id).toBe(id);
  });

  it('fails loudly for an unknown helpdesk', () => {
    expect(() => adapterFor('freshdesk' as never)).toThrow(/No adapter for helpdesk "freshdesk"/);
  });
});
