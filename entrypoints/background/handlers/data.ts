import { runsToCsv } from '../../../lib/settings/csv';
import { allRunsWithViews, exportAllRuns, wipeRunData } from '../db/repo/data';
import type { DomainHandlers } from './context';

function stamp(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

export const dataHandlers = {
  'data.exportRuns': async ({ format }, ctx) => {
    const now = ctx.now();
    if (format === 'json') {
      const { runs, events } = await exportAllRuns(ctx.db);
      return {
        text: JSON.stringify({ format: 'casebook-runs', exportedAt: now, runs, events }, null, 2),
        filename: `casebook-runs-${stamp(now)}.json`,
        mimeType: 'application/json',
      };
    }
    const rows = await allRunsWithViews(ctx.db, now);
    return {
      // A byte-order mark so spreadsheet apps read non-ASCII as UTF-8.
      text: `\uFEFF${runsToCsv(rows)}`,
      filename: `casebook-runs-${stamp(now)}.csv`,
      mimeType: 'text/csv;charset=utf-8',
    };
  },

  'data.wipe': async (_request, ctx) => {
    const { runIds, ...counts } = await wipeRunData(ctx.db);
    ctx.effects.runsRemoved(runIds);
    return counts;
  },

  'data.quarantine': async (_request, ctx) => ({
    items: (await ctx.db.quarantine.toArray()).map(({ table, key, reason, at }) => ({
      table,
      key,
      reason,
      at,
    })),
  }),
} satisfies DomainHandlers<'data.exportRuns' | 'data.wipe' | 'data.quarantine'>;
