/**
 * The report switches to team data when a team server is connected: the
 * background asks the server (here a real one, on PGlite) and says whose
 * runs the report covers; without a server, or when it does not answer, the
 * report is this browser's and says so.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOVEMBER_STORIES, REPORT_NOW } from '../../../lib/report/fixtures';
import { playStory } from '../../../lib/report/testing';
import { createTeamClient } from '../../../lib/team/client';
import { CALENDAR_TEMPLATE } from '../../../lib/workflow/testing';
import { agent, freshDatabase, randomTeam, startServer } from '../../../server/testing';
import type { Database } from '../../../server/db';
import { CasebookDB } from '../db/db';
import type { HandlerContext } from './context';
import { createReportHandlers, type TeamReportSource } from './report';

const NOVEMBER = {
  type: 'report.compute',
  from: '2026-11-01',
  to: '2026-11-30',
  unit: 'week',
  timeZone: 'UTC',
} as const;

function context(): HandlerContext {
  return {
    db: new CasebookDB(`report-handlers-${Math.random()}`),
    now: () => REPORT_NOW,
    sender: {},
    effects: { runChanged() {}, runsRemoved() {}, settingsChanged() {} },
    extras: async () => undefined,
  };
}

const offline: TeamReportSource = {
  report: async () => undefined,
  reportRuns: async () => {
    throw new Error('Not connected to a team server.');
  },
};

describe('the report request, with and without a team server', { timeout: 120_000 }, () => {
  let pg: Database;
  let server: { url: string; close: () => Promise<void> };
  let leadToken: string;
  beforeAll(async () => {
    pg = await freshDatabase('pglite');
    const team = randomTeam();
    leadToken = (await agent(pg, 'Lee Lead', team, 'lead')).token;
    const ada = await agent(pg, 'Ada Agent', team);
    server = await startServer(pg, { now: () => REPORT_NOW });
    const client = createTeamClient({ url: server.url, token: ada.token });
    for (const story of NOVEMBER_STORIES) {
      const { events } = playStory(story);
      await client.push({
        events: events.map(({ seq: _seq, ...e }) => ({ ...e, id: randomUUID() })),
        templates: [CALENDAR_TEMPLATE],
      });
    }
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await pg.close();
  });

  it("covers this browser's runs without a server", async () => {
    const reply = await createReportHandlers(offline)['report.compute'](NOVEMBER, context());
    expect(reply.scope).toBe('browser');
    expect(reply.report.runsRead).toBe(0);
    expect(reply.report.charts.some((c) => c.id === 'agents')).toBe(false);
  });

  it("switches to the team's report, with By agent, when connected as a lead", async () => {
    const client = createTeamClient({ url: server.url, token: leadToken });
    const handlers = createReportHandlers({
      report: (request) => client.report(request),
      reportRuns: (filter, limit) => client.reportRuns(filter, limit),
    });
    const ctx = context();
    const reply = await handlers['report.compute'](NOVEMBER, ctx);
    expect(reply.scope).toBe('team');
    expect(reply.report.runsRead).toBeGreaterThan(0);
    const byAgent = reply.report.charts.find((c) => c.id === 'agents')!;
    expect(byAgent.rows.map((r) => r.label)).toEqual(['Ada Agent']);
    // The runs behind a team figure come from the server too.
    const cell = byAgent.rows[0]!.cells[0]!;
    const runs = await handlers['report.runs'](
      { type: 'report.runs', filter: cell.filter!, team: true },
      ctx,
    );
    expect(runs.total).toBe(cell.value);
  });

  it("says so when the server does not answer, and shows this browser's runs", async () => {
    const handlers = createReportHandlers({
      ...offline,
      report: async () => {
        throw new Error('connection refused');
      },
    });
    const reply = await handlers['report.compute'](NOVEMBER, context());
    expect(reply).toMatchObject({
      scope: 'browser',
      notice: expect.stringMatching(/did not answer \(connection refused\)/),
    });
  });
});
