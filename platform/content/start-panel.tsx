/**
 * The helpdesk content scripts' lifecycle: decide from the URL whether a
 * ticket is open, keep `<casebook-panel data-helpdesk data-ticket-id>` on the
 * page exactly while one is, and follow the single-page app's navigation.
 *
 * - Top frame only: sidebar apps and other iframes mention other tickets.
 * - The panel appears from the URL at once; metadata fills in when the
 *   ticket's DOM renders (`watchTicket`, a MutationObserver, never polling).
 * - One AbortController per ticket view, aborted on navigation and when the
 *   extension context goes away (update, uninstall, a newer copy injected).
 */
import { createRoot, type Root } from 'react-dom/client';
import { browser, createShadowRootUi, type ContentScriptContext } from '#imports';
import type { HelpdeskAdapter, TicketRef } from '../../lib/adapters/types';
import { acceptTrustedEventsOnly } from '../../components/panel/trusted-events';
import { PanelContainer } from './PanelContainer';
import { createPanelStore } from './panel-store';
import { isNoticeTabMessage, isTabMessage, type PanelStatus } from './tab-messages';
import { apiStrategy } from '../../lib/adapters/agent-api';
import { readAgentApi } from './agent-api';
import { healthReporter } from './health-report';
import { parseTicketFor } from './ticket-url';
import { ticketFromRef, watchTicket } from './ticket-watcher';
import { createPanelSettings } from './panel-settings';

export const PANEL_TAG = 'casebook-panel';
/** Above the helpdesks' own overlays (Zendesk modals use ~2000, Intercom ~10000). */
const Z_INDEX = 2_147_483_000;

export async function startPanel(
  ctx: ContentScriptContext,
  adapter: HelpdeskAdapter,
): Promise<void> {
  if (window.top !== window) return;
  // A copy of this script from before an update may have left its panel
  // behind (WXT has already told that copy to stop): this copy owns the page.
  for (const stale of Array.from(document.querySelectorAll(PANEL_TAG))) stale.remove();

  const store = createPanelStore();
  // No answer from the background: show the panel; it reports the connection itself.
  const settingsSource = createPanelSettings((error) =>
    console.warn(`[casebook:${adapter.id}] could not read settings`, error),
  );
  ctx.onInvalidated(() => settingsSource.stop());
  const enabled = settingsSource.first.then(
    (loaded) => loaded?.settings.helpdesks[adapter.id].enabled ?? true,
  );
  const ui = await createShadowRootUi<Root>(ctx, {
    name: PANEL_TAG,
    position: 'overlay',
    zIndex: Z_INDEX,
    // Outside <body>: the docked layout narrows and transforms <body>
    // (dock-layout.ts), and the panel must stay fixed to the viewport.
    anchor: 'html',
    append: 'last',
    mode: 'open',
    // Typing in the panel must never trigger the helpdesk's own shortcuts.
    isolateEvents: true,
    onMount(container, shadow) {
      // Page scripts can reach the open shadow root: only the agent's own events act.
      acceptTrustedEventsOnly(shadow);
      const root = createRoot(container);
      root.render(
        <PanelContainer
          adapter={adapter}
          store={store}
          settingsSource={settingsSource}
          enabled={enabled}
        />,
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  if (ctx.isInvalid) return;

  let view: { ref: TicketRef; controller: AbortController } | undefined;

  const close = () => {
    view?.controller.abort();
    view = undefined;
  };

  const show = (ref: TicketRef) => {
    const host = ui.shadowHost;
    if (!host.isConnected) ui.mount();
    host.setAttribute('data-helpdesk', ref.helpdesk);
    host.setAttribute('data-ticket-id', ref.ticketId);
    host.removeAttribute('data-ticket-found');
  };

  const hide = () => {
    store.set(null);
    if (ui.shadowHost.isConnected) ui.remove();
  };

  const route = (url: URL) => {
    if (ctx.isInvalid || disabled) return;
    let ref: TicketRef | null;
    try {
      ref = parseTicketFor(adapter, url);
    } catch (error) {
      console.error(`[casebook:${adapter.id}] cannot parse ${url.href}`, error);
      ref = null;
    }
    // Same ticket, other URL (a comment anchor, a list filter): same view.
    if (ref && view && view.ref.ticketId === ref.ticketId) return;
    close();
    if (!ref) {
      hide();
      return;
    }
    const controller = new AbortController();
    const current = { ref, controller };
    view = current;
    let root: Element | null = null;
    const health = healthReporter(adapter, controller.signal);
    // The helpdesk's own agent API (same origin, the agent's session), where it has one.
    const api = adapter.api
      ? readAgentApi(adapter.api, ref, location.origin, controller.signal).then((outcome) => {
          health.api(outcome.state);
          return apiStrategy(outcome.reads);
        })
      : undefined;
    // The host's attributes first: they are the contract, the view follows.
    show(ref);
    store.set({
      ref,
      snapshot: { ticket: ticketFromRef(ref), missing: [], found: false },
      root: null,
    });
    watchTicket(
      document,
      adapter,
      ref,
      controller.signal,
      (snapshot) => {
        health.snapshot(snapshot);
        if (view !== current) return;
        // Says the ticket's DOM was found (tests wait for it before measuring the page).
        ui.shadowHost.toggleAttribute('data-ticket-found', snapshot.found);
        store.set({ ref, snapshot, root });
      },
      {
        onRoot(found) {
          root = found;
        },
        ...(api ? { before: api } : {}),
      },
    );
  };

  // The panel does not wait for the background: it shows from the URL at
  // once, and the container opens the run only once the settings confirm the
  // helpdesk is on. Turned off: leave the page as it was.
  let disabled = false;
  void enabled.then((on) => {
    if (on || ctx.isInvalid) return;
    disabled = true;
    close();
    hide();
  });

  ctx.onInvalidated(close);
  // WXT's location watcher reports pushState/replaceState navigations (the
  // Navigation API, where the browser has it); popstate covers back/forward
  // wherever it does not. The event carries the new URL: during the
  // Navigation API's `navigate` event `location` still holds the old one.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => route(new URL(event.newUrl.href)));
  ctx.addEventListener(window, 'popstate', () => route(new URL(location.href)));

  route(new URL(location.href));

  // Registered once the first route is decided, so an answer to `panel.ping`
  // (the install-time injector, tests) reflects what the page shows. Answered
  // with sendResponse, at once: content scripts use the browser's own API
  // (see wxt.config.ts), and Chrome's ignores a Promise returned by a listener.
  const onMessage = (
    message: unknown,
    _sender: unknown,
    sendResponse: (status: PanelStatus) => void,
  ): undefined => {
    // What the file guard (platform/har/bridge.ts) did with a file, in any frame of this tab.
    if (isNoticeTabMessage(message)) {
      store.notify(message.notice);
      sendResponse({ helpdesk: adapter.id, ticketId: view?.ref.ticketId ?? null });
      return undefined;
    }
    if (!isTabMessage(message)) return undefined;
    if (message.type === 'panel.toggle') store.command('toggle');
    if (message.type === 'panel.show') store.command('show');
    sendResponse({ helpdesk: adapter.id, ticketId: view?.ref.ticketId ?? null });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
