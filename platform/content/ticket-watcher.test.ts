// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelpdeskAdapter, TicketRef } from '../../lib/adapters/types';
import { ALL_METADATA, watchTicket, type TicketSnapshot } from './ticket-watcher';

const REF: TicketRef = {
  helpdesk: 'zendesk',
  ticketId: '4242',
  displayId: '#4242',
  url: 'https://acme.zendesk.com/agent/tickets/4242',
};

/** An adapter over a tiny DOM: `<section data-ticket="id"><h1>subject</h1></section>`. */
function fakeAdapter(overrides: Partial<HelpdeskAdapter> = {}): HelpdeskAdapter {
  return {
    id: 'zendesk',
    label: 'Zendesk',
    matches: ['https://*.zendesk.com/agent/*'],
    parseTicketUrl: () => REF,
    searchRoots: (doc) => [doc],
    ticketRoot: (doc, ref) => doc.querySelector(`section[data-ticket="${ref.ticketId}"]`),
    readTicket: (root, ref) => {
      const subject = root.querySelector('h1')?.textContent ?? undefined;
      return {
        ticket: {
          helpdesk: ref.helpdesk,
          ticketId: ref.ticketId,
          url: ref.url,
          ...(subject ? { subject } : {}),
        },
        missing: subject ? [] : ['subject'],
      };
    },
    findComposer: () => ({
      editor: null,
      editorKind: 'unknown',
      fileInputs: [],
      dropTarget: null,
      sendButton: null,
    }),
    ...overrides,
  };
}

function ticketSection(id: string, subject?: string): HTMLElement {
  const section = document.createElement('section');
  section.setAttribute('data-ticket', id);
  if (subject) section.innerHTML = `<h1>${subject}</h1>`;
  return section;
}

