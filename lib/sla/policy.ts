/**
 * Which SLA target applies to a ticket, and when the ticket was waiting on
 * the customer. Pure: the inputs are the policy and what the run recorded.
 */
import type { Interval, Schedule } from '../time/business-hours';
import type { ConversationMessage, PlanTier, Run, Severity } from '../workflow/schema';
import type { SlaMetric, SlaPolicy } from './schema';

export interface ResolvedTarget {
  metric: SlaMetric;
  minutes: number;
  /** The schedule business time follows; undefined for calendar time. */
  schedule: Schedule | undefined;
  pauseWhileWaiting: boolean;
  warnAtPercent: number;
  repage: boolean;
}

/**
 * The first target (in policy order) for the metric whose plan and severity
 * lists include the ticket's. A ticket whose plan or severity is not known yet
 * matches only targets that do not ask for one. `fallbackMinutes` is the
 * plan's or severity's own minutes, for targets that leave them out.
 */
export function resolveTarget(
  sla: SlaPolicy,
  metric: SlaMetric,
  plan: PlanTier | undefined,
  severity: Severity | undefined,
  fallbackMinutes: number | undefined,
): ResolvedTarget | undefined {
  const rule = sla.targets.find(
    (t) =>
      t.metric === metric &&
      (!t.plans || (plan !== undefined && t.plans.includes(plan))) &&
      (!t.severities || (severity !== undefined && t.severities.includes(severity))),
  );
  if (!rule) return undefined;
  const minutes = rule.minutes ?? fallbackMinutes;
  if (minutes === undefined) return undefined;
  return {
    metric,
    minutes,
    schedule: rule.time === 'business' ? scheduleFor(sla, rule.scheduleId) : undefined,
    pauseWhileWaiting: rule.pauseWhileWaiting,
    warnAtPercent: rule.escalation.warnAtPercent,
    repage: rule.escalation.repage,
  };
}

export function scheduleFor(sla: SlaPolicy, id: string | undefined): Schedule {
  // The schema guarantees at least one schedule and that ids resolve.
  return (sla.schedules.find((s) => s.id === id) ?? sla.schedules[0]) as Schedule;
}

/** Public agent replies and customer messages, oldest first. */
export function conversation(run: Run): ConversationMessage[] {
  return [...(run.messages ?? [])].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** The first public agent reply at or after `from` (strictly after when `strict`). */
export function firstAgentReply(run: Run, from: number, strict = false): number | undefined {
  return conversation(run).find((m) => m.role === 'agent' && (strict ? m.at > from : m.at >= from))
    ?.at;
}

/**
 * Next-response cycles: every customer message that follows an agent's
 * public reply starts one; the next public agent reply ends it. Customer
 * messages before the first reply belong to the first response.
 */
export function customerReplyCycles(run: Run): Array<{ start: number; stop?: number }> {
  const cycles: Array<{ start: number; stop?: number }> = [];
  let answered = false;
  let open: { start: number; stop?: number } | undefined;
  for (const m of conversation(run)) {
    if (m.role === 'agent') {
      if (open) {
        open.stop = m.at;
        open = undefined;
      }
      answered = true;
    } else if (m.role === 'customer' && answered && !open) {
      open = { start: m.at };
      cycles.push(open);
    }
  }
  return cycles;
}

/**
 * When the ticket waited on the customer: the helpdesk showed a waiting
 * status, or a step that asks the customer was done and the customer had not
 * written since. Open intervals run to Infinity.
 */
export function waitingIntervals(sla: SlaPolicy, run: Run): Interval[] {
  const out: Interval[] = [];
  const waiting = new Set(sla.waitingStatuses);
  const log = [...(run.statusLog ?? [])].sort((a, b) => a.at - b.at);
  let since: number | undefined;
  for (const entry of log) {
    const isWaiting = waiting.has(entry.status.trim().toLowerCase());
    if (isWaiting && since === undefined) since = entry.at;
    else if (!isWaiting && since !== undefined) {
      out.push({ from: since, to: entry.at });
      since = undefined;
    }
  }
  if (since !== undefined) out.push({ from: since, to: Infinity });
  const messages = conversation(run);
  for (const stepId of sla.askCustomerSteps) {
    const state = run.steps[stepId];
    if (state?.status !== 'done') continue;
    const answer = messages.find((m) => m.role === 'customer' && m.at > state.at);
    out.push({ from: state.at, to: answer?.at ?? Infinity });
  }
  return out;
}
