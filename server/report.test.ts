/**
 * The team report computed in SQL agrees with the browser's computation on
 * the same runs: the November run set (lib/report/fixtures.ts) played by two
 * agents, pushed to the server, reported for the lead (whole team, by
 * agent) and for one agent (their own runs), compared figure by figure with
 * `computeReport` over the facts this browser would hold.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentsOf, computeReport } from '../lib/report/compute';
import { runFacts, type RunFacts } from '../lib/report/facts';
import { matchesFilter } from '../lib/report/filter';
import { NOVEMBER_STORIES, REPORT_NOW } from '../lib/report/fixtures';
import { resolvePeriod } from '../lib/report/period';
import { playStory } from '../lib/report/testing';
import { createTeamClient } from '../lib/team/client';
import type { Actor } from '../lib/workflow/schema';
// Calendar time, as the report's known answers (lib/report/compute.test.ts).
import { CALENDAR_TEMPLATE } from '../lib/workflow/testing';
import type { Database, DatabaseKind } from './db';
import { agent, backends, freshDatabase, randomTeam, startServer } from './testing';

const databases = new Map<DatabaseKind, Database>();
beforeAll(async () => {
  for (const kind of backends()) databases.set(kind, await freshDatabase(kind));
}, 120_000);
afterAll(async () => {
  for (const db of databases.values()) await db.close();
});

const ROOT_CAUSES = CALENDAR_TEMPLATE.policy.rootCauseTags;
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30', unit: 'week', timeZone: 'UTC' } as const;

describe.each(backends())('team report on %s', { timeout: 120_000 }, (kind) => {
  let server: { url: string; close: () => Promise<void> };
  let tokens: { lead: string; ada: string; ben: string };
  const factsBy = new Map<string, RunFacts[]>();

  beforeAll(async () => {
    const db = databases.get(kind)!;
    const team = randomTeam();
    const lead = await agent(db, 'Lee Lead', team, 'lead');
    const ada = await agent(db, 'Ada Agent', team);
    const ben = await agent(db, 'Ben Agent', team);
    tokens = { lead: lead.token, ada: ada.token, ben: ben.token };
    server = await startServer(db, { now: () => REPORT_NOW });
    const people: Array<[Actor, string]> = [
      [{ name: ada.agent.name, email: ada.agent.email }, ada.token],
      [{ name: ben.agent.name, email: ben.agent.email }, ben.token],
    ];
    for (const [i, story] of NOVEMBER_STORIES.entries()) {
      const [actor, token] = people[i % 2]!;
      const { run, events } = playStory({ ...story, agent: actor });
      const facts = runFacts(CALENDAR_TEMPLATE, run, events, REPORT_NOW);
      factsBy.set(actor.name, [...(factsBy.get(actor.name) ?? []), facts]);
      const client = createTeamClient({ url: server.url, token });
      await client.push({
        events: events.map(({ seq: _seq, ...e }) => ({ ...e, id: randomUUID() })),
        templates: [CALENDAR_TEMPLATE],
      });
    }
  });
  afterAll(() => server.close());

  const all = () => [...factsBy.values()].flat();
  const local = (facts: RunFacts[], agents?: string[]) => {
    const period = resolvePeriod(NOVEMBER);
    const read = facts.filter(
      (f) =>
        (f.createdAt >= period.from && f.createdAt < period.to) ||
        (f.closedAt !== undefined && f.closedAt >= period.previous.from && f.closedAt < period.to),
    );
    return computeReport(
      read,
      period,
      { rootCauses: ROOT_CAUSES, ...(agents ? { agents } : {}) },
      REPORT_NOW,
    );
  };

  it("gives a lead the whole team's report, equal to the local computation, with By agent", async () => {
    const client = createTeamClient({ url: server.url, token: tokens.lead });
    const reply = await client.report({ ...NOVEMBER, rootCauses: ROOT_CAUSES });
    expect(reply.scope).toBe('team');
    const expected = local(all(), agentsOf(all()));
    expect(reply.report).toEqual(expected);
    const byAgent = reply.report.charts.find((c) => c.id === 'agents')!;
    expect(byAgent.rows.map((r) => r.label)).toEqual(['Ada Agent', 'Ben Agent']);
    // Known answers, not only agreement: the attainment and breach figures are measured.
    const firstResponse = reply.report.charts.find((c) => c.id === 'first-response')!;
    expect(firstResponse.rows.some((r) => (r.cells[1]!.value ?? 0) > 0)).toBe(true);
    expect(firstResponse.rows.some((r) => (r.cells[3]!.value ?? 0) > 0)).toBe(true);
  });

  it('gives an agent the report of their own runs, without By agent', async () => {
    const client = createTeamClient({ url: server.url, token: tokens.ben });
    const reply = await client.report({ ...NOVEMBER, rootCauses: ROOT_CAUSES });
    expect(reply.scope).toBe('mine');
    expect(reply.report).toEqual(local(factsBy.get('Ben Agent')!));
    expect(reply.report.charts.some((c) => c.id === 'agents')).toBe(false);
  });

  it('lists the runs behind a figure, as the local filter does', async () => {
    const client = createTeamClient({ url: server.url, token: tokens.lead });
    const { report } = await client.report({ ...NOVEMBER, rootCauses: ROOT_CAUSES });
    let checked = 0;
    for (const chart of report.charts) {
      for (const row of chart.rows) {
        const cell = row.cells.find((c) => c.filter && (c.value ?? 0) > 0);
        if (!cell?.filter) continue;
        const { rows, total } = await client.reportRuns(cell.filter);
        const expected = all()
          .filter((f) => matchesFilter(f, cell.filter!, REPORT_NOW))
          .map((f) => f.runId)
          .sort();
        expect(rows.map((r) => r.runId).sort(), `${chart.id} / ${row.label}`).toEqual(expected);
        expect(total).toBe(expected.length);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('refuses a request without a valid token', async () => {
    const client = createTeamClient({ url: server.url, token: 'not-a-token' });
    await expect(client.report({ ...NOVEMBER, rootCauses: ROOT_CAUSES })).rejects.toThrow(
      /unknown or revoked/,
    );
  });
});
