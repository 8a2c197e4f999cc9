/**
 * Casebook's side of the file guard (platform/har/bridge.ts), in the
 * isolated world of every frame, at document_start like the guard.
 */
import { defineContentScript } from '#imports';
import { readSettingsForBridge, relayNotice, startBridge } from '../../platform/har/bridge';
import { HELPDESK_MATCHES } from '../../platform/har/guard-hosts';

export default defineContentScript({
  matches: HELPDESK_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    startBridge(document, { notify: relayNotice, settings: readSettingsForBridge });
  },
});
