/**
 * Requests about runs: open a ticket's run, read it, change it (one
 * mutation at a time, so edits are field-level), migrate it, export it, list
 * the open ones, and bring its ticket's tab forward.
 */
import { z } from 'zod';
import type { Mutation } from '../workflow/engine';
import { runExtrasSchema } from './run-extras';
import {
  actorSchema,
  epochMsSchema,
  fieldValueSchema,
  helpdeskSchema,
  idSchema,
  planTierSchema,
  runEventSchema,
  runSchema,
  severitySchema,
  templateSchema,
  ticketInfoSchema,
} from '../workflow/schema';
import type { RunView } from '../workflow/view';

const runIdSchema = z.string().min(3).max(200);

/** The engine's `Mutation`, as it crosses the message boundary. */
export const mutationSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('set-field'),
    stepId: idSchema,
    fieldId: idSchema,
    value: fieldValueSchema,
  }),
  z.object({
    type: z.literal('set-step-status'),
    stepId: idSchema,
    status: z.enum(['pending', 'done', 'skipped']),
    skipReason: z.string().min(1).max(2000).optional(),
  }),
  z.object({
    type: z.literal('pause-clock'),
    clockId: idSchema,
    reason: z.string().max(500).optional(),
  }),
  z.object({ type: z.literal('resume-clock'), clockId: idSchema }),
  z.object({ type: z.literal('update-ticket'), ticket: ticketInfoSchema }),
  z.object({
    type: z.literal('record-action'),
    stepId: idSchema.optional(),
    action: z.string().min(1).max(64),
    note: z.string().max(5000).optional(),
    data: z.unknown().optional(),
    done: z.boolean().optional(),
  }),
]);
// Whatever passes the boundary must be something the engine accepts.
type _MutationFitsEngine = z.infer<typeof mutationSchema> extends Mutation ? true : never;
const _mutationFitsEngine: _MutationFitsEngine = true;
void _mutationFitsEngine;

function isRunView(value: unknown): value is RunView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.runId === 'string' &&
    Array.isArray(v.sections) &&
    Array.isArray(v.clocks) &&
    typeof v.progress === 'object' &&
    v.progress !== null &&
    typeof v.breached === 'boolean' &&
    typeof v.closed === 'boolean'
  );
}

/**
 * Derived state travels as the engine computed it; a structural check is
 * enough because the receiver never stores it (it is rebuilt from the run).
 */
export const runViewSchema = z.custom<RunView>(isRunView, { message: 'expected a RunView' });

export const openRunSummarySchema = z.object({
  runId: runIdSchema,
  helpdesk: helpdeskSchema,
  ticketId: z.string(),
  displayId: z.string().optional(),
  subject: z.string().optional(),
  requesterName: z.string().optional(),
  url: z.string(),
  severity: severitySchema.optional(),
  plan: planTierSchema.optional(),
  progress: z.object({
    done: z.number().int().nonnegative(),
    applicable: z.number().int().nonnegative(),
    percent: z.number(),
  }),
  currentStepId: z.string().optional(),
  currentStepTitle: z.string().optional(),
  /** The earliest due time of a running clock, and that clock's label. */
  nextDueAt: z.number().optional(),
  nextClockLabel: z.string().optional(),
  breached: z.boolean(),
  /** Due within the next 15 minutes and not yet breached. */
  dueSoon: z.boolean(),
  updatedAt: epochMsSchema,
});
export type OpenRunSummary = z.infer<typeof openRunSummarySchema>;

export const EXPORT_FORMATS = ['handoff-md', 'bug-md', 'audit-json'] as const;

export const runRequestSchemas = [
  z.object({ type: z.literal('run.open'), ticket: ticketInfoSchema, actor: actorSchema }),
  z.object({ type: z.literal('run.get'), runId: runIdSchema }),
  z.object({ type: z.literal('run.events'), runId: runIdSchema, stepId: idSchema.optional() }),
  z.object({
    type: z.literal('run.mutate'),
    runId: runIdSchema,
    mutation: mutationSchema,
    actor: actorSchema,
  }),
  z.object({
    type: z.literal('run.migrate'),
    runId: runIdSchema,
    toVersion: z.number().int().positive(),
    actor: actorSchema,
  }),
  z.object({ type: z.literal('run.export'), runId: runIdSchema, format: z.enum(EXPORT_FORMATS) }),
  z.object({
    type: z.literal('runs.listOpen'),
    /** Matches ticket id, subject, requester and organization, case-insensitively. */
    query: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    /**
     * `false` leaves the counts out: counting walks every open run, and the
     * popup's first screen asks for them separately (`runs.countOpen`) so its
     * rows do not wait for the walk.
     */
    counts: z.boolean().optional(),
  }),
  z.object({ type: z.literal('runs.countOpen') }),
  z.object({ type: z.literal('tabs.focusRun'), runId: runIdSchema }),
] as const;

/** Every open run, and those breached or due within 15 minutes (the toolbar badge adds these two). */
export const openRunCountsSchema = z.object({
  open: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
  dueSoon: z.number().int().nonnegative(),
});
export type OpenRunCounts = z.output<typeof openRunCountsSchema>;

/** How many open runs the popup lists, most urgent first (and each open-runs push carries). */
export const OPEN_RUNS_PAGE = 200;

/** A change's reply: what its requester shows (the other views get the same by push). */
const runChange = z.object({
  run: runSchema,
  view: runViewSchema,
  extras: runExtrasSchema.optional(),
});

export const runReplySchemas = {
  'run.open': z.object({
    run: runSchema,
    template: templateSchema,
    view: runViewSchema,
    extras: runExtrasSchema.optional(),
  }),
  'run.get': z.object({
    run: runSchema,
    template: templateSchema,
    view: runViewSchema,
    extras: runExtrasSchema.optional(),
  }),
  'run.events': z.object({ events: z.array(runEventSchema) }),
  'run.mutate': runChange,
  'run.migrate': runChange,
  'run.export': z.object({ text: z.string(), filename: z.string().min(1) }),
  'runs.listOpen': z.object({
    items: z.array(openRunSummarySchema),
    /** Absent only when the request said `counts: false`. */
    counts: openRunCountsSchema.optional(),
  }),
  'runs.countOpen': openRunCountsSchema,
  'tabs.focusRun': z.object({
    tabId: z.number().int().optional(),
    /** True when no tab showed the ticket and one was opened. */
    opened: z.boolean(),
  }),
} as const;
