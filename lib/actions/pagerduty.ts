/**
 * PagerDuty Events API v2: the trigger event built from a run (the delivery
 * of a page, with its retries, is ./pagerduty-delivery.ts).
 *
 * No double page. Every send for a ticket carries the same `dedup_key`
 * (`casebook-<helpdesk>-<ticketId>`), on first click, on every retry and on a
 * later click, so even a send whose answer was lost cannot open a second
 * incident: PagerDuty folds triggers with an open alert's dedup key into that
 * alert.
 *
 * Re-page uses the same dedup key too. While the incident is still open,
 * PagerDuty records the re-page on the same alert instead of opening a new
 * incident (it does not start a fresh notification round); once the incident
 * is resolved, a re-page opens a new one. When engineering has not
 * acknowledged within the SLA, escalate-to-manager is the way to reach a
 * different person.
 */
import type { Helpdesk, Run, Severity, WorkflowTemplate } from '../workflow/schema';
import { toUtcIso } from '../time/zoned';
import { fieldRefByRole } from '../workflow/roles';
import { readRunFacts, stepNumberOf } from './facts';
import type { Refusal } from './bug-report';
import { oneLine, truncate, wellFormed } from './text';

export const DEDUP_KEY_MAX = 255;
export const SUMMARY_MAX = 1024;

export type PagerDutySeverity = 'critical' | 'error' | 'warning' | 'info';

const DEFAULT_PD_SEVERITY: Record<Severity, PagerDutySeverity> = {
  SEV1: 'critical',
  SEV2: 'error',
  SEV3: 'warning',
  SEV4: 'info',
};

export function isValidRoutingKey(key: string | undefined): key is string {
  return typeof key === 'string' && /^[A-Za-z0-9]{32}$/.test(key);
}

export function pagerDutyDedupKey(helpdesk: Helpdesk, ticketId: string): string {
  return `casebook-${helpdesk}-${ticketId}`.slice(0, DEDUP_KEY_MAX);
}

export interface TriggerEvent {
  routing_key: string;
  event_action: 'trigger';
  dedup_key: string;
  payload: {
    summary: string;
    source: string;
    severity: PagerDutySeverity;
    timestamp: string;
    class: 'support-escalation';
    custom_details: {
      ticket_url: string;
      request_id?: string;
      plan?: string;
      workspace_id?: string;
      customer_impact?: string;
    };
  };
  client: 'Casebook';
  client_url: string;
  links?: Array<{ href: string; text: string }>;
}

export interface TriggerInput {
  routingKey: string | undefined;
  /** When the agent asked for the page; every retry sends the same timestamp. */
  requestedAt: number;
}

export type TriggerResult = { ok: true; event: TriggerEvent } | Refusal;

/** "SEV1: <impact> (ticket <displayId>)", at most 1024 characters; the ticket part is never cut. */
export function pageSummary(severity: Severity, what: string, displayId: string): string {
  const suffix = ` (ticket ${oneLine(displayId)})`;
  const head = `${severity}: `;
  return `${head}${truncate(wellFormed(oneLine(what)), SUMMARY_MAX - head.length - suffix.length)}${suffix}`;
}

function isHttpUrl(s: string | undefined): s is string {
  if (!s) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Why this run cannot be paged through PagerDuty (configuration aside), or
 * undefined: no severity, a severity the policy pages another way, or no
 * one-sentence impact (nor ticket subject) for the summary.
 */
export function pageRefusal(template: WorkflowTemplate, run: Run): Refusal | undefined {
  const facts = readRunFacts(template, run);
  if (!facts.severity) {
    const n = stepNumberOf(template, template.policy.severityField.stepId);
    return { ok: false, reason: `Set the severity${n ? ` in step ${n}` : ''} before paging.` };
  }
  const policy = template.policy.severities.find((s) => s.id === facts.severity);
  if (policy && policy.pageVia !== 'pagerduty') {
    const how = policy.pageVia === 'slack-mention' ? 'a Slack mention of the on-call' : 'no page';
    return {
      ok: false,
      reason: `${facts.severity} escalations use ${how} in this workflow, not PagerDuty.`,
    };
  }
  if (!facts.impact && !facts.subject) {
    const ref = fieldRefByRole(template, 'impact');
    const n = ref && stepNumberOf(template, ref.stepId);
    return {
      ok: false,
      reason: `Write the one-sentence customer impact${n ? ` in step ${n}` : ''} first: it is the page's summary.`,
    };
  }
  return undefined;
}

export function buildTriggerEvent(
  template: WorkflowTemplate,
  run: Run,
  input: TriggerInput,
): TriggerResult {
  const facts = readRunFacts(template, run);
  if (!isValidRoutingKey(input.routingKey)) {
    return {
      ok: false,
      reason:
        'Add the PagerDuty routing key (the 32-character Events API v2 integration key) in Casebook options first.',
    };
  }
  const refusal = pageRefusal(template, run);
  if (refusal) return refusal;
  const policy = template.policy.severities.find((s) => s.id === facts.severity);
  const severity = facts.severity as Severity;
  const what = (facts.impact ?? facts.subject) as string;
  let source = facts.workspaceId;
  if (!source) {
    try {
      source = new URL(facts.ticketUrl).host || facts.helpdesk;
    } catch {
      source = facts.helpdesk;
    }
  }
  const links: Array<{ href: string; text: string }> = [];
  if (isHttpUrl(facts.bugUrl)) links.push({ href: facts.bugUrl, text: 'Engineering issue' });
  if (isHttpUrl(facts.sentryUrl)) links.push({ href: facts.sentryUrl, text: 'Sentry' });
  const event: TriggerEvent = {
    routing_key: input.routingKey,
    event_action: 'trigger',
    dedup_key: pagerDutyDedupKey(run.helpdesk, run.ticketId),
    payload: {
      summary: pageSummary(severity, what, facts.displayId),
      source: truncate(source, 255),
      severity: policy?.pagerDutySeverity ?? DEFAULT_PD_SEVERITY[severity],
      timestamp: toUtcIso(input.requestedAt),
      class: 'support-escalation',
      custom_details: {
        ticket_url: facts.ticketUrl,
        request_id: facts.requestId,
        plan: facts.plan,
        workspace_id: facts.workspaceId,
        customer_impact: facts.impact,
      },
    },
    client: 'Casebook',
    client_url: facts.ticketUrl,
    ...(links.length > 0 ? { links } : {}),
  };
  return { ok: true, event };
}
