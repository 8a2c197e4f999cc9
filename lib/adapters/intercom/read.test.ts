// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_PAGES } from '../testing/fixture-pages';
import { loadPage, type LoadedPage } from '../testing/load-page';
import type { TicketRef } from '../types';
import { intercom } from './index';
import * as S from './selectors';

const A = '215468735201234';
const B = '215468735209876';
const C = '215468735205555';
const ref = (id: string, host = 'app.intercom.com'): TicketRef =>
  intercom.parseTicketUrl(new URL(`https://${host}/a/inbox/k2x9q7ab/inbox/conversation/${id}`))!;

const CONVERSATION_A = {
  helpdesk: 'intercom',
  ticketId: A,
  url: `https://app.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/${A}`,
  subject: 'Export to CSV times out for large workspaces',
  requesterName: 'Tomás Ferreira',
  requesterEmail: 'tomas.ferreira@lumen-example.pt',
  createdAt: Date.parse('2026-11-25T16:05:27Z'),
  assignee: 'Ana Oliveira',
  assigneeGroup: 'Tier 2 Support',
  // "Priority" in the sidebar: a prioritised conversation.
  priority: 'high',
  // Read from the one state control ("Close" while open).
  status: 'open',
  organization: 'Lumen Analytics',
  plan: 'Enterprise',
};

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

function read(p: LoadedPage, r: TicketRef) {
  const root = intercom.ticketRoot(p.document, r);
  if (!root) throw new Error(`no root for ${r.ticketId}`);
  return { root, ...intercom.readTicket(root, r) };
}

describe('intercom on conversation.html', () => {
  it('finds the conversation inside the open shadow root on #teammate-app-react', async () => {
    page = await loadPage('intercom/conversation');
    // Light-DOM queries miss it entirely.
    expect(page.document.querySelector(S.conversationSpace)).toBeNull();
    const roots = intercom.searchRoots(page.document);
    const shadow = page.document.querySelector(S.shadowHost)!.shadowRoot;
    expect(roots).toContain(shadow);
    const { root } = read(page, ref(A));
    expect(root.getRootNode()).toBe(shadow);
  });

  it('reads the conversation’s fields', async () => {
    page = await loadPage('intercom/conversation');
    const { ticket, missing } = read(page, ref(A));
    expect(ticket).toEqual(CONVERSATION_A);
    expect(missing).toEqual([]);
  });

  it('does not take another conversation of the list, sidebar or message text for this one', async () => {
    page = await loadPage('intercom/conversation');
    for (const id of [B, C, '215468735100042'])
      expect(intercom.ticketRoot(page.document, ref(id))).toBeNull();
  });

  it('checks the stale-view guard against the Conversation ID row only, not a user’s ID', async () => {
    page = await loadPage('intercom/conversation');
    const { root } = read(page, ref(A));
    const row = page.document.createElement('div');
    row.innerHTML = '<p class="inbox-2__attribute__label">ID</p><div>65f0c1e2a9b8</div>';
    root.querySelector(S.detailsSidebar)!.prepend(row);
    expect(intercom.ticketRoot(page.document, ref(A))).toBe(root);
  });

  it('locates the ProseMirror composer in the shadow root', async () => {
    page = await loadPage('intercom/conversation');
    const { root } = read(page, ref(A));
    const composer = intercom.findComposer(root, page.document);
    expect(composer.editorKind).toBe('prosemirror');
    expect(composer.editor?.classList.contains('embercom-prosemirror-composer-editor')).toBe(true);
    expect(composer.dropTarget?.classList.contains('embercom-prosemirror-composer')).toBe(true);
    expect(composer.fileInputs).toHaveLength(1);
    expect(composer.sendButton?.textContent).toBe('Send');
    expect(root.contains(composer.editor)).toBe(true);
  });

  it('reads the signed-in agent from the shadow root', async () => {
    page = await loadPage('intercom/conversation');
    expect(intercom.readAgent!(page.document)).toEqual({ name: 'Ana Oliveira' });
  });

  it('follows pushState navigation and back/forward, refusing the previous conversation meanwhile', async () => {
    page = await loadPage('intercom/conversation');
    await page.click(`[data-conversation-list-item="${B}"]`, false);
    expect(intercom.parseTicketUrl(new URL(page.window.location.href))?.ticketId).toBe(B);
    // The old conversation is still rendered; its ID row names A.
    expect(intercom.ticketRoot(page.document, ref(B))).toBeNull();
    await page.settle();
    const { ticket, missing } = read(page, ref(B));
    expect(ticket).toMatchObject({
      subject: 'Cannot invite teammates: "seat limit reached"',
      requesterName: 'Grace Kim',
      organization: 'Harbor & Co',
      plan: 'Trial',
      createdAt: Date.parse('2026-11-26T07:58:44Z'),
    });
    // "Unassigned" is a state, not a name.
    expect(ticket.assignee).toBeUndefined();
    expect(missing).toEqual([]);

    await page.back();
    expect(read(page, ref(A)).ticket).toEqual(CONVERSATION_A);
    await page.forward();
    expect(read(page, ref(B)).ticket.subject).toContain('seat limit');
  });
});

