/**
 * The workflow data model: templates (what a team's process is) and runs (one
 * ticket going through it). Everything here is data validated with zod, so a
 * template can be stored, exported, imported and versioned as JSON.
 *
 * Pure TypeScript: no browser API, no WXT, no Dexie.
 */
import { z } from 'zod';
import { slaPolicySchema } from '../sla/schema';
import { HELPDESKS, PLAN_TIERS, SEVERITIES, STATUS_PAGE_STATES, STEP_STATUSES } from './vocabulary';
import { FIELD_ROLES, MESSAGE_PURPOSES, roleProblems } from './roles';

export {
  HELPDESKS,
  PLAN_TIERS,
  SEVERITIES,
  STATUS_PAGE_STATES,
  STEP_STATUSES,
  runIdFor,
} from './vocabulary';

// ---------------------------------------------------------------------------
// Identifiers and vocabulary
// ---------------------------------------------------------------------------

/** Kebab-case ids keep exported JSON and event logs readable. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case (e.g. "assign-severity")');

export const helpdeskSchema = z.enum(HELPDESKS);
export type Helpdesk = z.infer<typeof helpdeskSchema>;

export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const planTierSchema = z.enum(PLAN_TIERS);
export type PlanTier = z.infer<typeof planTierSchema>;

/** How an escalation reaches the on-call engineer. */
export const pageChannelSchema = z.enum(['pagerduty', 'slack-mention', 'none']);
export type PageChannel = z.infer<typeof pageChannelSchema>;

export const statusPageStateSchema = z.enum(STATUS_PAGE_STATES);
export type StatusPageState = z.infer<typeof statusPageStateSchema>;

/** An agent: who did something. E-mail is optional because some helpdesks hide it. */
export const actorSchema = z.object({
  name: z.string().min(1).max(200),
  email: z.string().max(320).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** Milliseconds since the epoch (UTC). All stored times are numbers. */
export const epochMsSchema = z.number().int().nonnegative();

// ---------------------------------------------------------------------------
// Conditions: when a step applies, when a gate opens, when a clock stops
// ---------------------------------------------------------------------------

export const fieldRefSchema = z.object({ stepId: idSchema, fieldId: idSchema });
export type FieldRef = z.infer<typeof fieldRefSchema>;

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

export type Condition =
  | { kind: 'severity'; in: Severity[] }
  | { kind: 'plan'; in: PlanTier[] }
  | {
      kind: 'field';
      field: FieldRef;
      op: 'set' | 'unset' | 'eq' | 'neq' | 'in' | 'lt' | 'lte' | 'gt' | 'gte' | 'includes';
      value?: string | number | boolean | Array<string | number>;
    }
  | { kind: 'step'; stepId: string; is: Array<'pending' | 'done' | 'skipped' | 'not-applicable'> }
  | { kind: 'all'; of: Condition[] }
  | { kind: 'any'; of: Condition[] }
  | { kind: 'not'; of: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('severity'), in: z.array(severitySchema).min(1) }),
    z.object({ kind: z.literal('plan'), in: z.array(planTierSchema).min(1) }),
    z.object({
      kind: z.literal('field'),
      field: fieldRefSchema,
      op: z.enum(['set', 'unset', 'eq', 'neq', 'in', 'lt', 'lte', 'gt', 'gte', 'includes']),
      value: z.union([scalarSchema, z.array(z.union([z.string(), z.number()]))]).optional(),
    }),
    z.object({
      kind: z.literal('step'),
      stepId: idSchema,
      is: z.array(z.enum(['pending', 'done', 'skipped', 'not-applicable'])).min(1),
    }),
    z.object({ kind: z.literal('all'), of: z.array(conditionSchema).min(1) }),
    z.object({ kind: z.literal('any'), of: z.array(conditionSchema).min(1) }),
    z.object({ kind: z.literal('not'), of: conditionSchema }),
  ]),
);

// ---------------------------------------------------------------------------
// Fields: the data a step collects
// ---------------------------------------------------------------------------

const choiceOptionSchema = z.object({
  value: z.string().min(1).max(100),
  label: z.string().min(1).max(200),
  /** Shown next to the option, e.g. the SEV1 definition. */
  description: z.string().max(2000).optional(),
});
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

