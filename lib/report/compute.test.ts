import { describe, expect, it } from 'vitest';
// The known answers are calendar-time answers: runs of the default workflow as saved
// before SLA policies (business hours) were stored with it.
import { DEFAULT_TEMPLATE } from '../workflow/default-template';
import { CALENDAR_TEMPLATE, renameEveryId } from '../workflow/testing';
import { agentsOf, computeReport, type ChartModel, type Report } from './compute';
import { runFacts, type RunFacts } from './facts';
import { matchesFilter } from './filter';
import { NOVEMBER_STORIES, REPORT_NOW } from './fixtures';
import { resolvePeriod } from './period';
import { playStory } from './testing';

const MIN = 60_000;
const H = 60 * MIN;

function factsOf(): RunFacts[] {
  return NOVEMBER_STORIES.map((story) => {
    const { run, events } = playStory(story);
    return runFacts(CALENDAR_TEMPLATE, run, events, REPORT_NOW);
  });
}

function november(unit: 'week' | 'month' = 'week'): Report {
  const period = resolvePeriod({ from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC', unit });
  return computeReport(
    factsOf(),
    period,
    { rootCauses: CALENDAR_TEMPLATE.policy.rootCauseTags },
    REPORT_NOW,
  );
}

/** A chart as { row label: [cell values] }. */
function table(report: Report, id: string): Record<string, Array<number | null>> {
  const chart = report.charts.find((c) => c.id === id) as ChartModel;
  return Object.fromEntries(chart.rows.map((r) => [r.label, r.cells.map((c) => c.value)]));
}

describe('run facts', () => {
  const byTicket = (id: string) => factsOf().find((f) => f.ticketId === id)!;

  it('counts a first response made exactly at its paused-extended due time as met', () => {
    const b = byTicket('1002');
    // Due 60 min + 30 min paused = 90; answered at 90; 90 − 0 − 30 paused = 60 min elapsed.
    expect(b.firstResponse).toMatchObject({
      dueAt: b.createdAt + 90 * MIN,
      stoppedAt: b.createdAt + 90 * MIN,
    });
    expect(b.firstResponse?.elapsedMs).toBe(60 * MIN);
  });

  it('measures a breach after the pause: 10 minutes late, not 40', () => {
    const c = byTicket('1003');
    expect(c.firstResponse!.stoppedAt! - c.firstResponse!.dueAt).toBe(10 * MIN);
  });

  it('reads paging, acknowledgement and the status-page cadence of a SEV1', () => {
    const c = byTicket('1003');
    expect(c.pagedAt).toBe(c.createdAt + 5 * MIN);
    expect(c.ackAt).toBe(c.createdAt + 45 * MIN);
    expect(c.engineeringAck?.elapsedMs).toBe(35 * MIN);
    // Intervals 1→20 kept, 20→60 missed, 60→85 and 85→100 kept.
    expect(c.statusPage).toEqual({ kept: 3, missed: 1, updates: 4 });
    expect(c).toMatchObject({
      dissatisfied: true,
      followUpDone: true,
      incidentSummaryRequired: true,
      incidentSummaryWritten: true,
      bugTracker: 'linear',
      rootCause: 'performance',
      resolveMs: 48 * H,
    });
  });

  it('leaves a running cadence open, due 30 min after the last update', () => {
    const g = byTicket('1007');
    expect(g.statusPage).toEqual({
      kept: 1,
      missed: 0,
      updates: 1,
      openDueAt: g.createdAt + 55 * MIN,
    });
    expect(g.closedAt).toBeUndefined();
  });
});

describe('the November report', () => {
  const report = november();

  it('splits the month into Monday weeks and compares with October', () => {
    expect(report.period.buckets.map((b) => b.label)).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(report.period.previous).toMatchObject({ fromDay: '2026-10-01', toDay: '2026-10-31' });
  });

  it('counts closed tickets by root cause per week (auth, billing, integration, performance, UI, untagged)', () => {
    expect(table(report, 'root-cause-trend')).toEqual({
      'Week of 2026-11-01': [0, 0, 0, 0, 0, 0],
      'Week of 2026-11-02': [1, 1, 1, 0, 0, 0],
      'Week of 2026-11-09': [0, 0, 0, 1, 0, 0],
      'Week of 2026-11-16': [0, 0, 0, 0, 1, 0],
      'Week of 2026-11-23': [0, 0, 1, 0, 0, 0],
      'Week of 2026-11-30': [0, 0, 0, 0, 0, 0],
    });
    expect(table(november('month'), 'root-cause-trend')).toEqual({ '2026-11': [1, 1, 2, 1, 1, 0] });
  });

  it('compares root causes with the previous period', () => {
    expect(table(report, 'root-cause-compare')).toEqual({
      Auth: [1, 1, 0],
      Billing: [0, 1, 1],
      Integration: [0, 2, 2],
      Performance: [0, 1, 1],
      UI: [0, 1, 1],
      Untagged: [0, 0, 0],
    });
  });

  it('gives first-response attainment and breach durations by plan', () => {
    // F: due Nov 20 10:00, still unanswered on Dec 1 00:00: 254 h late.
    expect(table(report, 'first-response')).toEqual({
      Enterprise: [0, 2, 0, (10 * MIN + 254 * H) / 2, 254 * H],
      Paid: [5, 0, 1, null, null],
      Trial: [0, 1, 0, 60 * MIN, 60 * MIN],
      Free: [0, 1, 0, 10 * MIN, 10 * MIN],
      'Plan not set': [0, 0, null, null, null],
    });
  });

  it('gives engineering acknowledgement met/breached and median/p90 times', () => {
    expect(table(report, 'engineering-ack')).toEqual({
      SEV1: [2, 1, 2 / 3, 16 * MIN, 35 * MIN],
      SEV2: [1, 0, 1, 30 * MIN, 30 * MIN],
      SEV3: [0, 1, 0, 500 * MIN, 500 * MIN],
    });
  });

  it('gives time to resolve (median, p90) by severity and by root cause', () => {
    expect(table(report, 'resolve-by-severity')).toEqual({
      SEV1: [2, 30 * H, 48 * H],
      SEV2: [1, 48 * H, 48 * H],
      SEV3: [2, 72 * H, 120 * H],
      SEV4: [1, 10 * H, 10 * H],
      'Severity not set': [0, null, null],
    });
    expect(table(report, 'resolve-by-root-cause')).toEqual({
      Auth: [1, 48 * H, 48 * H],
      Billing: [1, 24 * H, 24 * H],
      Integration: [2, 66 * H, 120 * H],
      Performance: [1, 48 * H, 48 * H],
      UI: [1, 10 * H, 10 * H],
      Untagged: [0, null, null],
    });
  });

  it('counts SEV1/SEV2 incidents, cadence kept or missed, paging → ack', () => {
    expect(table(report, 'incidents')).toEqual({
      SEV1: [3, 1, 2, 17 * MIN, 40 * MIN],
      SEV2: [2, 0, 0, 30 * MIN, 30 * MIN],
    });
  });

  it('counts escalations and bugs filed per week', () => {
    expect(table(report, 'escalations')).toEqual({
      'Week of 2026-11-01': [0, 0, 0, 0],
      'Week of 2026-11-02': [1, 1, 1, 0],
      'Week of 2026-11-09': [1, 1, 0, 1],
      'Week of 2026-11-16': [1, 0, 0, 0],
      'Week of 2026-11-23': [2, 0, 0, 0],
      'Week of 2026-11-30': [0, 0, 0, 0],
    });
  });

  it('counts dissatisfied customers, follow-ups and enterprise summaries', () => {
    expect(table(report, 'customers')).toEqual({
      'Dissatisfied customers': [2],
      'Follow-ups done': [1],
      'Enterprise summaries owed': [1],
      'Enterprise summaries written': [1],
    });
  });

  it('splits by helpdesk', () => {
    expect(table(report, 'helpdesks')).toEqual({
      Zendesk: [8, 6, 0.5, 36 * H],
      Intercom: [1, 0, 1, null],
      'Help Scout': [0, 0, null, null],
    });
  });

  it('computes every figure over exactly the runs its filter lists', () => {
    const facts = factsOf();
    for (const chart of report.charts) {
      chart.columns.forEach((column, i) => {
        if (column.format !== 'count') return;
        for (const row of chart.rows) {
          const cell = row.cells[i]!;
          if (!cell.filter) continue;
          const behind = facts.filter((f) => matchesFilter(f, cell.filter!, REPORT_NOW));
          expect(behind.length, `${chart.id} / ${row.label} / ${column.label}`).toBe(cell.value);
        }
      });
    }
  });

  it('adds a by-agent split in team mode only', () => {
    expect(report.charts.some((c) => c.id === 'agents')).toBe(false);
    const team = computeReport(
      factsOf(),
      report.period,
      { rootCauses: CALENDAR_TEMPLATE.policy.rootCauseTags, agents: agentsOf(factsOf()) },
      REPORT_NOW,
    );
    expect(table(team, 'agents')).toEqual({ 'Ada Agent': [9, 6, 5 / 9, 36 * H] });
  });

  it('gives the same figures on a template with every id renamed and its sections reordered', () => {
    // The stories and the report both find fields by role, steps by action and clocks by target.
    const played = renameEveryId(DEFAULT_TEMPLATE).template;
    const measured = renameEveryId(CALENDAR_TEMPLATE).template;
    expect(measured.sections.flatMap((s) => s.steps).map((s) => s.id)).not.toContain('acknowledge');
    const renamed = computeReport(
      NOVEMBER_STORIES.map((story) => {
        const { run, events } = playStory(story, played);
        return runFacts(measured, run, events, REPORT_NOW);
      }),
      report.period,
      { rootCauses: measured.policy.rootCauseTags },
      REPORT_NOW,
    );
    expect(renamed.charts).toEqual(report.charts);
  });
});
