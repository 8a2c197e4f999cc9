/**
 * The report page's requests. The report is computed here, in the
 * background, from the facts rows of the period (lib/report/compute.ts, a
 * pure function a team server can run over its own rows).
 */
import { withBom } from '../../../lib/csv';
import { computeReport } from '../../../lib/report/compute';
import { factsToCsv } from '../../../lib/report/csv';
import { resolvePeriod } from '../../../lib/report/period';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import { getActiveTemplate } from '../db/repo';
import { factsForFilter, factsForPeriod, historyAll, historyPage } from '../db/report-queries';
import type { DomainHandlers } from './context';

function period(request: { from: string; to: string; unit: 'week' | 'month'; timeZone: string }) {
  try {
    return resolvePeriod(request);
  } catch (error) {
    throw new ProtocolFailure(
      'invalid-value',
      error instanceof Error ? error.message : 'That period cannot be read.',
    );
  }
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const reportHandlers = {
  'report.compute': async (request, ctx) => {
    const now = ctx.now();
    const resolved = period(request);
    const [facts, template] = await Promise.all([
      factsForPeriod(ctx.db, resolved),
      getActiveTemplate(ctx.db, now),
    ]);
    const report = computeReport(
      facts,
      resolved,
      { rootCauses: template.policy.rootCauseTags },
      now,
    );
    return { report, now };
  },

  'report.runs': async ({ filter, limit }, ctx) => {
    const now = ctx.now();
    const { rows, total } = await factsForFilter(ctx.db, filter, now, limit ?? 500);
    return { rows, total, now };
  },

  'runs.history': async ({ query, offset, limit }, ctx) => {
    const page = await historyPage(ctx.db, query, offset ?? 0, limit ?? 100);
    return { ...page, now: ctx.now() };
  },

  'report.csv': async ({ filter, history }, ctx) => {
    const now = ctx.now();
    if (!filter && !history) {
      throw new ProtocolFailure(
        'bad-request',
        "Say which runs: a figure's filter or a history search.",
      );
    }
    const rows = filter
      ? (await factsForFilter(ctx.db, filter, now)).rows
      : await historyAll(ctx.db, history ?? {});
    return {
      text: withBom(factsToCsv(rows, now)),
      filename: filter
        ? `casebook-report-runs-${stamp(filter.from)}-to-${stamp(filter.to - 1)}.csv`
        : `casebook-run-history-${stamp(now)}.csv`,
      mimeType: 'text/csv;charset=utf-8',
    };
  },
} satisfies DomainHandlers<'report.compute' | 'report.runs' | 'runs.history' | 'report.csv'>;