const fieldBase = {
  id: idSchema,
  label: z.string().min(1).max(200),
  help: z.string().max(2000).optional(),
  required: z.boolean().default(false),
  /** The field is shown and validated only while this holds. */
  when: conditionSchema.optional(),
  /** What the field means (lib/workflow/roles.ts): actions find it by this, never by id. */
  role: z.enum(FIELD_ROLES).optional(),
};

export const fieldSchema = z.discriminatedUnion('type', [
  z.object({
    ...fieldBase,
    type: z.literal('single-choice'),
    options: z.array(choiceOptionSchema).min(1),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('multi-choice'),
    options: z.array(choiceOptionSchema).min(1),
    minSelected: z.number().int().nonnegative().optional(),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('text'),
    placeholder: z.string().max(200).optional(),
    maxLength: z.number().int().positive().max(10_000).optional(),
    /** A regular expression (source) the value must match. */
    pattern: z.string().max(500).optional(),
    patternMessage: z.string().max(300).optional(),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('paragraph'),
    placeholder: z.string().max(2000).optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().positive().max(100_000).optional(),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('file'),
    /** Extensions or MIME types, as in `<input accept>`. */
    accept: z.array(z.string().max(100)).optional(),
    maxFiles: z.number().int().positive().max(50).default(10),
    /** HAR files are sanitized before they are stored. */
    sanitizeHar: z.boolean().default(true),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('url'),
    /** Regular expressions (source); the URL must match one of them. */
    allow: z.array(z.string().max(500)).optional(),
    allowMessage: z.string().max(300).optional(),
  }),
  z.object({
    ...fieldBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
  }),
  z.object({ ...fieldBase, type: z.literal('datetime') }),
  z.object({ ...fieldBase, type: z.literal('checkbox') }),
]);
export type Field = z.infer<typeof fieldSchema>;
/** A field as written in a template, before defaults are applied. */
export type FieldInput = z.input<typeof fieldSchema>;
export type FieldType = Field['type'];

/** A stored file: the bytes live in the attachments table, keyed by id. */
export const fileRefSchema = z.object({
  attachmentId: z.string().min(1).max(100),
  name: z.string().min(1).max(500),
  size: z.number().int().nonnegative(),
  type: z.string().max(200),
  /** Present when a HAR was sanitized before it was stored. */
  sanitized: z
    .object({
      redactions: z.number().int().nonnegative(),
      byKind: z.record(z.string(), z.number()),
    })
    .optional(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

/** A wall-clock time as the customer said it, and the zone it was said in. */
export const zonedDateTimeSchema = z.object({
  /** `YYYY-MM-DDTHH:mm` (seconds optional), local to `timeZone`. */
  local: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/, 'expected YYYY-MM-DDTHH:mm'),
  /** IANA zone, e.g. `America/New_York`. */
  timeZone: z.string().min(1).max(100),
});
export type ZonedDateTime = z.infer<typeof zonedDateTimeSchema>;

/** The value of any field; which shape is allowed depends on the field type. */
export const fieldValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  zonedDateTimeSchema,
  z.array(fileRefSchema),
  z.null(),
]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

// ---------------------------------------------------------------------------
// Steps, gates, sections
// ---------------------------------------------------------------------------

/** A gate blocks completing a step until its condition holds, and says why. */
export const gateSchema = z.object({
  id: idSchema,
  require: conditionSchema,
  message: z.string().min(1).max(500),
});
export type Gate = z.infer<typeof gateSchema>;

/**
 * Named actions the panel offers on a step (issue: escalation and
 * communication actions). Kept as ids so templates stay data.
 */
export const stepActionSchema = z.enum([
  'insert-first-touch',
  'page-on-call',
  'copy-incident-channel',
  'copy-slack-mention',
  'draft-status-page',
  'open-log-search',
  'file-bug',
  'insert-eta-update',
  'insert-fix-shipped',
  'insert-confirmation-request',
  'draft-incident-summary',
  'insert-closing-note',
  're-page',
  'escalate-to-manager',
]);
export type StepAction = z.infer<typeof stepActionSchema>;

export const stepSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(200),
  /** Markdown. Rendered as text by the panel, never as raw HTML. */
  guidance: z.string().max(20_000),
  required: z.boolean().default(true),
  /** The step applies only while this holds; otherwise it is "not applicable". */
  when: conditionSchema.optional(),
  fields: z.array(fieldSchema).default([]),
  gates: z.array(gateSchema).default([]),
  actions: z.array(stepActionSchema).default([]),
});
export type Step = z.infer<typeof stepSchema>;

