/**
 * The background worker's composition root. It is the single writer of the
 * database; every listener is registered synchronously at start so an MV3
 * worker woken by an event receives it. No authoritative state lives here.
 */
import { browser, defineBackground } from '#imports';
import { createClocks, runIdOfNotification } from './clocks';
import { CasebookDB } from './db/db';
import { focusRunTab } from './handlers/runs';
import { createEffects } from './effects';
import { createHandlers } from './handlers';
import type { HandlerContext } from './handlers/context';
import { createRouter } from './router';
import { registerSettingsLifecycle } from './settings/handlers';
import { createSyncHub } from './sync';

export default defineBackground(() => {
  const db = new CasebookDB();
  const hub = createSyncHub();
  const clocks = createClocks(db);
  const effects = createEffects(hub, clocks);
  const handlers = createHandlers({
    db,
    now: Date.now,
    publish: (message) => hub.publish(message),
  });
  const route = createRouter(handlers, (sender: HandlerContext['sender']): HandlerContext => ({
    db,
    now: Date.now,
    sender,
    effects,
  }));

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

  registerSettingsLifecycle((message) => hub.publish(message));

  // Alarms do not survive every browser restart (Firefox drops them) and a
  // notice may have come due while the worker was stopped: re-sync from the DB.
  clocks.tick().catch((error: unknown) => {
    console.error('[casebook] clock re-sync failed', error);
  });
});
