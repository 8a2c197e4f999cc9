/**
 * The file guard in the helpdesk page's own world (platform/har/guard-main.ts),
 * at document_start in every frame, before any script of the page.
 */
import { defineContentScript } from '#imports';
import { HELPDESK_MATCHES } from '../../platform/har/guard-hosts';
import { installFileGuard } from '../../platform/har/guard-main';

export default defineContentScript({
  matches: HELPDESK_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    installFileGuard(window);
  },
});