export const sectionSchema = z.object({
  id: idSchema,
  title: z.string().min(1).max(200),
  steps: z.array(stepSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

// ---------------------------------------------------------------------------
// Policy: the rules of the workflow as data
// ---------------------------------------------------------------------------

export const severityPolicySchema = z.object({
  id: severitySchema,
  label: z.string().min(1).max(100),
  definition: z.string().min(1).max(1000),
  /** How an escalation pages the on-call engineer at this severity. */
  pageVia: pageChannelSchema,
  /** PagerDuty event severity when `pageVia` is pagerduty. */
  pagerDutySeverity: z.enum(['critical', 'error', 'warning', 'info']).optional(),
  /** Page on-call as soon as the severity is set, without waiting for reproduction. */
  pageImmediately: z.boolean().default(false),
  /** Public status-page updates are due every N minutes while the run is open. */
  statusPageCadenceMinutes: z.number().int().positive().optional(),
  /** Engineering must acknowledge an escalation within N minutes. */
  engineeringAckMinutes: z.number().int().positive().optional(),
});
export type SeverityPolicy = z.infer<typeof severityPolicySchema>;

export const planPolicySchema = z.object({
  id: planTierSchema,
  label: z.string().min(1).max(100),
  /** First-response SLA: minutes from ticket creation. */
  firstResponseMinutes: z.number().int().positive(),
  /** Enterprise contracts include a written incident summary. */
  incidentSummaryRequired: z.boolean().default(false),
});
export type PlanPolicy = z.infer<typeof planPolicySchema>;

export const policySchema = z.object({
  severities: z.array(severityPolicySchema).length(4),
  plans: z.array(planPolicySchema).length(4),
  /** Where the engine reads severity and plan tier from in a run. */
  severityField: fieldRefSchema,
  planField: fieldRefSchema,
  /** Root-cause tags offered at closure. */
  rootCauseTags: z.array(choiceOptionSchema).min(1),
  /** Remind this many minutes before a clock is due. */
  reminderLeadMinutes: z.number().int().nonnegative().default(15),
  /** Schedules and per tier × severity targets (lib/sla/schema.ts); absent: calendar time. */
  sla: slaPolicySchema.optional(),
});
export type Policy = z.infer<typeof policySchema>;

// ---------------------------------------------------------------------------
// Clocks as data
// ---------------------------------------------------------------------------

/** When a clock starts counting. */
export const clockAnchorSchema = z.discriminatedUnion('kind', [
  /** The ticket's creation time (the earliest message), else the run's creation. */
  z.object({ kind: z.literal('ticket-created') }),
  z.object({ kind: z.literal('step-done'), stepId: idSchema }),
  /** When the field first took the value it has now. */
  z.object({ kind: z.literal('field-set'), field: fieldRefSchema }),
  /** Each customer message after an agent's public reply starts a new cycle (next response). */
  z.object({ kind: z.literal('customer-reply') }),
  /** When the condition last became true (e.g. the follow-up step applies). */
  z.object({ kind: z.literal('condition'), condition: conditionSchema }),
]);
export type ClockAnchor = z.infer<typeof clockAnchorSchema>;

export const clockSchema = z.discriminatedUnion('kind', [
  /** One deadline: due at start + target, stopped when `stopWhen` holds. */
  z.object({
    kind: z.literal('deadline'),
    id: idSchema,
    label: z.string().min(1).max(100),
    appliesWhen: conditionSchema.optional(),
    start: clockAnchorSchema,
    /** Minutes come from the policy by plan tier or by severity, or are business days. */
    target: z.enum([
      'first-response-by-plan',
      'engineering-ack-by-severity',
      'next-response-by-policy',
      'resolution-by-policy',
      'business-days',
    ]),
    /** For `business-days`: due within this many days of the SLA schedule. */
    businessDays: z.number().int().min(1).max(30).optional(),
    /** `agent-reply`: stopped by the agent's first public reply in the conversation. */
    stopOn: z.enum(['agent-reply']).optional(),
    /** Absent: only `stopOn` or closing the run stops it. */
    stopWhen: conditionSchema.optional(),
  }),
  /** A recurring obligation: due every N minutes from start or the last update. */
  z.object({
    kind: z.literal('cadence'),
    id: idSchema,
    label: z.string().min(1).max(100),
    appliesWhen: conditionSchema.optional(),
    start: clockAnchorSchema,
    target: z.literal('status-page-by-severity'),
    /** Each new value of this field (an update posted) restarts the interval. */
    resetBy: fieldRefSchema,
    stopWhen: conditionSchema,
  }),
]);
export type ClockDef = z.infer<typeof clockSchema>;

// ---------------------------------------------------------------------------
// Message templates (editable text the panel inserts into the composer)
// ---------------------------------------------------------------------------

export const messageTemplateSchema = z.object({
  id: idSchema,
  label: z.string().min(1).max(200),
  /** Plain text with `{{placeholders}}` filled from the run. */
  body: z.string().min(1).max(20_000),
  /** Optional variant per plan tier (e.g. first-touch SLA wording). */
  byPlan: z.partialRecord(planTierSchema, z.string().min(1).max(20_000)).optional(),
  /** What the message is for (lib/workflow/roles.ts): actions find it by this, never by id. */
  purpose: z.enum(MESSAGE_PURPOSES).optional(),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

export const templateSchema = z
  .object({
    /** Stable id of the workflow across versions. */
    id: idSchema,
    /** 1, 2, 3…: saving a changed template makes the next version. */
    version: z.number().int().positive(),
    name: z.string().min(1).max(200),
    description: z.string().max(5000).default(''),
    sections: z.array(sectionSchema).min(1),
    policy: policySchema,
    clocks: z.array(clockSchema).default([]),
    messages: z.array(messageTemplateSchema).default([]),
  })
  .superRefine((template, ctx) => {
    const stepIds = new Set<string>();
    const fieldKeys = new Set<string>();
    template.sections.forEach((section, si) =>
      section.steps.forEach((step, sti) => {
        if (stepIds.has(step.id)) {
          ctx.addIssue({
            code: 'custom',
            message: `duplicate step id "${step.id}"`,
            path: ['sections', si, 'steps', sti, 'id'],
          });
        }
        stepIds.add(step.id);
        const seen = new Set<string>();
        step.fields.forEach((field, fi) => {
          if (seen.has(field.id)) {
            ctx.addIssue({
              code: 'custom',
              message: `duplicate field id "${field.id}" in step "${step.id}"`,
              path: ['sections', si, 'steps', sti, 'fields', fi, 'id'],
            });
          }
          seen.add(field.id);
          fieldKeys.add(`${step.id}/${field.id}`);
        });
      }),
    );
    const checkRef = (ref: FieldRef, path: (string | number)[]) => {
      if (!fieldKeys.has(`${ref.stepId}/${ref.fieldId}`)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown field ${ref.stepId}/${ref.fieldId}`,
          path,
        });
      }
    };
    const checkCondition = (cond: Condition, path: (string | number)[]): void => {
      switch (cond.kind) {
        case 'field':
          checkRef(cond.field, [...path, 'field']);
          break;
        case 'step':
          if (!stepIds.has(cond.stepId)) {
            ctx.addIssue({ code: 'custom', message: `unknown step "${cond.stepId}"`, path });
          }
          break;
        case 'all':
        case 'any':
          cond.of.forEach((c, i) => checkCondition(c, [...path, 'of', i]));
          break;
        case 'not':
          checkCondition(cond.of, [...path, 'of']);
          break;
        default:
          break;
      }
    };
    checkRef(template.policy.severityField, ['policy', 'severityField']);
    checkRef(template.policy.planField, ['policy', 'planField']);
    template.sections.forEach((section, si) =>
      section.steps.forEach((step, sti) => {
        const base = ['sections', si, 'steps', sti];
        if (step.when) checkCondition(step.when, [...base, 'when']);
        step.gates.forEach((g, gi) => checkCondition(g.require, [...base, 'gates', gi, 'require']));
        step.fields.forEach((f, fi) => {
          if (f.when) checkCondition(f.when, [...base, 'fields', fi, 'when']);
        });
      }),
    );
    template.clocks.forEach((clock, ci) => {
      if (clock.appliesWhen) checkCondition(clock.appliesWhen, ['clocks', ci, 'appliesWhen']);
      if (clock.stopWhen) checkCondition(clock.stopWhen, ['clocks', ci, 'stopWhen']);
      if (clock.start.kind === 'condition')
        checkCondition(clock.start.condition, ['clocks', ci, 'start', 'condition']);
      if (clock.start.kind === 'step-done' && !stepIds.has(clock.start.stepId)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown step "${clock.start.stepId}"`,
          path: ['clocks', ci, 'start'],
        });
      }
      if (clock.start.kind === 'field-set')
        checkRef(clock.start.field, ['clocks', ci, 'start', 'field']);
      if (clock.kind === 'cadence') checkRef(clock.resetBy, ['clocks', ci, 'resetBy']);
    });
    const unique = (ids: string[], what: string, path: (string | number)[]) => {
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id))
          ctx.addIssue({ code: 'custom', message: `duplicate ${what} id "${id}"`, path });
        seen.add(id);
      }
    };
    unique(
      template.sections.map((s) => s.id),
      'section',
      ['sections'],
    );
    unique(
      template.clocks.map((c) => c.id),
      'clock',
      ['clocks'],
    );
    unique(
      template.messages.map((m) => m.id),
      'message',
      ['messages'],
    );
    // A pattern that does not compile would make its field impossible to fill.
    const checkPattern = (source: string, path: (string | number)[]) => {
      try {
        new RegExp(source, 'u');
      } catch {
        ctx.addIssue({ code: 'custom', message: `invalid regular expression "${source}"`, path });
      }
    };
    template.sections.forEach((section, si) =>
      section.steps.forEach((step, sti) => {
        const base = ['sections', si, 'steps', sti];
        unique(
          step.gates.map((g) => g.id),
          `gate (step "${step.id}")`,
          [...base, 'gates'],
        );
        step.fields.forEach((f, fi) => {
          if (f.type === 'text' && f.pattern)
            checkPattern(f.pattern, [...base, 'fields', fi, 'pattern']);
          if (f.type === 'url') {
            f.allow?.forEach((p, pi) => checkPattern(p, [...base, 'fields', fi, 'allow', pi]));
          }
        });
      }),
    );
    for (const problem of roleProblems(template)) ctx.addIssue({ code: 'custom', ...problem });
    const severities = new Set(template.policy.severities.map((s) => s.id));
    if (severities.size !== 4) {
      ctx.addIssue({
        code: 'custom',
        message: 'policy.severities must define SEV1–SEV4 once each',
        path: ['policy', 'severities'],
      });
    }
    const plans = new Set(template.policy.plans.map((p) => p.id));
    if (plans.size !== 4) {
      ctx.addIssue({
        code: 'custom',
        message: 'policy.plans must define each plan tier once',
        path: ['policy', 'plans'],
      });
    }
  });
