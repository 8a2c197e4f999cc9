/**
 * The optional host permission the PagerDuty endpoint needs. The options
 * page requests it when the routing key or the endpoint is saved; the
 * background checks the same pattern before it pages. Pure: no browser API.
 */

/**
 * A local stub (tests): nothing leaves the machine, so no permission is asked.
 * Takes the endpoint as stored (settings trim it); no trimming of its own, so
 * nothing but an exact loopback URL passes.
 */
export function isLoopbackEndpoint(endpoint: string): boolean {
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

/**
 * The origin pattern to request for `endpoint`, e.g.
 * `https://events.pagerduty.com/v2/enqueue` → `https://events.pagerduty.com/*`;
 * undefined for a loopback endpoint (no permission needed) or one that is
 * not an https URL (the settings refuse it).
 */
export function originPattern(endpoint: string): string | undefined {
  if (isLoopbackEndpoint(endpoint.trim())) return undefined;
  try {
    const url = new URL(endpoint.trim());
    return url.protocol === 'https:' && url.hostname ? `https://${url.hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the options page says when the user refuses the permission. It
 * quotes the background's own refusal, so the agent recognizes it when paging.
 */
export function pagerDutyAccessRefused(endpoint: string): string {
  const pattern = originPattern(endpoint) ?? endpoint;
  let host = endpoint;
  try {
    host = new URL(endpoint.trim()).host;
  } catch {
    // Keep the endpoint as typed.
  }
  return `Access to ${pattern} was not granted, so paging will stop with “Casebook may not reach ${host} yet”. Save the routing key again and allow access.`;
}
