/** Help Scout: the panel on `https://secure.helpscout.net/conversation/<id>/<number>`. */
import { defineContentScript } from '#imports';
import { helpscout } from '../../lib/adapters/helpscout';
import { startPanel } from '../../platform/content/start-panel';

export default defineContentScript({
  matches: helpscout.matches,
  runAt: 'document_idle',
  allFrames: false,
  cssInjectionMode: 'ui',
  main(ctx) {
    void startPanel(ctx, helpscout);
  },
});
