/** Policy: the rules of the workflow as data. */
import { z } from 'zod';
import { slaPolicySchema } from '../../sla/schema';
import { pageChannelSchema, planTierSchema, severitySchema } from './base';
import { fieldRefSchema } from './conditions';
import { choiceOptionSchema } from './fields';

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
