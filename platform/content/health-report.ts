/**
 * Reports, once per ticket view, which strategy read each fact and how the
 * agent API answered (background `health.record`: daily counters for the
 * options page). Sent when everything was read, when the view ends, or a
 * while after the ticket appeared, whichever comes first. Names only.
 */
import type { HelpdeskAdapter } from '../../lib/adapters/types';
import { send } from '../messaging/content-client';
import type { TicketSnapshot } from './ticket-watcher';

const REPORT_AFTER_MS = 8_000;

export function healthReporter(adapter: HelpdeskAdapter, signal: AbortSignal) {
  let snapshot: TicketSnapshot | undefined;
  let apiState: string | undefined = adapter.api ? undefined : 'none';
  let sent = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const report = () => {
    if (sent || !snapshot?.found) return;
    sent = true;
    clearTimeout(timer);
    const reads: Record<string, string> = { ...(snapshot.sources as Record<string, string>) };
    for (const key of snapshot.missing) reads[key] = 'missing';
    if (adapter.api) reads.api = apiState ?? 'pending';
    void send({ type: 'health.record', helpdesk: adapter.id, reads }).catch(() => undefined);
  };
  const settled = () => apiState !== undefined && snapshot?.found && snapshot.missing.length === 0;
  signal.addEventListener('abort', report, { once: true });

  return {
    snapshot(next: TicketSnapshot) {
      snapshot = next;
      if (next.found && timer === undefined) timer = setTimeout(report, REPORT_AFTER_MS);
      if (settled()) report();
    },
    api(state: string) {
      apiState = state;
      if (settled()) report();
    },
  };
}