export type WorkflowTemplate = z.infer<typeof templateSchema>;
/** What an editor or an import hands in, before defaults are applied. */
export type WorkflowTemplateInput = z.input<typeof templateSchema>;

// ---------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------

/** Stored status. "not applicable" is derived from conditions, never stored. */
export const storedStepStatusSchema = z.enum(STEP_STATUSES);
export type StoredStepStatus = z.infer<typeof storedStepStatusSchema>;
export type StepStatus = StoredStepStatus | 'not-applicable';

export const stepStateSchema = z.object({
  status: storedStepStatusSchema,
  /** When and by whom the status last changed. */
  at: epochMsSchema,
  by: actorSchema,
  skipReason: z.string().min(1).max(2000).optional(),
});
export type StepState = z.infer<typeof stepStateSchema>;

export const fieldStateSchema = z.object({
  value: fieldValueSchema,
  at: epochMsSchema,
  by: actorSchema,
  /** When the field first took this value (for clocks anchored on it). */
  since: epochMsSchema,
});
export type FieldState = z.infer<typeof fieldStateSchema>;

/** What the page told us about the ticket. Everything but the id is optional. */
export const ticketInfoSchema = z.object({
  helpdesk: helpdeskSchema,
  ticketId: z.string().min(1).max(100),
  /** What the agent sees, e.g. Help Scout's "#11161"; defaults to the id. */
  displayId: z.string().max(100).optional(),
  url: z.string().max(4000),
  subject: z.string().max(1000).optional(),
  requesterName: z.string().max(500).optional(),
  requesterEmail: z.string().max(500).optional(),
  createdAt: epochMsSchema.optional(),
  /** open | pending | solved | closed when the helpdesk's status maps to one; its own word in statusLabel. */
  status: z.string().max(100).optional(),
  statusLabel: z.string().max(100).optional(),
  /** low | normal | high | urgent when it maps; the helpdesk's word in priorityLabel. */
  priority: z.string().max(100).optional(),
  priorityLabel: z.string().max(100).optional(),
  /** The agent's name; the group (Zendesk group, Intercom team) apart. */
  assignee: z.string().max(500).optional(),
  assigneeGroup: z.string().max(500).optional(),
  organization: z.string().max(500).optional(),
  plan: z.string().max(100).optional(),
  /** The customer's IANA time zone, when the page names one (never from an offset alone). */
  customerTimeZone: z.string().max(100).optional(),
});
export type TicketInfo = z.infer<typeof ticketInfoSchema>;

