/**
 * What follows a committed change: views are told over their ports and the
 * clock alarm and badge are recomputed from the database. Failures here are
 * logged, never thrown back: the change itself has already committed.
 *
 * A run's push carries everything its views show (run, view and extras), so
 * no view asks again after a change. Working out the extras is async: the
 * pushes of one run are chained so they leave in the order of its changes.
 */
import type { Clocks } from './clocks';
import type { Effects } from './handlers/context';
import type { RunExtrasOf } from './run-extras';
import type { ServerPortMessage } from '../../lib/messaging/sync';
import type { SyncHub } from './sync';

function logFailure(what: string) {
  return (error: unknown) => console.error(`[casebook] ${what} failed`, error);
}

export interface PushSources {
  /** A run's extras (drafts, paging, team). */
  extrasOf?: RunExtrasOf;
  /** The open-runs list a push carries (the first page, with counts). */
  openRuns?: () => Promise<OpenRunsList>;
}

type OpenRunsList = NonNullable<Extract<ServerPortMessage, { type: 'open-runs-changed' }>['list']>;

export function createEffects(
  hub: Pick<SyncHub, 'publish' | 'subscriberCount'>,
  clocks: Pick<Clocks, 'refresh'>,
  { extrasOf, openRuns }: PushSources = {},
): Effects {
  const runPushes = new Map<string, Promise<void>>();
  let listPush = Promise.resolve();
  // Pushes of the list leave in order, each with the list as it is when it is read.
  const openRunsChanged = () => {
    listPush = listPush.then(async () => {
      const list =
        openRuns && hub.subscriberCount('open-runs') > 0
          ? await openRuns().catch((error: unknown) => {
              logFailure('reading the open runs')(error);
              return undefined;
            })
          : undefined;
      publish({ type: 'open-runs-changed', ...(list ? { list } : {}) });
    });
  };
  const publish: SyncHub['publish'] = (message, except) => {
    try {
      hub.publish(message, except);
    } catch (error) {
      logFailure(`pushing ${message.type}`)(error);
    }
  };
  return {
    runChanged({ run, view, template }, answered) {
      const previous = runPushes.get(run.id) ?? Promise.resolve();
      const push = previous.then(async () => {
        // Nobody follows the run (a team change, a retry alarm): nothing to work out.
        const followed = hub.subscriberCount(`run:${run.id}`) > 0;
        const extras = answered
          ? answered.extras
          : followed && extrasOf
            ? await extrasOf(run, template)
            : undefined;
        publish(
          { type: 'run-changed', run, view, ...(extras ? { extras } : {}) },
          answered?.requester,
        );
      });
      runPushes.set(run.id, push);
      void push.finally(() => {
        if (runPushes.get(run.id) === push) runPushes.delete(run.id);
      });
      openRunsChanged();
      clocks.refresh().catch(logFailure('rescheduling clocks'));
    },
    runsRemoved(runIds) {
      for (const runId of runIds) publish({ type: 'run-removed', runId });
      openRunsChanged();
      clocks.refresh().catch(logFailure('rescheduling clocks'));
    },
    settingsChanged() {
      publish({ type: 'settings-changed' });
    },
  };
}
