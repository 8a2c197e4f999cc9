import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerPanelCommands } from './commands';
import { injectIntoOpenTabs } from './inject';

interface Tab {
  id: number;
  url: string;
}

/** Tabs open before the install, and which of them still run a live content script. */
function setup(
  tabs: Tab[],
  live: number[],
  registered: { matches: string[]; js: string[] }[] = [],
) {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Casebook',
    version: '1',
    content_scripts: [
      { matches: ['https://*.zendesk.com/agent/*'], js: ['content-scripts/zendesk.js'] },
      {
        matches: ['https://secure.helpscout.net/*'],
        js: ['content-scripts/helpscout.js'],
        css: ['x.css'],
      },
    ],
  });
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue(
    registered.map((r, i) => ({ id: `r${i}`, ...r })),
  );
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (query) => {
    const patterns = ([] as string[]).concat(query.url ?? []);
    const host = (p: string) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    return tabs.filter((t) => patterns.some((p) => host(p).test(t.url))) as never;
  });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
    if (live.includes(tabId)) return { helpdesk: 'zendesk', ticketId: '1' };
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  const executeScript = vi
    .spyOn(fakeBrowser.scripting, 'executeScript')
    .mockImplementation(async (injection) => {
      if ('files' in injection && injection.target.tabId === 13)
        throw new Error('Cannot access an error page');
      return [];
    });
  const insertCSS = vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue(undefined);
  return { executeScript, insertCSS };
}

describe('injectIntoOpenTabs', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('injects the matching content script into open helpdesk tabs, top frame only', async () => {
    const { executeScript } = setup(
      [
        { id: 11, url: 'https://acme.zendesk.com/agent/tickets/4242' },
        { id: 12, url: 'https://example.com/' },
      ],
      [],
    );
    expect(await injectIntoOpenTabs()).toEqual([11]);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 11 },
      files: ['content-scripts/zendesk.js'],
    });
  });

  it('leaves tabs whose content script is alive alone', async () => {
    const { executeScript } = setup(
      [
        { id: 11, url: 'https://acme.zendesk.com/agent/tickets/4242' },
        { id: 14, url: 'https://acme.zendesk.com/agent/tickets/5150' },
      ],
      [14],
    );
    expect(await injectIntoOpenTabs()).toEqual([11]);
    expect(executeScript).not.toHaveBeenCalledWith(
      expect.objectContaining({ target: { tabId: 14 } }),
    );
  });

  it('adds the stylesheet where the script has one, and carries on past a tab that fails', async () => {
    const { executeScript, insertCSS } = setup(
      [
        { id: 13, url: 'https://acme.zendesk.com/agent/tickets/1' },
        { id: 15, url: 'https://secure.helpscout.net/conversation/1/2' },
      ],
      [],
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await injectIntoOpenTabs()).toEqual([15]);
    expect(insertCSS).toHaveBeenCalledWith({ target: { tabId: 15 }, files: ['x.css'] });
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it('also covers host-mapped brand domains registered at run time', async () => {
    const { executeScript } = setup(
      [{ id: 16, url: 'https://support.example.com/agent/tickets/9' }],
      [],
      [{ matches: ['https://support.example.com/*'], js: ['content-scripts/zendesk.js'] }],
    );
    expect(await injectIntoOpenTabs()).toEqual([16]);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 16 },
      files: ['content-scripts/zendesk.js'],
    });
  });
});

describe('registerPanelCommands', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('forwards toggle-panel to the tab it was pressed in, and ignores other commands', async () => {
    let listener: ((command: string, tab?: { id?: number }) => void) | undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((cb) => {
      listener = cb as typeof listener;
    });
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    registerPanelCommands();
    listener!('something-else', { id: 3 });
    listener!('toggle-panel', { id: 7 });
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(1));
    expect(sendMessage).toHaveBeenCalledWith(7, { type: 'panel.toggle' });
  });

  it('does not fail on a tab without a content script', async () => {
    let listener: ((command: string, tab?: { id?: number }) => void) | undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((cb) => {
      listener = cb as typeof listener;
    });
    const sendMessage = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockRejectedValue(new Error('Receiving end does not exist.'));
    registerPanelCommands();
    listener!('toggle-panel', { id: 9 });
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalled());
  });
});
