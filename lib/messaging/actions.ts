/**
 * Requests about escalation actions that need the background: paging
 * on-call through PagerDuty (the only action that sends anything over the
 * network) and reading the page's delivery state.
 */
import { z } from 'zod';
import type { PageState } from '../actions/pagerduty';
import { actorSchema, idSchema } from '../workflow/schema';

const runIdSchema = z.string().min(3).max(200);

const pageErrorSchema = z.object({
  status: z.number().int().optional(),
  message: z.string(),
});

const history = {
  pagesAccepted: z.number().int().nonnegative(),
  lastAcceptedAt: z.number().optional(),
};

export const pageStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle'), ...history }),
  z.object({
    status: z.literal('sending'),
    dedupKey: z.string(),
    attempt: z.number().int().positive(),
    since: z.number(),
    repage: z.boolean(),
    lastError: pageErrorSchema.optional(),
    ...history,
  }),
  z.object({
    status: z.literal('retry-scheduled'),
    dedupKey: z.string(),
    attempt: z.number().int().positive(),
    retryAt: z.number(),
    repage: z.boolean(),
    lastError: pageErrorSchema,
    ...history,
  }),
  z.object({
    status: z.literal('accepted'),
    dedupKey: z.string(),
    acceptedAt: z.number(),
    attempts: z.number().int().positive(),
    ...history,
  }),
  z.object({
    status: z.literal('failed'),
    dedupKey: z.string(),
    at: z.number(),
    error: pageErrorSchema,
    attempts: z.number().int().nonnegative(),
    ...history,
  }),
]);
// The wire schema must describe exactly the state machine's states.
type _StateFits = z.infer<typeof pageStateSchema> extends PageState ? true : never;
const _stateFits: _StateFits = true;
void _stateFits;

/** Whether paging can work at all, so the panel can say what is missing before a click. */
export const pagingReadinessSchema = z.object({
  routingKeySet: z.boolean(),
  /** The host the events go to, e.g. events.pagerduty.com. */
  endpointHost: z.string(),
  /** The optional host permission for that host is granted (not needed for a local stub). */
  permissionGranted: z.boolean(),
});
export type PagingReadiness = z.infer<typeof pagingReadinessSchema>;

export const actionRequestSchemas = [
  z.object({
    type: z.literal('action.pageOnCall'),
    runId: runIdSchema,
    actor: actorSchema,
    /** Page again after PagerDuty accepted a page (same dedup key). */
    repage: z.boolean().default(false),
    /** The step the agent clicked in, recorded on the events. */
    stepId: idSchema.optional(),
  }),
  z.object({ type: z.literal('action.pageStatus'), runId: runIdSchema }),
] as const;

export const actionReplySchemas = {
  'action.pageOnCall': z.object({
    state: pageStateSchema,
    /** Why nothing was sent, when a click did not send (a page is pending or was accepted). */
    notice: z.string().optional(),
  }),
  'action.pageStatus': z.object({ state: pageStateSchema, readiness: pagingReadinessSchema }),
} as const;

export type ActionRequest = z.infer<(typeof actionRequestSchemas)[number]>;
export type ActionRequestType = ActionRequest['type'];
