// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { diagnosticReport, structureOf } from './diagnostic';
import { loadPage, type LoadedPage } from './testing/load-page';
import { zendesk } from './zendesk';

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

describe('the copyable diagnostic', () => {
  it('keeps tags, roles and attribute names, and no text or value', () => {
    document.body.innerHTML = `<aside role="complementary" data-test-id="context-panel" aria-label="Customer">
      <a href="mailto:lea@contoso-example.fr" data-user-id="38110021">Léa Fontaine</a>
      <input value="secret subject" data-garden-id="forms.input" /><div role="javascript:alert(1)"></div></aside>`;
    const text = structureOf(document.body.firstElementChild!);
    expect(text).toBe(
      [
        'aside[role=complementary][aria-label][data-test-id]',
        '  a[data-user-id]',
        '  input[data-garden-id]',
        '  div',
      ].join('\n'),
    );
  });

  it('carries none of a real ticket’s facts, and enters open shadow roots', async () => {
    page = await loadPage('intercom/inbox-2026');
    const ref = { helpdesk: 'intercom' as const, ticketId: '215470001122334', url: 'x' };
    const { intercom } = await import('./intercom');
    const root = intercom.ticketRoot(page.document, ref)!;
    const report = diagnosticReport('intercom', ['plan'], root, true);
    expect(report).toContain('[data-attribute-identifier]');
    for (const fact of [
      'Sofia',
      'Lindqvist',
      'nordvik',
      'Enterprise',
      'Webhooks',
      '2026-11-28',
      '215470001122334',
    ])
      expect(report.toLowerCase()).not.toContain(fact.toLowerCase());
  });

  it('names iframes without entering them', async () => {
    page = await loadPage('zendesk/agent-2026');
    const ref = zendesk.parseTicketUrl(new URL('https://acme.zendesk.com/agent/tickets/7310'))!;
    const report = structureOf(zendesk.ticketRoot(page.document, ref)!);
    expect(report).toContain('iframe[data-test-id]');
    expect(report).not.toContain('other-example');
  });
});
