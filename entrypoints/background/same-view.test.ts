import { describe, expect, it } from 'vitest';
import { isSameView } from './same-view';

const TICKET = 'https://acme.zendesk.com/agent/tickets/1';

describe('isSameView', () => {
  it('is the same document when both senders name one (Chrome)', () => {
    expect(isSameView({ documentId: 'a', url: TICKET }, { documentId: 'a', url: TICKET })).toBe(
      true,
    );
    // Two tabs on the same ticket are two views.
    expect(isSameView({ documentId: 'a', url: TICKET }, { documentId: 'b', url: TICKET })).toBe(
      false,
    );
  });

  it('is the same tab, frame and URL otherwise (Firefox)', () => {
    const panel = { tab: { id: 4 }, frameId: 0, url: TICKET };
    expect(isSameView(panel, { ...panel })).toBe(true);
    expect(isSameView(panel, { ...panel, tab: { id: 5 } })).toBe(false);
    expect(isSameView(panel, { ...panel, frameId: 3 })).toBe(false);
    // The page moved on to another ticket in the same tab.
    expect(isSameView(panel, { ...panel, url: `${TICKET}0` })).toBe(false);
    // A tab's view and the popup (no tab) are different views.
    expect(isSameView(panel, { url: TICKET })).toBe(false);
  });

  it('is the same extension page when neither has a tab', () => {
    const popup = 'chrome-extension://x/popup.html';
    expect(isSameView({ url: popup }, { url: popup })).toBe(true);
    expect(isSameView({ url: popup }, { url: 'chrome-extension://x/options.html' })).toBe(false);
  });

  it('says no when a sender is missing', () => {
    expect(isSameView(undefined, { url: TICKET })).toBe(false);
    expect(isSameView({ url: TICKET }, undefined)).toBe(false);
    expect(isSameView({}, {})).toBe(false);
  });
});
