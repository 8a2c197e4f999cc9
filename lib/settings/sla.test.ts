import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../workflow/default-template';
import { defaultSettings, SETTINGS_VERSION, settingsSchema } from './schema';
import { applySlaToPolicy, slaFromPolicy } from './sla';

describe('SLA settings and the template policy', () => {
  it('the default settings agree with the default template', () => {
    expect(slaFromPolicy(DEFAULT_TEMPLATE.policy, defaultSettings().sla)).toEqual(
      defaultSettings().sla,
    );
  });

  it('applies changed minutes to plans, escalated severities and the SEV1 cadence', () => {
    const sla = settingsSchema.parse({
      version: SETTINGS_VERSION,
      sla: {
        firstResponseMinutes: { trial: 480 },
        engineeringAckMinutes: { SEV1: 10, SEV4: 60 },
        statusPageCadenceMinutes: 20,
        reminderLeadMinutes: 5,
      },
    }).sla;
    const policy = applySlaToPolicy(DEFAULT_TEMPLATE.policy, sla);
    expect(policy.plans.find((p) => p.id === 'trial')?.firstResponseMinutes).toBe(480);
    expect(policy.plans.find((p) => p.id === 'paid')?.firstResponseMinutes).toBe(60);
    const sev = (id: string) => policy.severities.find((s) => s.id === id);
    expect(sev('SEV1')?.engineeringAckMinutes).toBe(10);
    expect(sev('SEV1')?.statusPageCadenceMinutes).toBe(20);
    expect(sev('SEV2')?.statusPageCadenceMinutes).toBeUndefined();
    // SEV4 is never paged, so it gets no acknowledgement window.
    expect(sev('SEV4')?.engineeringAckMinutes).toBeUndefined();
    expect(policy.reminderLeadMinutes).toBe(5);
    expect(DEFAULT_TEMPLATE.policy.reminderLeadMinutes).toBe(15);
  });
});
