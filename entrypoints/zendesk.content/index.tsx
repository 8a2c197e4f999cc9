/** Zendesk Agent Workspace: the panel on `https://*.zendesk.com/agent/tickets/<id>`. */
import { defineContentScript } from '#imports';
import { zendesk } from '../../lib/adapters/zendesk';
import { startPanel } from '../../platform/content/start-panel';

export default defineContentScript({
  matches: zendesk.matches,
  runAt: 'document_idle',
  // Sidebar apps are iframes that mention other tickets: top frame only.
  allFrames: false,
  cssInjectionMode: 'ui',
  main(ctx) {
    void startPanel(ctx, zendesk);
  },
});
