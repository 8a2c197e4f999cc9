/**
 * Requests of the report page: the report over a period, the runs behind
 * one figure, the run history, and any of those views as CSV. Everything is
 * computed in the background from the run-facts store; the page never reads
 * every run.
 */
import { z } from 'zod';
import { OUTCOMES } from '../report/filter';
import { helpdeskSchema, planTierSchema, severitySchema } from '../workflow/schema';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const ms = z.number().int().nonnegative();
const label = z.string().max(200);

export const runFilterSchema = z.object({
  basis: z.enum(['created', 'closed']),
  from: ms,
  to: ms,
  rootCause: label.optional(),
  severity: label.optional(),
  plan: label.optional(),
  helpdesk: label.optional(),
  agent: label.optional(),
  outcome: z.enum(OUTCOMES).optional(),
});

export const historyQuerySchema = z.object({
  text: z.string().max(200).optional(),
  status: z.enum(['open', 'closed']).optional(),
  severity: label.optional(),
  plan: label.optional(),
  rootCause: label.optional(),
  helpdesk: label.optional(),
});

const clockFactsSchema = z.object({
  startedAt: ms,
  dueAt: ms,
  stoppedAt: ms.optional(),
  elapsedMs: z.number().optional(),
  paused: z.boolean(),
});

export const runFactsSchema = z.object({
  runId: z.string().min(3).max(200),
  helpdesk: helpdeskSchema,
  ticketId: z.string(),
  displayId: z.string().optional(),
  subject: z.string().optional(),
  requester: z.string().optional(),
  organization: z.string().optional(),
  url: z.string(),
  agent: z.string().optional(),
  createdAt: ms,
  closedAt: ms.optional(),
  updatedAt: ms,
  severity: severitySchema.optional(),
  plan: planTierSchema.optional(),
  rootCause: z.string().optional(),
  resolveMs: z.number().optional(),
  firstResponse: clockFactsSchema.optional(),
  engineeringAck: clockFactsSchema.optional(),
  pagedAt: ms.optional(),
  ackAt: ms.optional(),
  statusPage: z
    .object({
      kept: z.number().int(),
      missed: z.number().int(),
      updates: z.number().int(),
      openDueAt: ms.optional(),
    })
    .optional(),
  escalated: z.boolean(),
  bugUrl: z.string().optional(),
  bugTracker: z.enum(['jira', 'linear', 'other']).optional(),
  satisfaction: z.number().optional(),
  confirmation: z.string().optional(),
  dissatisfied: z.boolean(),
  followUpDone: z.boolean(),
  incidentSummaryRequired: z.boolean(),
  incidentSummaryWritten: z.boolean(),
});

const chartSchema = z.object({
  id: z.string(),
  title: z.string(),
  basis: z.string(),
  columns: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      format: z.enum(['count', 'duration', 'percent', 'delta']),
      chart: z.boolean(),
    }),
  ),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      cells: z.array(
        z.object({ value: z.number().nullable(), filter: runFilterSchema.optional() }),
      ),
    }),
  ),
});

const periodSchema = z.object({
  from: ms,
  to: ms,
  fromDay: day,
  toDay: day,
  buckets: z.array(z.object({ start: ms, end: ms, label: z.string() })),
  previous: z.object({ from: ms, to: ms, fromDay: day, toDay: day }),
});

export const reportSchema = z.object({
  period: periodSchema,
  runsRead: z.number().int().nonnegative(),
  charts: z.array(chartSchema),
});

const csvReply = z.object({
  text: z.string(),
  filename: z.string().min(1),
  mimeType: z.string().min(1),
});

export const reportRequestSchemas = [
  z.object({
    type: z.literal('report.compute'),
    from: day,
    to: day,
    unit: z.enum(['week', 'month']),
    /** The reader's IANA zone: days and weeks start at its midnight. */
    timeZone: z.string().min(1).max(100),
  }),
  z.object({
    type: z.literal('report.runs'),
    filter: runFilterSchema,
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  z.object({
    type: z.literal('runs.history'),
    query: historyQuerySchema,
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  /** The runs behind a figure (`filter`) or a history search (`history`), one row per run. */
  z.object({
    type: z.literal('report.csv'),
    filter: runFilterSchema.optional(),
    history: historyQuerySchema.optional(),
  }),
] as const;

export const reportReplySchemas = {
  'report.compute': z.object({ report: reportSchema, now: ms }),
  'report.runs': z.object({
    rows: z.array(runFactsSchema),
    total: z.number().int().nonnegative(),
    now: ms,
  }),
  'runs.history': z.object({ rows: z.array(runFactsSchema), more: z.boolean(), now: ms }),
  'report.csv': csvReply,
} as const;
