/** Where the page stands (sending, retrying, accepted, failed), in the agent's own clock. */
import type { PageState } from '../../../lib/actions/pagerduty-delivery';
import { formatUtc } from '../../../lib/time/zoned';
import { useNow } from '../now';
import { hhmm } from './common';

function describePage(
  state: PageState,
  now: number,
): { text: string; tone: 'ok' | 'warn' | 'danger' | 'muted'; at?: number } {
  switch (state.status) {
    case 'idle':
      return { text: 'Not paged yet.', tone: 'muted' };
    case 'sending':
      return {
        text:
          state.attempt > 1 ? `Sending the page (attempt ${state.attempt})…` : 'Sending the page…',
        tone: 'warn',
      };
    case 'retry-scheduled': {
      const mins = Math.max(0, Math.ceil((state.retryAt - now) / 60_000));
      return {
        text: `Page pending — ${state.lastError.message}. Retrying at ${hhmm(state.retryAt)} (in ${mins} min); nothing else to do.`,
        tone: 'warn',
        at: state.retryAt,
      };
    }
    case 'accepted':
      return {
        text: `PagerDuty accepted the page at ${hhmm(state.acceptedAt)} (dedup key ${state.dedupKey}).`,
        tone: 'ok',
        at: state.acceptedAt,
      };
    case 'failed':
      return { text: `The page failed: ${state.error.message}`, tone: 'danger' };
  }
}

export function PageStatus({ state }: { state: PageState }) {
  const d = describePage(state, useNow());
  return (
    <p
      className={`cb-page-status cb-page-status--${d.tone}`}
      role={d.tone === 'danger' ? 'alert' : 'status'}
      data-page-status={state.status}
      title={d.at === undefined ? undefined : formatUtc(d.at)}
    >
      {d.text}
    </p>
  );
}