export const clockPauseSchema = z.object({
  clockId: idSchema,
  from: epochMsSchema,
  to: epochMsSchema.optional(),
  reason: z.string().max(500).optional(),
});
export type ClockPause = z.infer<typeof clockPauseSchema>;

/** A message the page showed in the ticket's conversation, as the adapter read it. */
export const conversationMessageSchema = z.object({
  /** The helpdesk's own id of the message (comment / part / thread id). */
  id: z.string().min(1).max(200),
  role: z.enum(['customer', 'agent', 'note', 'other']),
  /** When the helpdesk says it was written; when first seen if the page shows no time. */
  at: epochMsSchema,
});
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;

export const runSchema = z.object({
  /** `${helpdesk}:${ticketId}` — one run per ticket. */
  id: z.string().min(3).max(200),
  helpdesk: helpdeskSchema,
  ticketId: z.string().min(1).max(100),
  templateId: idSchema,
  templateVersion: z.number().int().positive(),
  ticket: ticketInfoSchema,
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
  /** Closed when the closing step is done; closed runs keep no clocks. */
  closedAt: epochMsSchema.optional(),
  steps: z.record(z.string(), stepStateSchema),
  /** values[stepId][fieldId] */
  values: z.record(z.string(), z.record(z.string(), fieldStateSchema)),
  pauses: z.array(clockPauseSchema).default([]),
  /** The conversation as observed on the page (SLA clocks follow it), by message id. */
  messages: z.array(conversationMessageSchema).max(5000).optional(),
  /** The helpdesk status each time it changed (waiting on the customer pauses clocks). */
  statusLog: z
    .array(z.object({ at: epochMsSchema, status: z.string().max(100) }))
    .max(1000)
    .optional(),
  /** Keys of SLA transitions and escalations already recorded as events (never twice). */
  slaRecorded: z.array(z.string().max(300)).max(10_000).optional(),
  /** Bumped on every change; views use it to drop stale updates. */
  revision: z.number().int().nonnegative(),
});
export type Run = z.infer<typeof runSchema>;

// ---------------------------------------------------------------------------
// Events: the append-only record
// ---------------------------------------------------------------------------

export const runEventSchema = z.object({
  /** Auto-increment key in the store; absent before it is written. */
  seq: z.number().int().positive().optional(),
  runId: z.string().min(3).max(200),
  at: epochMsSchema,
  by: actorSchema,
  type: z.enum([
    'run-created',
    'field-set',
    'step-status',
    'clock-paused',
    'clock-resumed',
    /** An SLA clock started, paused, resumed, warned, breached, was met or stopped; or escalated. */
    'sla',
    'ticket-updated',
    'template-migrated',
    'action',
    'run-closed',
    'run-reopened',
  ]),
  stepId: z.string().max(64).optional(),
  fieldId: z.string().max(64).optional(),
  /** For actions: which one (e.g. "page-on-call") and its outcome. */
  action: z.string().max(64).optional(),
  old: z.unknown().optional(),
  new: z.unknown().optional(),
  note: z.string().max(5000).optional(),
});
export type RunEvent = z.infer<typeof runEventSchema>;