describe('watchTicket', () => {
  let controller: AbortController;
  let seen: TicketSnapshot[];
  const onChange = (s: TicketSnapshot) => seen.push(s);

  beforeEach(() => {
    document.body.innerHTML = '';
    controller = new AbortController();
    seen = [];
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('reports the ticket from the URL at once when its DOM is not there yet', () => {
    watchTicket(document, fakeAdapter(), REF, controller.signal, onChange);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ found: false, missing: [], ticket: { ticketId: '4242' } });
    expect(seen[0]!.ticket.subject).toBeUndefined();
  });

  it('reads the metadata once the ticket renders, and only the URL ticket', async () => {
    watchTicket(document, fakeAdapter(), REF, controller.signal, onChange);
    document.body.append(ticketSection('9999', 'Someone else’s ticket'));
    document.body.append(ticketSection('4242', 'SSO login loops'));
    await vi.waitFor(() => expect(seen.at(-1)?.found).toBe(true));
    expect(seen.at(-1)!.ticket).toMatchObject({ ticketId: '4242', subject: 'SSO login loops' });
    expect(seen.map((s) => s.ticket.subject)).not.toContain('Someone else’s ticket');
  });

  it('keeps the URL as the authority on ids even if the adapter reads another', async () => {
    const adapter = fakeAdapter({
      readTicket: () => ({
        ticket: {
          helpdesk: 'intercom',
          ticketId: '1',
          url: 'https://elsewhere.example/',
          subject: 'S',
        },
        missing: [],
      }),
    });
    document.body.append(ticketSection('4242', 'S'));
    watchTicket(document, adapter, REF, controller.signal, onChange);
    expect(seen[0]!.ticket).toMatchObject({
      helpdesk: 'zendesk',
      ticketId: '4242',
      url: REF.url,
      subject: 'S',
    });
  });

  it('follows a ticket that is re-rendered with new metadata', async () => {
    const section = ticketSection('4242', 'First subject');
    document.body.append(section);
    watchTicket(document, fakeAdapter(), REF, controller.signal, onChange, {
      settledIntervalMs: 10,
    });
    expect(seen.at(-1)!.ticket.subject).toBe('First subject');
    section.querySelector('h1')!.textContent = 'Edited subject';
    await vi.waitFor(() => expect(seen.at(-1)!.ticket.subject).toBe('Edited subject'));
  });

  it('says every field is unread when the ticket never renders', async () => {
    watchTicket(document, fakeAdapter(), REF, controller.signal, onChange, { giveUpMs: 20 });
    await vi.waitFor(() => expect(seen.at(-1)!.missing).toEqual(ALL_METADATA));
    expect(seen.at(-1)!.found).toBe(false);
  });

  it('looks inside the open shadow roots the adapter searches', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const adapter = fakeAdapter({
      searchRoots: (doc) => [doc, ...(host.shadowRoot ? [host.shadowRoot] : [])],
      ticketRoot: () => shadow.querySelector('section[data-ticket="4242"]'),
    });
    watchTicket(document, adapter, REF, controller.signal, onChange);
    shadow.append(ticketSection('4242', 'Inside the shadow root'));
    await vi.waitFor(() => expect(seen.at(-1)!.ticket.subject).toBe('Inside the shadow root'));
  });

  it('reports an adapter that throws instead of failing silently', () => {
    const adapter = fakeAdapter({
      ticketRoot: () => {
        throw new Error('selector exploded');
      },
    });
    watchTicket(document, adapter, REF, controller.signal, onChange);
    expect(seen[0]).toMatchObject({
      found: false,
      error: 'selector exploded',
      missing: ALL_METADATA,
    });
  });

  // "Nothing happened" is shown on a fake clock run to its end: every timer the watcher
  // could have set has fired, so the assertions do not depend on how long a sleep was.
  it('stops watching when its view is aborted', async () => {
    vi.useFakeTimers();
    watchTicket(document, fakeAdapter(), REF, controller.signal, onChange);
    controller.abort();
    document.body.append(ticketSection('4242', 'Too late'));
    await vi.runAllTimersAsync();
    expect(seen).toHaveLength(1);
  });

  it('does not poll: a quiet page causes no reads', async () => {
    vi.useFakeTimers();
    const ticketRoot = vi.fn(() => null);
    watchTicket(document, fakeAdapter({ ticketRoot }), REF, controller.signal, onChange, {
      giveUpMs: 10_000,
    });
    const calls = ticketRoot.mock.calls.length;
    await vi.advanceTimersByTimeAsync(9_999);
    expect(ticketRoot.mock.calls.length).toBe(calls);
  });

  it('once the ticket is found, changes elsewhere on the page cause no reads', async () => {
    vi.useFakeTimers();
    document.body.append(ticketSection('4242', 'SSO login loops'));
    const feed = document.createElement('ul');
    document.body.append(feed);
    const readTicket = vi.fn(fakeAdapter().readTicket);
    watchTicket(document, fakeAdapter({ readTicket }), REF, controller.signal, onChange, {
      settledIntervalMs: 0,
    });
    const reads = readTicket.mock.calls.length;
    for (let i = 0; i < 20; i++) feed.append(document.createElement('li'));
    await vi.runAllTimersAsync();
    expect(readTicket.mock.calls.length).toBe(reads);
  });

  it('finds the ticket again after the page re-renders it', async () => {
    const main = document.createElement('main');
    document.body.append(main);
    main.append(ticketSection('4242', 'Before'));
    watchTicket(document, fakeAdapter(), REF, controller.signal, onChange, {
      settledIntervalMs: 0,
    });
    expect(seen.at(-1)!.ticket.subject).toBe('Before');
    // The app replaces a whole region: the old ticket element is gone.
    main.replaceChildren();
    await vi.waitFor(() => expect(seen.at(-1)!.found).toBe(false));
    main.append(ticketSection('4242', 'After'));
    await vi.waitFor(() => expect(seen.at(-1)!.ticket.subject).toBe('After'));
  });

  it('notices a prepared view that is only un-hidden', async () => {
    const section = ticketSection('4242', 'Prepared');
    section.hidden = true;
    document.body.append(section);
    const adapter = fakeAdapter({
      ticketRoot: (doc, ref) =>
        doc.querySelector(`section[data-ticket="${ref.ticketId}"]:not([hidden])`),
    });
    watchTicket(document, adapter, REF, controller.signal, onChange);
    expect(seen.at(-1)!.found).toBe(false);
    section.hidden = false;
    await vi.waitFor(() => expect(seen.at(-1)!.ticket.subject).toBe('Prepared'));
  });
});
