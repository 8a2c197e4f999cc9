// The same ticket in another UI language gives the same facts: only the
// helpdesk's own words (status and priority labels) may differ.
import { describe, expect, it } from 'vitest';
import { detectTicket } from '../registry';
import type { TicketInfo } from '../../workflow/schema';
import { loadFixtureFacts } from './fidelity';
import { FIXTURE_PAGES, type FixtureKey } from './fixture-pages';
import { loadPage } from './load-page';
import { readPageTicket } from './read-page';

async function factsOf(
  key: FixtureKey,
): Promise<Omit<TicketInfo, 'statusLabel' | 'priorityLabel'>> {
  const page = await loadPage(key);
  try {
    const detected = detectTicket(page.window.location.href)!;
    const ticket = await readPageTicket(page, detected.adapter, detected.ref);
    if (!ticket) throw new Error(`${key}: no ticket root`);
    const { statusLabel: _s, priorityLabel: _p, ...facts } = ticket;
    return facts;
  } finally {
    await page.close();
  }
}

const pairs = [...loadFixtureFacts()]
  .filter(([, facts]) => facts.sameFactsAs)
  .map(([key, facts]) => [key, facts.sameFactsAs!] as const);

for (const helpdesk of ['zendesk', 'intercom', 'helpscout'] as const) {
  describe(`${helpdesk}: localized pages`, () => {
    const mine = pairs.filter(([key]) => FIXTURE_PAGES[key].helpdesk === helpdesk);
    it('include German and Japanese pages', () => {
      expect(mine.map(([key]) => key.replace(/^.*-/, '')).sort()).toEqual(['de', 'ja']);
    });
    it.each(mine)('%s gives the same facts as %s', async (key, english) => {
      const [localized, original] = await Promise.all([factsOf(key), factsOf(english)]);
      expect(original.subject).toBeTruthy();
      expect(original.requesterEmail).toBeTruthy();
      expect(original.status).toBeTruthy();
      expect(localized).toEqual(original);
    });
  });
}
