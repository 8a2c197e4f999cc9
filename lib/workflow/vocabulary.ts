/**
 * The workflow's fixed vocabulary as plain constants, without zod: the
 * helpdesk content scripts need these names at run time, and zod (with the
 * schemas built on it) stays out of the bundle every ticket page loads.
 * `schema/base.ts` builds its enums from these; `schema.ts` re-exports them.
 */

export const HELPDESKS = ['zendesk', 'intercom', 'helpscout'] as const;
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const PLAN_TIERS = ['enterprise', 'paid', 'trial', 'free'] as const;
export const STATUS_PAGE_STATES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
] as const;
/** Stored status. "not applicable" is derived from conditions, never stored. */
export const STEP_STATUSES = ['pending', 'done', 'skipped'] as const;

/** `${helpdesk}:${ticketId}` — one run per ticket. */
export function runIdFor(helpdesk: (typeof HELPDESKS)[number], ticketId: string): string {
  return `${helpdesk}:${ticketId}`;
}
