/**
 * The report page's requests. Connected to a team server, the report is
 * the server's (computed in PostgreSQL: a lead's covers the team, an
 * agent's their own runs); otherwise it is computed here, in the
 * background, from the report rows of the period (lib/report/compute.ts, a
 * pure function a team server can run over its own rows).
 */
import { withBom } from '../../../lib/csv';
import { computeReport, type Report } from '../../../lib/report/compute';
import type { RunFacts } from '../../../lib/report/facts';
import type { RunFilter } from '../../../lib/report/filter';
import type { TeamReportRequest } from '../../../lib/team/client';
import { factsToCsv } from '../../../lib/report/csv';
import { resolvePeriod } from '../../../lib/report/period';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import { getActiveTemplate } from '../db/repo/templates';
import { factsForFilter, historyAll, historyPage, rowsOfPeriod } from '../db/report-queries';
import type { DomainHandlers } from './context';
import { errorMessage } from '../../../lib/errors';

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

/** The team server's part: its report and the runs behind its figures (team/sync.ts). */
export interface TeamReportSource {
  report(
    request: TeamReportRequest,
  ): Promise<{ report: Report; scope: 'team' | 'mine'; now: number } | undefined>;
  reportRuns(
    filter: RunFilter,
    limit?: number,
  ): Promise<{ rows: RunFacts[]; total: number; now: number }>;
}

export const createReportHandlers = (team: TeamReportSource) =>
  ({
    'report.compute': async (request, ctx) => {
      const now = ctx.now();
      const resolved = period(request);
      // The period's blocks are read while the template and the team are asked
      // (different stores): the report page waits on this reply for its first screen.
      const rowsRead = rowsOfPeriod(ctx.db, resolved);
      rowsRead.catch(() => undefined); // unused when the team server answers
      const template = await getActiveTemplate(ctx.db, now);
      const rootCauses = template.policy.rootCauseTags;
      let notice: string | undefined;
      try {
        const { type: _type, ...asked } = request;
        const remote = await team.report({ ...asked, rootCauses });
        if (remote) return { ...remote, now: Math.round(remote.now) };
      } catch (error) {
        notice = `The team server did not answer (${errorMessage(error)}); this is this browser's runs only.`;
      }
      const rows = await rowsRead;
      const report = computeReport(rows, resolved, { rootCauses }, now);
      return { report, now, scope: 'browser' as const, ...(notice ? { notice } : {}) };
    },

    'report.runs': async ({ filter, limit, team: fromTeam }, ctx) => {
      if (fromTeam) {
        const remote = await team.reportRuns(filter, limit ?? 500);
        return { ...remote, now: Math.round(remote.now) };
      }
      const now = ctx.now();
      const { rows, total } = await factsForFilter(ctx.db, filter, now, limit ?? 500);
      return { rows, total, now };
    },

    'runs.history': async ({ query, offset, limit }, ctx) => {
      const page = await historyPage(ctx.db, query, offset ?? 0, limit ?? 100);
      return { ...page, now: ctx.now() };
    },

    'report.csv': async ({ filter, history, team: fromTeam }, ctx) => {
      const now = ctx.now();
      if (!filter && !history) {
        throw new ProtocolFailure(
          'bad-request',
          "Say which runs: a figure's filter or a history search.",
        );
      }
      const rows = filter
        ? fromTeam
          ? (await team.reportRuns(filter, 1000)).rows
          : (await factsForFilter(ctx.db, filter, now)).rows
        : await historyAll(ctx.db, history ?? {});
      return {
        text: withBom(factsToCsv(rows, now)),
        filename: filter
          ? `casebook-report-runs-${stamp(filter.from)}-to-${stamp(filter.to - 1)}.csv`
          : `casebook-run-history-${stamp(now)}.csv`,
        mimeType: 'text/csv;charset=utf-8',
      };
    },
  }) satisfies DomainHandlers<'report.compute' | 'report.runs' | 'runs.history' | 'report.csv'>;
