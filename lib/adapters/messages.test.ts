// @vitest-environment happy-dom
/**
 * Message authorship on the saved helpdesk pages: who wrote each message of
 * the open ticket (customer, agent, internal note), its id and time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_READERS } from './conversation';
import { helpscout } from './helpscout/index';
import { intercom } from './intercom/index';
import { loadPage, type LoadedPage } from './testing/load-page';
import type { HelpdeskAdapter } from './types';
import { zendesk } from './zendesk/index';

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

async function messagesOn(fixture: string, adapter: HelpdeskAdapter, url: string) {
  page = await loadPage(fixture as Parameters<typeof loadPage>[0]);
  const ref = adapter.parseTicketUrl(new URL(url));
  if (!ref) throw new Error(`not a ticket URL: ${url}`);
  const root = adapter.ticketRoot(page.document, ref);
  if (!root) throw new Error(`no ticket root on ${fixture}`);
  return MESSAGE_READERS[adapter.id](root);
}

const t = (iso: string) => Date.parse(iso);

describe('conversation authorship', () => {
  it('zendesk: end-user, agent reply and internal note of the open ticket only', async () => {
    expect(
      await messagesOn('zendesk/ticket', zendesk, 'https://acme.zendesk.com/agent/tickets/4242'),
    ).toEqual([
      { id: '90001', role: 'customer', at: t('2026-11-24T14:03:11Z') },
      { id: '90002', role: 'agent', at: t('2026-11-24T15:20:00Z') },
      { id: '90003', role: 'note', at: t('2026-11-25T09:12:40Z') },
    ]);
  });

  it('intercom: user, bot, admin reply and note parts', async () => {
    expect(
      await messagesOn(
        'intercom/conversation',
        intercom,
        'https://app.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/215468735201234',
      ),
    ).toEqual([
      { id: 'p1', role: 'customer', at: t('2026-11-25T16:05:27Z') },
      { id: 'p2', role: 'other', at: t('2026-11-25T16:05:31Z') },
      { id: 'p3', role: 'agent', at: t('2026-11-25T16:40:02Z') },
      { id: 'p4', role: 'note', at: t('2026-11-26T09:40:00Z') },
    ]);
  });

  it('help scout: customer, user reply and note threads, oldest first (current UI)', async () => {
    expect(
      await messagesOn(
        'helpscout/conversation',
        helpscout,
        'https://secure.helpscout.net/conversation/2871236524/11161',
      ),
    ).toEqual([
      { id: '7001001', role: 'customer', at: t('2026-11-25T17:30:55Z') },
      { id: '7001002', role: 'agent', at: t('2026-11-25T17:45:10Z') },
      { id: '7001003', role: 'note', at: t('2026-11-26T10:02:00Z') },
    ]);
  });

  it('help scout legacy UI: customer, staff and note articles', async () => {
    expect(
      await messagesOn(
        'helpscout/legacy',
        helpscout,
        'https://secure.helpscout.net/conversation/2871236524/11161',
      ),
    ).toEqual([
      { id: '7001001', role: 'customer', at: t('2026-11-25T17:30:55Z') },
      { id: '7001002', role: 'agent', at: t('2026-11-25T17:45:10Z') },
      { id: '7001003', role: 'note', at: t('2026-11-26T10:02:00Z') },
    ]);
  });
});
