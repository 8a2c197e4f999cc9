// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadPage, type LoadedPage } from '../testing/load-page';
import type { TicketRef } from '../types';
import { helpscout } from './index';

const ref = (id: string, number: string): TicketRef =>
  helpscout.parseTicketUrl(new URL(`https://secure.helpscout.net/conversation/${id}/${number}`))!;
const R11161 = ref('2871236524', '11161');
const R11175 = ref('2871240099', '11175');

const CONVERSATION_11161 = {
  helpdesk: 'helpscout',
  ticketId: '2871236524',
  displayId: '#11161',
  url: 'https://secure.helpscout.net/conversation/2871236524/11161',
  subject: 'Refund for duplicate charge on invoice INV-2026-0912',
  requesterName: 'Jonas Weber',
  requesterEmail: 'jonas.weber@alpenglow-example.de',
  // Threads are newest first: the earliest is the last one.
  createdAt: Date.parse('2026-11-25T17:30:55Z'),
  status: 'open',
  statusLabel: 'Active',
  assignee: 'Ana Oliveira',
  organization: 'Alpenglow GmbH',
  plan: 'Paid',
};

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

function read(p: LoadedPage, r: TicketRef) {
  const root = helpscout.ticketRoot(p.document, r);
  if (!root) throw new Error(`no root for ${r.displayId}`);
  return { root, ...helpscout.readTicket(root, r) };
}

describe('helpscout on conversation.html (current UI)', () => {
  it('reads the conversation’s fields', async () => {
    page = await loadPage('helpscout/conversation');
    const { ticket, missing } = read(page, R11161);
    expect(ticket).toEqual(CONVERSATION_11161);
    expect(missing).toEqual([]);
  });

  it('has no editor before Reply is clicked, and finds the Slate editor after', async () => {
    page = await loadPage('helpscout/conversation');
    const before = helpscout.findComposer(read(page, R11161).root, page.document);
    expect(before).toEqual({
      editor: null,
      editorKind: 'unknown',
      fileInputs: [],
      dropTarget: null,
      sendButton: null,
    });

    await page.click('[data-testid="reply-button"]');
    const { root } = read(page, R11161);
    const after = helpscout.findComposer(root, page.document);
    expect(after.editorKind).toBe('slate');
    expect(after.editor?.getAttribute('data-slate-editor')).toBe('true');
    expect(after.fileInputs).toHaveLength(1);
    expect(after.dropTarget).toBe(after.editor);
    expect(after.sendButton?.textContent).toBe('Send');
    expect(root.contains(after.editor)).toBe(true);
  });

  it('refuses other conversations named in the list and the sidebar', async () => {
    page = await loadPage('helpscout/conversation');
    expect(helpscout.ticketRoot(page.document, R11175)).toBeNull();
    expect(helpscout.ticketRoot(page.document, ref('2870011223', '10988'))).toBeNull();
  });

  it('follows pushState navigation and back/forward', async () => {
    page = await loadPage('helpscout/conversation');
    await page.click('a[data-spa][href^="/conversation/2871240099/"]', false);
    expect(helpscout.parseTicketUrl(new URL(page.window.location.href))).toEqual(R11175);
    // Still #11161 on screen: not the URL's conversation.
    expect(helpscout.ticketRoot(page.document, R11175)).toBeNull();
    await page.settle();
    expect(read(page, R11175).ticket).toMatchObject({
      displayId: '#11175',
      subject: 'API key rotation fails with 409',
      status: 'pending',
      statusLabel: 'Pending',
      plan: 'Enterprise',
      createdAt: Date.parse('2026-11-26T07:55:21Z'),
    });
    expect(helpscout.ticketRoot(page.document, R11161)).toBeNull();
    await page.back();
    expect(read(page, R11161).ticket).toEqual(CONVERSATION_11161);
    await page.forward();
    expect(read(page, R11175).ticket.requesterName).toBe('Ife Okafor');
  });

  it('reads the signed-in agent', async () => {
    page = await loadPage('helpscout/conversation');
    expect(helpscout.readAgent!(page.document)).toEqual({ name: 'Ana Oliveira' });
  });
});

describe('helpscout on legacy.html', () => {
  it('reads the same conversation from the legacy markup', async () => {
    page = await loadPage('helpscout/legacy');
    const { ticket, missing } = read(page, R11161);
    expect(ticket).toEqual(CONVERSATION_11161);
    expect(missing).toEqual([]);
  });

  it('finds the Redactor editor only once the reply form is shown', async () => {
    page = await loadPage('helpscout/legacy');
    const before = helpscout.findComposer(read(page, R11161).root, page.document);
    expect(before.editor).toBeNull();
    await page.click('#navReply');
    const after = helpscout.findComposer(read(page, R11161).root, page.document);
    expect(after.editorKind).toBe('redactor');
    expect(after.editor?.classList.contains('redactor_editor')).toBe(true);
    expect(after.fileInputs.map((i) => i.id)).toEqual(['fileupload']);
    expect(after.sendButton?.id).toBe('sendBtn');
  });

  it('reads the signed-in agent', async () => {
    page = await loadPage('helpscout/legacy');
    expect(helpscout.readAgent!(page.document)).toEqual({ name: 'Ana Oliveira' });
  });
});

describe('helpscout on a mailbox URL', () => {
  it('is not a conversation, then opens one from the list without a reload', async () => {
    page = await loadPage('helpscout/mailbox');
    expect(helpscout.parseTicketUrl(new URL(page.window.location.href))).toBeNull();
    expect(helpscout.ticketRoot(page.document, R11161)).toBeNull();
    await page.click('[data-cy="ConversationTable"] a[href^="/conversation/2871236524/"]');
    expect(helpscout.parseTicketUrl(new URL(page.window.location.href))).toEqual(R11161);
    expect(read(page, R11161).ticket).toEqual(CONVERSATION_11161);
  });
});
