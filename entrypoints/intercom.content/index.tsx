/** Intercom inbox: the panel on conversation URLs of app(.eu|.au).intercom.com. */
import { defineContentScript } from '#imports';
import { intercom } from '../../lib/adapters/intercom';
import { startPanel } from '../../platform/content/start-panel';

export default defineContentScript({
  matches: intercom.matches,
  runAt: 'document_idle',
  allFrames: false,
  cssInjectionMode: 'ui',
  main(ctx) {
    void startPanel(ctx, intercom);
  },
});
