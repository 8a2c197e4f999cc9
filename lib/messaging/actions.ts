/**
 * Requests about step actions that need the background: paging on-call
 * through PagerDuty (the only action that sends anything over the network),
 * reading the page's delivery state, and the run's action drafts (messages,
 * links and refusals the panel shows, drafted from the run and settings).
 */
import { z } from 'zod';
import type { ActionDrafts } from '../actions/drafts';
import type { PageState } from '../actions/pagerduty-delivery';
import { actorSchema, idSchema, severitySchema, statusPageStateSchema } from '../workflow/schema';

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

const drafted = <T extends z.ZodRawShape>(shape: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), ...shape }),
    z.object({ ok: z.literal(false), reason: z.string() }),
  ]);

const messageDraftSchema = drafted({ label: z.string(), text: z.string() });

export const actionDraftsSchema = z.object({
  revision: z.number().int().nonnegative(),
  facts: z.object({
    displayId: z.string(),
    ticketUrl: z.string(),
    severity: severitySchema.optional(),
    impact: z.string().optional(),
    bugUrl: z.string().optional(),
  }),
  messages: z.object({
    'insert-first-touch': messageDraftSchema,
    'insert-eta-update': messageDraftSchema,
    'insert-fix-shipped': messageDraftSchema,
    'insert-confirmation-request': messageDraftSchema,
    'insert-closing-note': messageDraftSchema,
    'draft-incident-summary': messageDraftSchema,
  }),
  statusPage: z.object({
    current: z.object({ state: statusPageStateSchema, label: z.string() }).optional(),
    suggested: statusPageStateSchema.optional(),
    options: z.array(
      z.object({
        state: statusPageStateSchema,
        label: z.string(),
        text: z.string(),
        missing: z.array(z.string()),
      }),
    ),
  }),
  pageRefusal: z.string().optional(),
  incidentChannel: z.string(),
  slackMention: z.object({ text: z.string(), missing: z.array(z.string()) }),
  logSearch: z.array(
    z.discriminatedUnion('ok', [
      z.object({ name: z.string(), ok: z.literal(true), url: z.string() }),
      z.object({ name: z.string(), ok: z.literal(false), reason: z.string() }),
    ]),
  ),
  bug: drafted({
    markdown: z.string(),
    link: drafted({
      link: z.object({
        url: z.string(),
        complete: z.boolean(),
        clipboardText: z.string().optional(),
      }),
    }).optional(),
  }),
  finishing: z.record(z.string(), z.array(z.string())),
});
// The wire schema describes exactly what the drafting builds, both ways.
type _DraftsFit =
  z.infer<typeof actionDraftsSchema> extends ActionDrafts
    ? ActionDrafts extends z.infer<typeof actionDraftsSchema>
      ? true
      : never
    : never;
const _draftsFit: _DraftsFit = true;
void _draftsFit;

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
  z.object({ type: z.literal('action.drafts'), runId: runIdSchema }),
] as const;

export const actionReplySchemas = {
  'action.pageOnCall': z.object({
    state: pageStateSchema,
    /** Why nothing was sent, when a click did not send (a page is pending or was accepted). */
    notice: z.string().optional(),
  }),
  'action.pageStatus': z.object({ state: pageStateSchema, readiness: pagingReadinessSchema }),
  'action.drafts': actionDraftsSchema,
} as const;

export type ActionRequest = z.infer<(typeof actionRequestSchemas)[number]>;
export type ActionRequestType = ActionRequest['type'];
