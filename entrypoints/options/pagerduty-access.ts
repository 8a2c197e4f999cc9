/**
 * The PagerDuty endpoint's optional host permission, asked for when the
 * routing key or the endpoint is saved. Browsers only show the prompt during
 * a user gesture, so the request goes out before anything is awaited.
 */
import { browser } from '#imports';
import type { SaveResult } from '../../components/options/common';
import { originPattern, pagerDutyAccessRefused } from '../../lib/settings/pagerduty-access';

/**
 * Request access to `endpoint`'s origin (none for loopback; none when
 * `endpoint` is undefined), then run `save`. Call it synchronously from the
 * click handler. A refusal does not undo the save: the result says what
 * paging will report until access is granted.
 */
export async function saveWithPagerDutyAccess(
  endpoint: string | undefined,
  save: () => Promise<SaveResult>,
): Promise<SaveResult> {
  const pattern = endpoint === undefined ? undefined : originPattern(endpoint);
  const granted = pattern
    ? browser.permissions.request({ origins: [pattern] }).catch((error: unknown) => {
        console.warn('[casebook] permission request failed', error);
        return false;
      })
    : Promise.resolve(true);
  const result = await save();
  if (!result.ok || endpoint === undefined || (await granted)) return result;
  return { ok: true, message: `${result.message ?? 'Saved.'} ${pagerDutyAccessRefused(endpoint)}` };
}
