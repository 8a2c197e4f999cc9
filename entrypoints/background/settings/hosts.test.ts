import { describe, expect, it, vi } from 'vitest';

vi.mock('#imports', () => ({ browser: {} }));
const { fileGuardScripts, zendeskScriptFiles } = await import('./hosts');

/** The content_scripts of a real build (`.output/chrome-mv3/manifest.json`), in its order. */
const BUILT = {
  content_scripts: [
    {
      matches: ['https://*.zendesk.com/*', 'https://app.intercom.com/*'],
      all_frames: true,
      run_at: 'document_start',
      js: ['content-scripts/har-bridge.js'],
    },
    {
      matches: ['https://*.zendesk.com/*', 'https://app.intercom.com/*'],
      all_frames: true,
      run_at: 'document_start',
      js: ['content-scripts/har-guard.js'],
      world: 'MAIN',
    },
    { matches: ['https://secure.helpscout.net/*'], js: ['content-scripts/helpscout.js'] },
    { matches: ['https://app.intercom.com/a/*'], js: ['content-scripts/intercom.js'] },
    {
      matches: ['https://*.zendesk.com/agent/*'],
      js: ['content-scripts/zendesk.js'],
      css: ['content-scripts/zendesk.css'],
    },
  ],
};

describe('the scripts a mapped Zendesk domain gets', () => {
  it('registers the panel script, not the file guard that also matches *.zendesk.com', () => {
    expect(zendeskScriptFiles(BUILT)).toEqual({
      js: ['content-scripts/zendesk.js'],
      css: ['content-scripts/zendesk.css'],
    });
  });

  it('finds the guard and its bridge', () => {
    expect(fileGuardScripts(BUILT)).toEqual({
      guard: 'content-scripts/har-guard.js',
      bridge: 'content-scripts/har-bridge.js',
    });
  });

  it('finds nothing in a build without a Zendesk panel script', () => {
    expect(zendeskScriptFiles({ content_scripts: BUILT.content_scripts.slice(0, 4) })).toBe(
      undefined,
    );
  });

  it("registers Firefox's full moz-extension:// file URLs as the relative paths scripting takes", () => {
    const origin = 'moz-extension://c53a3fda-0d7a-4259-9ff9-1451ced5ba14/';
    const firefox = {
      content_scripts: BUILT.content_scripts.map((cs) => ({
        ...cs,
        js: cs.js.map((f) => origin + f),
        ...(cs.css ? { css: cs.css.map((f) => origin + f) } : {}),
      })),
    };
    expect(zendeskScriptFiles(firefox)).toEqual(zendeskScriptFiles(BUILT));
    expect(fileGuardScripts(firefox)).toEqual(fileGuardScripts(BUILT));
  });
});
