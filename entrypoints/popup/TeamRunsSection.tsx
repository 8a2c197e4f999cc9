/** The popup's team runs (team mode only): asks the background, which asks the team server. */
import { useEffect, useState } from 'react';
import type { TeamRunSummary } from '../../lib/team/protocol';
import { TeamRuns, type TeamRunsScope } from '../../components/popup/TeamRuns';
import { send } from '../../platform/messaging/client';
import { errorMessage } from '../../lib/errors';

export function TeamRunsSection() {
  const [isLead, setIsLead] = useState<boolean | undefined>();
  const [scope, setScope] = useState<TeamRunsScope>('mine');
  const [runs, setRuns] = useState<TeamRunSummary[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    void send({ type: 'team.status' })
      .then((s) => setIsLead(s.state === 'off' ? undefined : s.agent?.role === 'lead'))
      .catch(() => setIsLead(undefined));
  }, []);

  useEffect(() => {
    if (isLead === undefined) return;
    let live = true;
    setRuns(undefined);
    setError(undefined);
    send({ type: 'team.runs', scope: isLead ? scope : 'mine' })
      .then((r) => live && setRuns(r.runs))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [isLead, scope]);

  if (isLead === undefined) return null;
  return (
    <TeamRuns
      isLead={isLead}
      scope={scope}
      runs={runs}
      onScope={setScope}
      {...(error ? { error } : {})}
    />
  );
}
