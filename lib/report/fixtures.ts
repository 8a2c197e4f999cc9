/**
 * A run set built for the report, with its answers worked out by hand in
 * lib/report/compute.test.ts and tests/e2e/report.spec.ts: November 2026
 * (UTC), with one run closed in October to compare with. Not app code.
 */
import type { RunStory } from './testing';

const H = 60;
const at = (day: number, hour: number, month = 10) => Date.UTC(2026, month, day, hour);

/** Report time: 2026-12-01 00:00 UTC. */
export const REPORT_NOW = Date.UTC(2026, 11, 1, 0, 0);

const SUMMARY =
  'Impact: checkout down for 40 minutes. Root cause: pool exhaustion. Remediation: raised limits.';

export const NOVEMBER_STORIES: RunStory[] = [
  // A: paid SEV3, answered in 30 min, closed after 24 h as billing; satisfaction 3.
  {
    ticketId: '1001',
    // Customer-written text that a spreadsheet would run as a formula.
    subject: '=HYPERLINK("https://evil.example","Invoice")',
    createdAt: at(3, 10),
    plan: 'paid',
    severity: 'SEV3',
    firstResponseAt: 30,
    satisfaction: 3,
    rootCause: 'billing',
    closedAt: 24 * H,
  },
  // B: paid SEV2; answered at 90 min with 30 min paused (due 90: met); escalated, acked in 30 min; Jira bug.
  {
    ticketId: '1002',
    createdAt: at(3, 12),
    plan: 'paid',
    severity: 'SEV2',
    firstResponsePauses: [[10, 40]],
    firstResponseAt: 90,
    escalatedAt: 100,
    engineeringAckAt: 130,
    bugUrl: 'https://acme.atlassian.net/browse/PAY-42',
    rootCause: 'auth',
    closedAt: 48 * H,
  },
  // C: enterprise SEV1; answered at 100 min with 30 min paused (due 90: 10 min late);
  // paged at 5, escalated at 10, acked at 45 (35 min: 5 min late); status page 20/60/85/100.
  {
    ticketId: '1003',
    createdAt: at(10, 9),
    plan: 'enterprise',
    severity: 'SEV1',
    firstResponsePauses: [[20, 50]],
    firstResponseAt: 100,
    pagedAt: 5,
    escalatedAt: 10,
    engineeringAckAt: 45,
    bugUrl: 'https://linear.app/acme/issue/ENG-7',
    statusUpdates: [
      [20, 'investigating'],
      [60, 'identified'],
      [85, 'monitoring'],
      [100, 'resolved'],
    ],
    confirmation: 'not-fixed',
    satisfaction: 2,
    incidentSummary: SUMMARY,
    followUpDoneAt: 48 * H - 1,
    rootCause: 'performance',
    closedAt: 48 * H,
  },
  // D: trial SEV4, answered at 300 min (due 240: 60 min late), closed after 10 h as UI.
  {
    ticketId: '1004',
    createdAt: at(16, 9),
    plan: 'trial',
    severity: 'SEV4',
    firstResponseAt: 300,
    satisfaction: 5,
    rootCause: 'ui',
    closedAt: 10 * H,
  },
  // E: free SEV3, answered at 250 min (10 min late); escalated at 300, acked at 800 (500 min: 20 late). Open.
  {
    ticketId: '1005',
    createdAt: at(17, 9),
    plan: 'free',
    severity: 'SEV3',
    firstResponseAt: 250,
    escalatedAt: 300,
    engineeringAckAt: 800,
  },
  // F: enterprise SEV2, never answered: breached since Nov 20 10:00. Open.
  { ticketId: '1006', createdAt: at(20, 9), plan: 'enterprise', severity: 'SEV2' },
  // G: paid SEV1, answered at 10; paged at 3, escalated at 4, acked at 20; one update at 25, then none. Open.
  {
    ticketId: '1007',
    createdAt: at(25, 9),
    plan: 'paid',
    severity: 'SEV1',
    firstResponseAt: 10,
    pagedAt: 3,
    escalatedAt: 4,
    engineeringAckAt: 20,
    statusUpdates: [[25, 'investigating']],
  },
  // H: paid SEV1, answered at 15; paged at 2, escalated at 3, acked at 13; updates 20 and 45 (resolved). Closed after 12 h.
  {
    ticketId: '1008',
    createdAt: at(26, 9),
    plan: 'paid',
    severity: 'SEV1',
    firstResponseAt: 15,
    pagedAt: 2,
    escalatedAt: 3,
    engineeringAckAt: 13,
    statusUpdates: [
      [20, 'investigating'],
      [45, 'resolved'],
    ],
    confirmation: 'confirmed',
    satisfaction: 4,
    rootCause: 'integration',
    closedAt: 12 * H,
  },
  // I: October: paid SEV4 closed as auth (the previous period).
  {
    ticketId: '0901',
    createdAt: at(19, 9, 9),
    plan: 'paid',
    severity: 'SEV4',
    firstResponseAt: 20,
    rootCause: 'auth',
    closedAt: 24 * H,
  },
  // J: created in October, closed on Nov 2 after 5 days as integration.
  {
    ticketId: '0902',
    createdAt: at(28, 10, 9),
    plan: 'paid',
    severity: 'SEV3',
    firstResponseAt: 20,
    rootCause: 'integration',
    closedAt: 120 * H,
  },
  // K: Intercom, paid SEV4, created Nov 30 23:00, answered in 30 min. Open.
  {
    ticketId: '1011',
    helpdesk: 'intercom',
    createdAt: at(30, 23),
    plan: 'paid',
    severity: 'SEV4',
    firstResponseAt: 30,
  },
];
