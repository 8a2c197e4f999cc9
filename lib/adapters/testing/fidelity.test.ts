// The fidelity table as a test: every fixture page's shown facts recorded
// right, no guesses for facts a page does not show. The floor is the figure
// measured after issue 14's fix (before it: 103/184, new pages 20/94);
// `npx tsx scripts/adapter-fidelity.ts` prints the table.
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable, measureAll, totals, type FidelityRow } from './fidelity';

const FLOOR = { zendesk: 74, intercom: 50, helpscout: 60, total: 184 };

describe('adapter fidelity on every fixture page', () => {
  let rows: FidelityRow[] = [];
  afterAll(() => {
    if (rows.some((r) => r.right < r.shown || r.guesses > 0)) console.log(formatTable(rows));
  });

  it('records every shown fact right, and guesses none', async () => {
    rows = await measureAll();
    const sums = totals(rows);
    for (const [name, floor] of Object.entries(FLOOR)) {
      expect(sums[name]?.right, `${name} facts right`).toBeGreaterThanOrEqual(floor);
    }
    for (const row of rows) {
      expect(row.idRight, `${row.key}: helpdesk and ticket id`).toBe(true);
      expect(row.wrong, row.key).toEqual([]);
    }
  }, 120_000);
});
