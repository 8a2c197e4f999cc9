/**
 * Casebook's side of the file guard (platform/har/bridge.ts), in the
 * isolated world of every frame, at document_start like the guard.
 */
import { browser, defineContentScript } from '#imports';
import { isHarCancelTabMessage } from '../../platform/content/tab-messages';
import { readSettingsForBridge, relayNotice, startBridge } from '../../platform/har/bridge';
import { HELPDESK_MATCHES } from '../../platform/har/guard-hosts';

export default defineContentScript({
  matches: HELPDESK_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    const bridge = startBridge(document, { notify: relayNotice, settings: readSettingsForBridge });
    // The panel's Cancel reaches every frame of the tab; the frame running the job answers.
    browser.runtime.onMessage.addListener(
      (message: unknown, _sender: unknown, sendResponse: (cancelled: boolean) => void) => {
        if (isHarCancelTabMessage(message) && bridge.cancel(message.job)) sendResponse(true);
        return undefined;
      },
    );
  },
});
