/**
 * SLA policies as data: the team's schedules (zone, weekly hours, holidays)
 * and targets per metric, plan tier and severity, each counted in business
 * or calendar time.
 *
 * They live in the workflow template's policy (`policy.sla`), not in the
 * synced settings: a run derives its clocks from (template version, run,
 * now) alone, so a ticket keeps the SLA it was opened under when the lead
 * changes the policy (as with every template change), and every view that
 * has the template (panel, popup, background, exports) computes the same due
 * time. Templates without `policy.sla` (saved before this existed) keep the
 * calendar-time clocks they were created with.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../time/zoned';
import type { Schedule } from '../time/business-hours';
import { PLAN_TIERS, SEVERITIES } from '../workflow/vocabulary';

export const SLA_METRICS = [
  'first-response',
  'next-response',
  'resolution',
  'engineering-ack',
] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

const timeOfDay = z
  .string()
  .regex(
    /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/,
    'expected a time such as "09:00" (24:00 = midnight)',
  );

const openRangeSchema = z
  .object({ from: timeOfDay, to: timeOfDay })
  .refine((r) => r.from < r.to, 'a range must end after it starts');

const dayHours = z.array(openRangeSchema).max(6).optional();

export const scheduleSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case kebab-case'),
  name: z.string().trim().min(1).max(100),
  timeZone: z.string().refine(isValidTimeZone, 'expected an IANA time zone such as Europe/Berlin'),
  week: z
    .object({
      mon: dayHours,
      tue: dayHours,
      wed: dayHours,
      thu: dayHours,
      fri: dayHours,
      sat: dayHours,
      sun: dayHours,
    })
    .refine(
      (week) => Object.values(week).some((ranges) => (ranges?.length ?? 0) > 0),
      'a schedule needs opening hours on at least one day',
    ),
  holidays: z
    .array(
      z.object({
        date: z.iso.date(),
        name: z.string().trim().min(1).max(200),
        yearly: z.boolean().optional(),
      }),
    )
    .max(1000)
    .default([]),
});
// The arithmetic in lib/time takes the same shape without zod.
const _scheduleFits: z.infer<typeof scheduleSchema> extends Schedule ? true : never = true;
void _scheduleFits;

export const slaTargetSchema = z.object({
  metric: z.enum(SLA_METRICS),
  /** Applies to these plan tiers; absent: any (and unknown) tier. */
  plans: z.array(z.enum(PLAN_TIERS)).min(1).optional(),
  /** Applies to these severities; absent: any (and unknown) severity. */
  severities: z.array(z.enum(SEVERITIES)).min(1).optional(),
  /**
   * The target. Absent for first response and engineering acknowledgement:
   * the plan's / severity's minutes in the policy (the SLA settings edit them).
   */
  minutes: z.number().int().positive().max(525_600).optional(),
  time: z.enum(['business', 'calendar']).default('business'),
  /** Which schedule business time follows; absent: the first one. */
  scheduleId: z.string().max(64).optional(),
  /** While the ticket waits on the customer, this clock does not count. */
  pauseWhileWaiting: z.boolean().default(false),
  escalation: z
    .object({
      /** Warn (notification, badge, panel) once this share of the target is used. */
      warnAtPercent: z.number().int().min(1).max(99).default(75),
      /** At breach, page on-call again through PagerDuty (once per breach). */
      repage: z.boolean().default(false),
    })
    .prefault({}),
});
export type SlaTarget = z.infer<typeof slaTargetSchema>;

export const slaPolicySchema = z
  .object({
    schedules: z.array(scheduleSchema).min(1).max(20),
    /** First match wins, in order (like a helpdesk's ordered SLA policies). */
    targets: z.array(slaTargetSchema).max(200),
    /** Helpdesk statuses (lower case) that mean "waiting on the customer". */
    waitingStatuses: z.array(z.string().trim().toLowerCase().min(1).max(100)).default(['pending']),
    /** Steps that ask the customer something: done → waiting until the customer writes. */
    askCustomerSteps: z.array(z.string().max(64)).default([]),
  })
  .superRefine((policy, ctx) => {
    const ids = new Set<string>();
    policy.schedules.forEach((s, i) => {
      if (ids.has(s.id))
        ctx.addIssue({
          code: 'custom',
          message: `duplicate schedule id "${s.id}"`,
          path: ['schedules', i, 'id'],
        });
      ids.add(s.id);
    });
    policy.targets.forEach((t, i) => {
      if (t.scheduleId !== undefined && !ids.has(t.scheduleId))
        ctx.addIssue({
          code: 'custom',
          message: `unknown schedule "${t.scheduleId}"`,
          path: ['targets', i, 'scheduleId'],
        });
      if (t.minutes === undefined && (t.metric === 'next-response' || t.metric === 'resolution'))
        ctx.addIssue({
          code: 'custom',
          message: `a ${t.metric} target needs minutes`,
          path: ['targets', i, 'minutes'],
        });
    });
  });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;

const weekdays = (from: string, to: string) => {
  const r = [{ from, to }];
  return { mon: r, tue: r, wed: r, thu: r, fri: r };
};

/**
 * The default: Monday–Friday 09:00–17:00 in a zone the lead sets (UTC until
 * then), first response as the seed says (1 h paid/enterprise, 4 h
 * trial/free, from the plan minutes) in business hours; a SEV1 is answered
 * and acknowledged around the clock.
 */
export const DEFAULT_SLA_POLICY: SlaPolicyInput = {
  schedules: [
    { id: 'team', name: 'Support hours', timeZone: 'UTC', week: weekdays('09:00', '17:00') },
  ],
  targets: [
    { metric: 'first-response', severities: ['SEV1'], time: 'calendar' },
    { metric: 'first-response', time: 'business' },
    { metric: 'next-response', plans: ['enterprise', 'paid'], minutes: 240, time: 'business' },
    { metric: 'next-response', minutes: 480, time: 'business' },
    {
      metric: 'resolution',
      severities: ['SEV1'],
      minutes: 1440,
      time: 'calendar',
      pauseWhileWaiting: true,
    },
    { metric: 'resolution', severities: ['SEV2'], minutes: 3 * 480, pauseWhileWaiting: true },
    { metric: 'resolution', severities: ['SEV3'], minutes: 5 * 480, pauseWhileWaiting: true },
    { metric: 'resolution', minutes: 10 * 480, pauseWhileWaiting: true },
    {
      metric: 'engineering-ack',
      severities: ['SEV1', 'SEV2'],
      time: 'calendar',
      escalation: { repage: true },
    },
    { metric: 'engineering-ack', time: 'business' },
  ],
  waitingStatuses: ['pending', 'waiting on customer'],
};
