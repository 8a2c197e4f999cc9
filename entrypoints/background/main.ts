/**
 * Wires the background together and registers its listeners. Kept apart
 * from `index.ts` (the WXT entrypoint) so tests can start a whole background
 * against the fake browser.
 */
import { browser } from '#imports';
import { SLA_ACTOR } from '../../lib/sla/transitions';
import { pageServiceFor, registerPageRetries } from './actions';
import { createClocks, runIdOfNotification, type Clocks } from './clocks';
import { CasebookDB } from './db/db';
import { countOpenRuns, listOpenRuns } from './db/repo/open-runs';
import { OPEN_RUNS_PAGE } from '../../lib/messaging/runs';
import { createEffects } from './effects';
import { createHandlers } from './handlers';
import type { HandlerContext } from './handlers/context';
import { focusRunTab } from './handlers/runs';
import { registerRetention } from './retention';
import { createRunExtras, type RunExtrasOf } from './run-extras';
import { createRouter } from './router';
import { registerSettingsLifecycle } from './settings/handlers';
import { readSettings } from './settings/store';
import { createSyncHub, type SyncHub } from './sync';
import { registerTeamSync } from './team/register';
import type { TeamSync } from './team/sync';
import { authorizeRequest, maySubscribe, type TrustDeps } from './trust';

/** What the trust boundary reads: who we are, mapped hosts, attachments' runs, tabs' URLs. */
function trustDeps(db: CasebookDB): TrustDeps {
  return {
    self: { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') },
    mappedHosts: async () => (await readSettings()).zendeskHostMappings,
    runOfAttachment: async (id) => (await db.attachments.get(id))?.runId,
    currentTabUrl: async (tabId) => {
      try {
        return (await browser.tabs.get(tabId)).url;
      } catch {
        return undefined; // the tab is gone
      }
    },
  };
}

export interface Background {
  db: CasebookDB;
  hub: SyncHub;
  clocks: Clocks;
  team: TeamSync;
  /** Settles when the start-up clock re-sync (and retention pass, if due) has run. */
  ready: Promise<void>;
}

export function startBackground(options: { db?: CasebookDB; now?: () => number } = {}): Background {
  const db = options.db ?? new CasebookDB();
  // Read through Date.now at each call (not a saved reference), so the e2e
  // tests can move the worker's clock the way page.clock moves the page's.
  const now = options.now ?? (() => Date.now());
  const hub = createSyncHub((topic, sender) => maySubscribe(topic, sender, trustDeps(db)));
  const clocks = createClocks(db, now, {
    repage: (runId) =>
      pageServiceFor(db, effects, now).page({ runId, actor: SLA_ACTOR, repage: true }),
  });
  // The extras need the team and the paging service, which need the effects: bound late.
  let extrasOf: RunExtrasOf = async () => undefined;
  const local = createEffects(hub, clocks, {
    extrasOf: (run, template) => extrasOf(run, template),
    openRuns: async () => {
      const page = await listOpenRuns(db, now(), { limit: OPEN_RUNS_PAGE });
      return { items: page.items, counts: page.counts ?? (await countOpenRuns(db, now())) };
    },
  });
  // Team mode: team events refold runs (views are told); every local change is pushed.
  const team = registerTeamSync(db, now, local, hub);
  const effects: typeof local = {
    ...local,
    runChanged(change, answered) {
      local.runChanged(change, answered);
      team.changed();
    },
  };
  extrasOf = createRunExtras(() => pageServiceFor(db, effects, now), team);
  const publish: SyncHub['publish'] = (message) => hub.publish(message);
  const trust = trustDeps(db);
  const route = createRouter(
    createHandlers({ db, now, publish, team }),
    (sender: HandlerContext['sender']): HandlerContext => ({
      db,
      now,
      sender,
      effects,
      extras: extrasOf,
    }),
    (request, sender) => authorizeRequest(request, sender, trust),
  );

  // Every listener is registered synchronously: an MV3 worker woken by an
  // event only receives it if its listener exists after the first turn.
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  browser.runtime.onConnect.addListener((port) => hub.attach(port));
  browser.alarms.onAlarm.addListener((alarm) => {
    clocks.onAlarm(alarm).catch((error: unknown) => {
      console.error('[casebook] clock tick failed', error);
    });
  });
  browser.notifications.onClicked.addListener((notificationId) => {
    const runId = runIdOfNotification(notificationId);
    if (!runId) return;
    focusRunTab(db, runId).catch((error: unknown) => {
      console.error('[casebook] focusing the ticket failed', error);
    });
  });
  registerSettingsLifecycle(publish, now);
  // PagerDuty retries: their own alarms, their state in run events.
  registerPageRetries(db, effects, now);
  // Closed runs past the retention period: a daily alarm.
  const retention = registerRetention(db, effects, { now });

  // Alarms do not survive every browser restart (Firefox drops them) and a
  // moment may have come due while the worker was stopped: re-sync from the DB.
  const clocksReady = clocks.tick().catch((error: unknown) => {
    console.error('[casebook] clock re-sync failed', error);
  });
  const ready = Promise.all([clocksReady, retention.ready, team.ready]).then(() => undefined);
  return { db, hub, clocks, team, ready };
}
