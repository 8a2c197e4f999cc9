/**
 * The SLA section of the settings applied to a template's policy: the
 * options page edits minutes in one place, the engine keeps reading them from
 * the policy. Pure; the background decides when to apply it.
 */
import type { Policy } from '../workflow/schema';
import type { SlaSettings } from './schema';

export function applySlaToPolicy(policy: Policy, sla: SlaSettings): Policy {
  return {
    ...policy,
    plans: policy.plans.map((plan) => ({
      ...plan,
      firstResponseMinutes: sla.firstResponseMinutes[plan.id],
    })),
    severities: policy.severities.map((sev) => ({
      ...sev,
      // Only severities that are escalated have an acknowledgement window.
      ...(sev.pageVia !== 'none' || sev.engineeringAckMinutes !== undefined
        ? { engineeringAckMinutes: sla.engineeringAckMinutes[sev.id] }
        : {}),
      // Only severities with a status-page cadence (SEV1) get one.
      ...(sev.statusPageCadenceMinutes !== undefined
        ? { statusPageCadenceMinutes: sla.statusPageCadenceMinutes }
        : {}),
    })),
    reminderLeadMinutes: sla.reminderLeadMinutes,
  };
}

/** The SLA section as the template's policy states it (to show or reset). */
export function slaFromPolicy(policy: Policy, fallback: SlaSettings): SlaSettings {
  const out: SlaSettings = structuredClone(fallback);
  for (const plan of policy.plans) out.firstResponseMinutes[plan.id] = plan.firstResponseMinutes;
  for (const sev of policy.severities) {
    if (sev.engineeringAckMinutes !== undefined)
      out.engineeringAckMinutes[sev.id] = sev.engineeringAckMinutes;
    if (sev.statusPageCadenceMinutes !== undefined)
      out.statusPageCadenceMinutes = sev.statusPageCadenceMinutes;
  }
  out.reminderLeadMinutes = policy.reminderLeadMinutes;
  return out;
}