describe('intercom before the shadow root (light DOM, inbox2__ classes)', () => {
  it('reads a conversation rendered in the light DOM with the pre-April-2026 class names', () => {
    document.body.innerHTML = `
      <div data-intercom-target="conversation-space">
        <span data-inbox-conversation-header-title>Old inbox</span>
        <div data-conversation-stream>
          <div data-part-group-category="1"><span class="font-semibold">Rui</span><time datetime="2025-01-02T03:04:05Z"></time></div>
        </div>
        <aside class="inbox2__conversation-details-sidebar">
          <div><p class="inbox2__attribute__label">Email</p><div>rui@example-old.pt</div></div>
          <div><p class="inbox2__attribute__label">Conversation ID</p><div>${A}</div></div>
        </aside>
      </div>`;
    expect(intercom.searchRoots(document)).toEqual([document]);
    const root = intercom.ticketRoot(document, ref(A))!;
    const { ticket, missing } = intercom.readTicket(root, ref(A));
    expect(ticket).toMatchObject({
      subject: 'Old inbox',
      requesterName: 'Rui',
      requesterEmail: 'rui@example-old.pt',
      createdAt: Date.parse('2025-01-02T03:04:05Z'),
    });
    // The sidebar is there but has no such rows: not set, not unreadable. The
    // page shows no state control, so the status is reported unreadable.
    expect(missing).toEqual(['status']);
    expect(intercom.ticketRoot(document, ref(B))).toBeNull();
  });
});

describe('intercom on conversation-lazy.html', () => {
  it('has no root until the conversation renders in the shadow root', async () => {
    const url = new URL(FIXTURE_PAGES['intercom/conversation-lazy'].url);
    const r = intercom.parseTicketUrl(url)!;
    expect(r.ticketId).toBe(B);
    page = await loadPage('intercom/conversation-lazy', { wait: false });
    expect(intercom.ticketRoot(page.document, r)).toBeNull();
    await page.settle();
    const { ticket, missing } = read(page, r);
    expect(ticket.subject).toBe('Cannot invite teammates: "seat limit reached"');
    expect(ticket.url).toBe(`https://app.eu.intercom.com/a/inbox/k2x9q7ab/inbox/conversation/${B}`);
    expect(missing).toEqual([]);
  });
});

describe('intercom on reports.html', () => {
  it('is not a conversation and has no conversation root', async () => {
    page = await loadPage('intercom/reports');
    expect(intercom.parseTicketUrl(new URL(page.window.location.href))).toBeNull();
    for (const id of [A, B, C]) expect(intercom.ticketRoot(page.document, ref(id))).toBeNull();
  });
});
