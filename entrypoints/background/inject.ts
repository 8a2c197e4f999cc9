/**
 * Chrome does not inject manifest content scripts into tabs that were open
 * before the extension was installed or updated (Zendesk-Link-Collector PR
 * #84): an agent who installs Casebook next to ten open tickets would see no
 * panel until reloading each. On install/update, inject the helpdesk content
 * scripts (and host-mapped brand domains registered at run time) into the
 * matching open tabs, top frame only.
 *
 * A tab whose content script is alive answers `panel.ping`; it is left
 * alone, so a tab that loaded during the install is not injected twice.
 * Firefox injects manifest content scripts into open tabs by itself.
 */
import { browser } from '#imports';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { PanelStatus } from '../../platform/content/tab-messages';

interface ScriptSpec {
  matches: string[];
  js: string[];
  css: string[];
}

export function registerInjectOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    if (import.meta.env.FIREFOX) return;
    void injectIntoOpenTabs().catch((error: unknown) => {
      console.error('[casebook] injecting into open helpdesk tabs failed', error);
    });
  });
}

async function scriptSpecs(): Promise<ScriptSpec[]> {
  const specs: ScriptSpec[] = (browser.runtime.getManifest().content_scripts ?? []).map((cs) => ({
    matches: cs.matches ?? [],
    js: cs.js ?? [],
    css: cs.css ?? [],
  }));
  // Host-mapped brand domains: content scripts registered at run time.
  const registered = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  for (const cs of registered) {
    specs.push({ matches: cs.matches ?? [], js: cs.js ?? [], css: cs.css ?? [] });
  }
  // The HAR file guard must run before the page's own scripts: injected into a
  // page that already runs, it would guard nothing (it starts on the next load).
  return specs.filter(
    (s) =>
      s.matches.length > 0 && s.js.length > 0 && !s.js.some((f) => /har-(guard|bridge)/.test(f)),
  );
}

async function hasLiveContentScript(tabId: number): Promise<boolean> {
  try {
    const status = (await browser.tabs.sendMessage(tabId, { type: 'panel.ping' })) as
      PanelStatus | undefined;
    return status !== undefined;
  } catch {
    // "Could not establish connection": no live script (an orphan from the
    // previous version cannot receive messages from this one).
    return false;
  }
}

/** Returns the ids of the tabs injected into. */
export async function injectIntoOpenTabs(): Promise<number[]> {
  const injected: number[] = [];
  for (const spec of await scriptSpecs()) {
    const tabs = await browser.tabs.query({ url: spec.matches });
    for (const tab of tabs) {
      const tabId = tab.id;
      if (tabId === undefined || injected.includes(tabId) || tab.discarded) continue;
      if (await hasLiveContentScript(tabId)) continue;
      try {
        if (spec.css.length)
          await browser.scripting.insertCSS({ target: { tabId }, files: spec.css });
        // Built file names from the manifest (or a run-time registration).
        await browser.scripting.executeScript({
          target: { tabId },
          files: spec.js as ScriptPublicPath[],
        });
        injected.push(tabId);
      } catch (error) {
        // One tab (an error page, a tab closing meanwhile) must not stop the rest.
        console.warn(
          `[casebook] could not inject into tab ${tabId} (${tab.url ?? 'unknown URL'})`,
          error,
        );
      }
    }
  }
  return injected;
}
