/**
 * The panel's team line. The run's sharing and conflicts come with the run
 * (its extras, pushed on every change); who else has it open changes without
 * a run change, so that alone is asked for every few seconds, and only while
 * the run is shared (team mode off: no requests at all).
 */
import { useEffect, useState } from 'react';
import type { TeamRunStatusData } from '../../lib/messaging/team';
import { send } from '../messaging/content-client';

const PRESENCE_POLL_MS = 3_000;

export function useTeamStatus(
  runId: string | undefined,
  pushed: TeamRunStatusData | undefined,
): TeamRunStatusData | undefined {
  const [polled, setPolled] = useState<{ from: TeamRunStatusData; status: TeamRunStatusData }>();
  const shared = pushed?.shared ?? false;
  useEffect(() => {
    if (!runId || !pushed || !shared) return;
    let live = true;
    const timer = setInterval(() => {
      send({ type: 'team.runStatus', runId }).then(
        (status) => {
          if (live) setPolled({ from: pushed, status });
        },
        () => undefined,
      );
    }, PRESENCE_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [runId, pushed, shared]);
  // A poll answered since the last push is newer; a new push replaces it.
  return polled && polled.from === pushed ? polled.status : pushed;
}
