// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadPage, type LoadedPage } from '../testing/load-page';
import type { TicketRef } from '../types';
import { zendesk } from './index';
import * as S from './selectors';

const HOST = 'https://acme.zendesk.com';
const ref = (id: string, host = HOST): TicketRef =>
  zendesk.parseTicketUrl(new URL(`${host}/agent/tickets/${id}`)) ??
    // Mapped hosts are parsed by the registry; tests only need the ref's shape.
    { helpdesk: 'zendesk', ticketId: id, displayId: `#${id}`, url: `${host}/agent/tickets/${id}` };

const TICKET_4242 = {
  helpdesk: 'zendesk',
  ticketId: '4242',
  displayId: '#4242',
  url: `${HOST}/agent/tickets/4242`,
  subject: 'SSO login loops back to sign-in page after SAML update',
  requesterName: 'Priya Raman',
  requesterEmail: 'priya.raman@northwind-example.com',
  createdAt: Date.parse('2026-11-24T14:03:11Z'),
  status: 'open',
  statusLabel: 'Open',
  priority: 'high',
  priorityLabel: 'High',
  assignee: 'Dana Whitfield',
  assigneeGroup: 'Tier 2',
  organization: 'Northwind Traders',
  plan: 'Enterprise',
  customerTimeZone: 'CET',
};

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

function read(p: LoadedPage, id: string) {
  const root = zendesk.ticketRoot(p.document, ref(id));
  if (!root) throw new Error(`no root for ${id}`);
  return { root, ...zendesk.readTicket(root, ref(id)) };
}

describe('zendesk on ticket.html', () => {
  it('reads every field of the open ticket', async () => {
    page = await loadPage('zendesk/ticket');
    const { ticket, missing } = read(page, '4242');
    expect(ticket).toEqual(TICKET_4242);
    expect(missing).toEqual([]);
  });

  it('reads the zone the local time names, and no zone from an offset or without the row', async () => {
    page = await loadPage('zendesk/ticket');
    const cell = () =>
      Array.from(read(page!, '4242').root.querySelectorAll('dt')).find(
        (dt) => dt.textContent === 'Local time',
      )!.nextElementSibling!;
    cell().textContent = 'Thu, 04:14 (GMT-05:00) Eastern Time (US & Canada)';
    expect(read(page, '4242').ticket.customerTimeZone).toBe('America/New_York');
    cell().textContent = 'Thu, 10:14 GMT+1';
    let result = read(page, '4242');
    expect(result.ticket.customerTimeZone).toBeUndefined();
    expect(result.missing).toEqual([]);
    const row = cell();
    row.previousElementSibling!.remove();
    row.remove();
    result = read(page, '4242');
    expect(result.ticket.customerTimeZone).toBeUndefined();
    expect(result.missing).toEqual([]);
  });

  it('never takes a decoy: tickets named in lists, notes, history and app iframes have no root', async () => {
    page = await loadPage('zendesk/ticket');
    for (const id of ['4100', '5150', '6001', '9999']) {
      expect(zendesk.ticketRoot(page.document, ref(id))).toBeNull();
    }
  });

  it('locates the CKEditor composer, its hidden file input, drop target and send button', async () => {
    page = await loadPage('zendesk/ticket');
    const { root } = read(page, '4242');
    const composer = zendesk.findComposer(root, page.document);
    expect(composer.editorKind).toBe('ckeditor5');
    expect(composer.editor?.getAttribute('data-test-id')).toBe('omnicomposer-rich-text-ckeditor');
    expect(composer.fileInputs).toHaveLength(1);
    expect(composer.fileInputs[0]!.type).toBe('file');
    expect(composer.dropTarget?.getAttribute('data-test-id')).toBe('editor-view');
    expect(composer.sendButton?.textContent).toContain('Submit as');
    for (const el of [
      composer.editor,
      composer.fileInputs[0],
      composer.dropTarget,
      composer.sendButton,
    ]) {
      expect(root.contains(el!)).toBe(true);
    }
  });

  it('reads the signed-in agent', async () => {
    page = await loadPage('zendesk/ticket');
    expect(zendesk.readAgent!(page.document)).toEqual({ name: 'Dana Whitfield' });
  });

  it('serves another ticket by URL', async () => {
    page = await loadPage('zendesk/ticket', { url: `${HOST}/agent/tickets/6001` });
    const { ticket, missing } = read(page, '6001');
    expect(ticket.subject).toBe('Invoice PDF shows wrong VAT number');
    // Unassigned: the field is there and empty, which is not a failed read.
    expect(ticket.assignee).toBeUndefined();
    expect(missing).toEqual([]);
    expect(zendesk.ticketRoot(page.document, ref('4242'))).toBeNull();
  });

  it('follows pushState navigation, back and forward without reading the old ticket', async () => {
    page = await loadPage('zendesk/ticket');
    await page.click('[data-test-id="recent-tickets"] a[href="/agent/tickets/5150"]', false);
    expect(page.window.location.pathname).toBe('/agent/tickets/5150');
    // The old ticket is still on screen while the new one loads: no root for the URL's ticket yet.
    expect(zendesk.ticketRoot(page.document, ref('5150'))).toBeNull();
    await page.settle();
    expect(read(page, '5150').ticket.subject).toBe('Webhook deliveries delayed by 20+ minutes');
    expect(zendesk.ticketRoot(page.document, ref('4242'))).toBeNull();

    await page.back();
    expect(page.window.location.pathname).toBe('/agent/tickets/4242');
    expect(read(page, '4242').ticket).toEqual(TICKET_4242);
    expect(zendesk.ticketRoot(page.document, ref('5150'))).toBeNull();

    await page.forward();
    expect(read(page, '5150').ticket.requesterEmail).toBe('marcus@fabrikam-example.io');
  });

  it('works the same on a host-mapped domain', async () => {
    const host = 'https://support.northwind-example.com';
    page = await loadPage('zendesk/host-mapped');
    const root = zendesk.ticketRoot(page.document, ref('4242', host));
    expect(zendesk.readTicket(root!, ref('4242', host)).ticket).toEqual({
      ...TICKET_4242,
      url: `${host}/agent/tickets/4242`,
    });
  });
});

