/**
 * The report on the default template, whose first-response clock counts
 * business hours (Mon–Fri 09:00–17:00 UTC) and stops at the agent's public
 * reply: attainment and breach durations across a weekend and a pause,
 * worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../workflow/default-template';
import { computeReport, type Report } from './compute';
import { runFacts } from './facts';
import { resolvePeriod } from './period';
import { playStory, type RunStory } from './testing';

const MIN = 60_000;
/** Friday 2026-11-27, 16:30 UTC: 30 business minutes before the weekend. */
const FRIDAY_1630 = Date.UTC(2026, 10, 27, 16, 30);
const NOW = Date.UTC(2026, 11, 8);
/** Minutes from Friday 16:30 to Monday 2026-11-30 at hh:mm. */
const monday = (h: number, m: number) => (Date.UTC(2026, 10, 30, h, m) - FRIDAY_1630) / MIN;

const stories: RunStory[] = [
  // Paid, 60 business minutes: 30 on Friday, 30 on Monday → due Monday 09:30; answered 09:20.
  {
    ticketId: '1',
    createdAt: FRIDAY_1630,
    plan: 'paid',
    severity: 'SEV3',
    agentReplyAt: monday(9, 20),
  },
  // Same, answered Monday 10:00: 30 minutes late (the weekend does not count against it).
  {
    ticketId: '2',
    createdAt: FRIDAY_1630,
    plan: 'paid',
    severity: 'SEV3',
    agentReplyAt: monday(10, 0),
  },
  // Same, paused 16:40–16:50 on Friday: due 10 business minutes later (09:40); answered 10:00 → 20 late.
  {
    ticketId: '3',
    createdAt: FRIDAY_1630,
    plan: 'paid',
    severity: 'SEV3',
    firstResponsePauses: [[10, 20]],
    agentReplyAt: monday(10, 0),
  },
];

function report(): Report {
  const facts = stories.map((s) => {
    const { run, events } = playStory(s);
    return runFacts(DEFAULT_TEMPLATE, run, events, NOW);
  });
  const period = resolvePeriod({
    from: '2026-11-01',
    to: '2026-11-30',
    unit: 'week',
    timeZone: 'UTC',
  });
  return computeReport(facts, period, { rootCauses: DEFAULT_TEMPLATE.policy.rootCauseTags }, NOW);
}

describe('report on business-hour SLA clocks', () => {
  it('measures first-response attainment and breaches across a weekend and a pause', () => {
    const chart = report().charts.find((c) => c.id === 'first-response')!;
    const paid = chart.rows.find((r) => r.key === 'paid')!;
    expect(paid.cells.map((c) => c.value)).toEqual([1, 2, 1 / 3, 25 * MIN, 30 * MIN]);
  });

  it('keeps the business-hour due time on the facts row', () => {
    const { run, events } = playStory(stories[2]!);
    const facts = runFacts(DEFAULT_TEMPLATE, run, events, NOW);
    expect(facts.firstResponse).toMatchObject({
      dueAt: Date.UTC(2026, 10, 30, 9, 40),
      stoppedAt: Date.UTC(2026, 10, 30, 10, 0),
    });
  });
});
