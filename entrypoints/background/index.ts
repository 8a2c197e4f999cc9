/**
 * The background worker: the single writer of the database. Its parts are
 * wired in `main.ts`; no authoritative state lives in worker memory.
 */
import '../../lib/zod-jitless';
import { defineBackground } from '#imports';
import { registerPanelCommands } from './commands';
import { registerInjectOnInstall } from './inject';
import { startBackground } from './main';

export default defineBackground(() => {
  startBackground();
  // Content-script side: inject into open helpdesk tabs on install/update; the toggle shortcut.
  registerInjectOnInstall();
  registerPanelCommands();
});
