/**
 * The `toggle-panel` keyboard shortcut (manifest `commands`): the background
 * receives it and forwards `panel.toggle` to the active tab, whose helpdesk
 * content script collapses or expands its panel. Tabs without one ignore it.
 */
import { browser } from '#imports';

export function registerPanelCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel') return;
    void toggleIn(tab?.id);
  });
}

async function toggleIn(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (id === undefined) return;
  // No content script in that tab (not a helpdesk page): nothing to toggle.
  await browser.tabs.sendMessage(id, { type: 'panel.toggle' }).catch(() => undefined);
}
