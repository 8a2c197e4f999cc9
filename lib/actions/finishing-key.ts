/**
 * How `ActionDrafts.finishing` names an action that finishes its step. Its
 * own module so the panel reads the keys without the drafting code (which
 * stays out of the helpdesk content scripts).
 */
import type { StatusPageState } from '../workflow/schema';

/** `insert-eta-update`; a status-page post with its state: `status-page-update:resolved`. */
export function finishingKey(action: string, state?: StatusPageState): string {
  return state ? `${action}:${state}` : action;
}
