/**
 * What follows a committed change: views are told over their ports and the
 * clock alarm and badge are recomputed from the database. Failures here are
 * logged, never thrown back: the change itself has already committed.
 */
import type { Clocks } from './clocks';
import type { Effects } from './handlers/context';
import type { SyncHub } from './sync';

function logFailure(what: string) {
  return (error: unknown) => console.error(`[casebook] ${what} failed`, error);
}

export function createEffects(hub: SyncHub, clocks: Pick<Clocks, 'refresh'>): Effects {
  const publish: SyncHub['publish'] = (message) => {
    try {
      hub.publish(message);
    } catch (error) {
      logFailure(`pushing ${message.type}`)(error);
    }
  };
  return {
    runChanged(run, view) {
      publish({ type: 'run-changed', run, view });
      publish({ type: 'open-runs-changed' });
      clocks.refresh().catch(logFailure('rescheduling clocks'));
    },
    runsRemoved(runIds) {
      for (const runId of runIds) publish({ type: 'run-removed', runId });
      publish({ type: 'open-runs-changed' });
      clocks.refresh().catch(logFailure('rescheduling clocks'));
    },
    settingsChanged() {
      publish({ type: 'settings-changed' });
    },
  };
}
