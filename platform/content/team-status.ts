/**
 * The panel's team line: asks the background about the run's sharing when
 * the run changes, and every few seconds for who else has it open.
 * Silent when team mode is off (the reply says not shared).
 */
import { useEffect, useState } from 'react';
import type { TeamRunStatusData } from '../../lib/messaging/team';
import { send } from '../messaging/content-client';

const POLL_MS = 3_000;

export function useTeamStatus(
  runId: string | undefined,
  revision: number | undefined,
): TeamRunStatusData | undefined {
  const [status, setStatus] = useState<TeamRunStatusData | undefined>();
  useEffect(() => {
    if (!runId) return;
    let live = true;
    const load = () =>
      send({ type: 'team.runStatus', runId }).then(
        (s) => {
          if (live) setStatus(s);
        },
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [runId, revision]);
  return status;
}
