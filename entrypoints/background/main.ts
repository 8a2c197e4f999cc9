/**
 * Wires the background together and registers its listeners. Kept apart
 * from `index.ts` (the WXT entrypoint) so tests can start a whole background
 * against the fake browser.
 */
import { browser } from '#imports';
import { registerPageRetries } from './actions';
import { createClocks, runIdOfNotification, type Clocks } from './clocks';
import { CasebookDB } from './db/db';
import { createEffects } from './effects';
import { createHandlers } from './handlers';
import type { HandlerContext } from './handlers/context';
import { focusRunTab } from './handlers/runs';
import { registerRetention } from './retention';
import { createRouter } from './router';
import { registerSettingsLifecycle } from './settings/handlers';
import { readSettings } from './settings/store';
import { createSyncHub, type SyncHub } from './sync';
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
  /** Settles when the start-up clock re-sync (and retention pass, if due) has run. */
  ready: Promise<void>;
}

export function startBackground(options: { db?: CasebookDB; now?: () => number } = {}): Background {
  const db = options.db ?? new CasebookDB();
  const now = options.now ?? Date.now;
  const hub = createSyncHub((topic, sender) => maySubscribe(topic, sender, trustDeps(db)));
  const clocks = createClocks(db, now);
  const effects = createEffects(hub, clocks);
  const publish: SyncHub['publish'] = (message) => hub.publish(message);
  const trust = trustDeps(db);
  const route = createRouter(
    createHandlers({ db, now, publish }),
    (sender: HandlerContext['sender']): HandlerContext => ({ db, now, sender, effects }),
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
  registerSettingsLifecycle(publish);
  // PagerDuty retries: their own alarms, their state in run events.
  registerPageRetries(db, effects, now);
  // Closed runs past the retention period: a daily alarm.
  const retention = registerRetention(db, effects, { now });

  // Alarms do not survive every browser restart (Firefox drops them) and a
  // moment may have come due while the worker was stopped: re-sync from the DB.
  const clocksReady = clocks.tick().catch((error: unknown) => {
    console.error('[casebook] clock re-sync failed', error);
  });
  const ready = Promise.all([clocksReady, retention.ready]).then(() => undefined);
  return { db, hub, clocks, ready };
}
