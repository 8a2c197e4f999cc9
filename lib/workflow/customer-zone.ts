/**
 * The customer's time zone as the run knows it: named by the caller (the
 * page, when it shows one), else the zone of the times entered in the
 * customer's own words ("when it happened", "when you will see the fix").
 * Undefined when none of them names a zone this runtime knows: messages then
 * write times in UTC and say so.
 */
import { knownZone } from '../time/customer-time';
import { CUSTOMER_TIME_ROLES, valueByRole } from './roles';
import type { Run, WorkflowTemplate } from './schema';

export function customerTimeZone(
  template: WorkflowTemplate,
  run: Run,
  fromPage?: string,
): string | undefined {
  const named = knownZone(fromPage?.trim());
  if (named) return named;
  for (const role of CUSTOMER_TIME_ROLES) {
    const value = valueByRole(template, run, role);
    if (value && typeof value === 'object' && !Array.isArray(value) && 'timeZone' in value) {
      const zone = knownZone(value.timeZone);
      if (zone) return zone;
    }
  }
  return undefined;
}