describe('zendesk on multi-tab.html', () => {
  it('reads only the shown workspace of the URL ticket, not the first in the DOM', async () => {
    page = await loadPage('zendesk/multi-tab');
    expect(page.document.querySelectorAll(S.workspace)).toHaveLength(3);
    // Element ids repeat across workspaces: a document-wide lookup finds the wrong ticket.
    expect(page.document.querySelectorAll('#omni-subject')).toHaveLength(3);
    expect((page.document.getElementById('omni-subject') as HTMLInputElement).value).toContain(
      'SSO',
    );

    const { root, ticket, missing } = read(page, '5150');
    expect(root).not.toBe(page.document.querySelector(S.workspace));
    expect(ticket).toMatchObject({
      ticketId: '5150',
      subject: 'Webhook deliveries delayed by 20+ minutes',
      requesterName: 'Marcus Bell',
      requesterEmail: 'marcus@fabrikam-example.io',
      createdAt: Date.parse('2026-11-20T08:45:00Z'),
      status: 'pending',
      statusLabel: 'Pending',
      priority: 'normal',
      assignee: 'Luis Ortega',
      assigneeGroup: 'Support',
      organization: 'Fabrikam',
      plan: 'Trial',
    });
    expect(missing).toEqual([]);
    const composer = zendesk.findComposer(root, page.document);
    expect(root.contains(composer.editor)).toBe(true);
    expect(composer.fileInputs.every((input) => root.contains(input))).toBe(true);
  });

  it('gives no root for the hidden tabs’ tickets', async () => {
    page = await loadPage('zendesk/multi-tab');
    expect(zendesk.ticketRoot(page.document, ref('4242'))).toBeNull();
    expect(zendesk.ticketRoot(page.document, ref('6001'))).toBeNull();
  });

  it('switches to another tab’s workspace after navigation', async () => {
    page = await loadPage('zendesk/multi-tab');
    await page.click('[data-test-id="header-tab"][data-entity-id="6001"] a');
    expect(read(page, '6001').ticket.subject).toBe('Invoice PDF shows wrong VAT number');
    expect(zendesk.ticketRoot(page.document, ref('5150'))).toBeNull();
  });
});

describe('zendesk on lazy.html', () => {
  it('has no root until the ticket renders, then reads it', async () => {
    page = await loadPage('zendesk/lazy', { wait: false });
    expect(zendesk.ticketRoot(page.document, ref('4242'))).toBeNull();
    await page.settle();
    expect(read(page, '4242').ticket).toEqual(TICKET_4242);
  });
});

describe('zendesk on drifted.html', () => {
  it('reads the renamed fields by their test-id families and headings, and reports the rest as missing', async () => {
    page = await loadPage('zendesk/drifted');
    const { ticket, missing, sources } = read(page, '4242');
    expect(ticket).toEqual({
      helpdesk: 'zendesk',
      ticketId: '4242',
      displayId: '#4242',
      url: `${HOST}/agent/tickets/4242`,
      subject: TICKET_4242.subject,
      requesterName: 'Priya Raman',
      status: 'open',
      statusLabel: 'Open',
      priority: 'high',
      priorityLabel: 'High',
      assignee: 'Dana Whitfield',
      assigneeGroup: 'Tier 2',
    });
    // No datetime on the log, no e-mail, organization or plan in the rebuilt panel.
    expect(missing).toEqual(['requesterEmail', 'createdAt', 'organization', 'plan']);
    expect(sources).toMatchObject({ priority: 'design', status: 'design' });
  });

  it('still finds the composer by CKEditor’s own classes', async () => {
    page = await loadPage('zendesk/drifted');
    const { root } = read(page, '4242');
    const composer = zendesk.findComposer(root, page.document);
    expect(composer.editorKind).toBe('ckeditor5');
    expect(composer.editor?.classList.contains('ck-editor__editable')).toBe(true);
    expect(composer.fileInputs).toHaveLength(1);
    expect(composer.sendButton).toBeNull();
  });
});

describe('zendesk on a views URL', () => {
  it('is not a ticket, and its rows’ data-ticket-id are not workspaces', async () => {
    page = await loadPage('zendesk/views');
    expect(page.document.querySelector('tr[data-ticket-id="4242"]')).not.toBeNull();
    expect(zendesk.parseTicketUrl(new URL(page.window.location.href))).toBeNull();
    for (const id of ['4242', '5150', '6001'])
      expect(zendesk.ticketRoot(page.document, ref(id))).toBeNull();
  });

  it('opens a ticket from the list without a reload', async () => {
    page = await loadPage('zendesk/views');
    await page.click('[data-test-id="table-main"] a[href="/agent/tickets/4242"]');
    const url = new URL(page.window.location.href);
    expect(zendesk.parseTicketUrl(url)?.ticketId).toBe('4242');
    expect(read(page, '4242').ticket).toEqual(TICKET_4242);
    expect(page.document.querySelector('[data-test-id="views-filter-page"]')).toBeNull();
  });
});
