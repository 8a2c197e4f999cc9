/** Shared pieces of the step actions: one runner per control, its outcome, refusals, the agent's clock. */
import { useState } from 'react';
import { errorMessage } from '../../../lib/errors';
import { agentTimeZone } from '../clock-format';

/** One async action at a time per control, with its outcome shown next to it. */
export function useRunner() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const run = async (task: () => Promise<string | void>) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const message = await task();
      if (message) setDone(message);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

export function Outcome({ error, done }: { error?: string; done?: string }) {
  return (
    <>
      {error ? (
        <p className="cb-action-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="cb-action-done" role="status">
          {done}
        </p>
      ) : null}
    </>
  );
}

export function Refusal({ reason }: { reason: string }) {
  return (
    <p className="cb-action-refusal" role="status">
      {reason}
    </p>
  );
}

/** The agent's own clock, with its zone named ("18:10 EST"): what they read the time by. */
export function hhmm(t: number, timeZone: string = agentTimeZone()): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(t);
}
