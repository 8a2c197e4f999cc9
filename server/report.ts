/**
 * The team's support trends report, computed in PostgreSQL: the same
 * figures as the browser's report (lib/report/compute.ts `buildReport`),
 * each cell one SQL aggregate over `run_facts` (report-sql.ts). A lead's
 * report covers the whole team and adds "By agent"; an agent's covers the
 * runs they worked on (wrote events to).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { runFilterSchema } from '../lib/messaging/report';
import { buildReport, type Report } from '../lib/report/compute';
import type { RunFacts } from '../lib/report/facts';
import type { RunFilter } from '../lib/report/filter';
import { resolvePeriod, type Period } from '../lib/report/period';
import type { CellSource, ChartCell, MeasureId, StatKind } from '../lib/report/select';
import type { AgentInfo } from '../lib/team/protocol';
import type { Database } from './db';
import { refreshFacts } from './report-facts';
import { aggregateSql, filterSql, nowParam, Params, type CellQuery } from './report-sql';
import { StoreError } from './store';

/** Aggregates per statement (PostgreSQL allows 1,664 select-list entries). */
const CELLS_PER_QUERY = 400;

export type ReportScope = 'team' | 'mine';

export const teamReportRequestSchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  unit: z.enum(['week', 'month']),
  timeZone: z.string().min(1).max(100),
  rootCauses: z
    .array(z.object({ value: z.string().min(1).max(100), label: z.string().min(1).max(200) }))
    .max(50),
});
export type TeamReportRequest = z.infer<typeof teamReportRequestSchema>;

export const teamRunsRequestSchema = z.object({
  filter: runFilterSchema,
  limit: z.number().int().min(1).max(1000).default(500),
});

/** Whose runs: every run of the team for a lead, the runs an agent wrote to otherwise. */
function scopeOf(agent: AgentInfo, p: Params): { scope: ReportScope; where: string } {
  const team = `team = ${p.add(agent.team)}`;
  return agent.role === 'lead'
    ? { scope: 'team', where: team }
    : { scope: 'mine', where: `${team} AND ${p.add(agent.id)} = ANY(authors)` };
}

/** The rows the browser's report reads too: created in the period, or closed in it or the previous one. */
function periodSql(period: Period, p: Params): string {
  return `((created_at >= ${p.add(period.from)} AND created_at < ${p.add(period.to)})
    OR (closed_at >= ${p.add(period.previous.from)} AND closed_at < ${p.add(period.to)}))`;
}

const cellKey = (q: CellQuery) => JSON.stringify([q.kind, q.measure ?? null, q.filter]);

/** Collects the questions a report asks (values unknown yet). */
class Recorder implements CellSource {
  readonly queries = new Map<string, CellQuery>();
  count(filter: RunFilter): ChartCell {
    const q: CellQuery = { filter, kind: 'count' };
    this.queries.set(cellKey(q), q);
    return { value: 0, filter };
  }
  stat(filter: RunFilter, measure: MeasureId, kind: StatKind): ChartCell {
    const q: CellQuery = { filter, kind, measure };
    this.queries.set(cellKey(q), q);
    return { value: null, filter };
  }
}

/** Answers the questions from the values SQL gave. */
class Answers implements CellSource {
  constructor(private readonly values: Map<string, number | null>) {}
  count(filter: RunFilter): ChartCell {
    return { value: this.values.get(cellKey({ filter, kind: 'count' })) ?? 0, filter };
  }
  stat(filter: RunFilter, measure: MeasureId, kind: StatKind): ChartCell {
    return { value: this.values.get(cellKey({ filter, kind, measure })) ?? null, filter };
  }
}

export async function teamReport(
  db: Database,
  agent: AgentInfo,
  request: TeamReportRequest,
  now: number,
): Promise<{ report: Report; scope: ReportScope; now: number }> {
  let period: Period;
  try {
    period = resolvePeriod(request);
  } catch (error) {
    throw new StoreError(400, error instanceof Error ? error.message : 'Unreadable period.');
  }
  await refreshFacts(db, agent.team, now);
  const base = new Params();
  const { scope, where } = scopeOf(agent, base);
  const rowsWhere = `${where} AND ${periodSql(period, base)}`;
  const [counted] = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM run_facts WHERE ${rowsWhere}`,
    base.values,
  );
  const agents =
    scope === 'team'
      ? (
          await db.query<{ agent: string }>(
            `SELECT DISTINCT agent FROM run_facts WHERE ${rowsWhere} AND agent IS NOT NULL ORDER BY agent`,
            base.values,
          )
        ).map((r) => r.agent)
      : undefined;
  // Sorted as the browser sorts (JavaScript order, not the database collation).
  agents?.sort();
  const labels = { rootCauses: request.rootCauses, ...(agents ? { agents } : {}) };

  const recorder = new Recorder();
  buildReport(recorder, period, labels, 0);
  const queries = [...recorder.queries.entries()];
  const values = new Map<string, number | null>();
  for (let i = 0; i < queries.length; i += CELLS_PER_QUERY) {
    const chunk = queries.slice(i, i + CELLS_PER_QUERY);
    const p = new Params();
    const scoped = scopeOf(agent, p).where;
    const periodWhere = periodSql(period, p);
    const at = nowParam(p, now);
    const select = chunk.map(([, q], k) => `${aggregateSql(q, p, at)} AS c${k}`).join(',\n  ');
    const [row] = await db.query<Record<string, number | string | null>>(
      `SELECT ${select} FROM run_facts WHERE ${scoped} AND ${periodWhere}`,
      p.values,
    );
    chunk.forEach(([key], k) => {
      const v = row?.[`c${k}`];
      values.set(key, v === null || v === undefined ? null : Number(v));
    });
  }
  const report = buildReport(new Answers(values), period, labels, Number(counted?.n ?? 0));
  return { report, scope, now };
}

/** The runs behind one figure of the team report, most recent first. */
export async function teamReportRuns(
  db: Database,
  agent: AgentInfo,
  filter: RunFilter,
  limit: number,
  now: number,
): Promise<{ rows: RunFacts[]; total: number; now: number }> {
  await refreshFacts(db, agent.team, now);
  const p = new Params();
  const { where } = scopeOf(agent, p);
  const cond = `${where} AND ${filterSql(filter, p, nowParam(p, now))}`;
  const time = filter.basis === 'created' ? 'created_at' : 'closed_at';
  const [counted] = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM run_facts WHERE ${cond}`,
    p.values,
  );
  const rows = await db.query<{ facts: RunFacts }>(
    `SELECT facts FROM run_facts WHERE ${cond} ORDER BY ${time} DESC, run_id LIMIT ${p.add(limit)}`,
    p.values,
  );
  return { rows: rows.map((r) => r.facts), total: Number(counted?.n ?? 0), now };
}

export function registerReportRoutes(
  app: FastifyInstance,
  db: Database,
  agentOf: (request: import('fastify').FastifyRequest) => AgentInfo,
  now: () => number,
): void {
  app.post('/v1/report', async (request) => {
    const body = teamReportRequestSchema.safeParse(request.body);
    if (!body.success) throw new StoreError(400, z.prettifyError(body.error));
    return teamReport(db, agentOf(request), body.data, now());
  });
  app.post('/v1/report/runs', async (request) => {
    const body = teamRunsRequestSchema.safeParse(request.body);
    if (!body.success) throw new StoreError(400, z.prettifyError(body.error));
    return teamReportRuns(db, agentOf(request), body.data.filter, body.data.limit, now());
  });
}
