import { defineConfig } from 'wxt';

// Helpdesk hosts the content scripts are declared for. Host-mapped Zendesk
// brand domains are added at run time through optional host permissions.
export const HELPDESK_HOSTS = [
  'https://*.zendesk.com/*',
  'https://app.intercom.com/*',
  'https://app.eu.intercom.com/*',
  'https://app.au.intercom.com/*',
  'https://secure.helpscout.net/*',
];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  // Firefox too (128+): optional host permissions for mapped Zendesk domains
  // and PagerDuty, and main-world content scripts, exist there only in MV3.
  manifestVersion: 3,
  hooks: {
    // The helpdesk content scripts use the browsers' own promise-based API
    // (Chrome MV3's `chrome`, Firefox's `browser`) instead of the
    // webextension polyfill the module installs for every other entrypoint:
    // every ticket page loads them, and the polyfill is 2.7 KB gzip of their
    // 100 KB budget. The one API they use whose shape differs without it is
    // runtime.onMessage, whose listener answers with sendResponse
    // (platform/content/start-panel.tsx).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      config.resolve ??= {};
      const current = config.resolve.alias ?? [];
      const others = Array.isArray(current)
        ? current
        : Object.entries(current).map(([find, replacement]) => ({ find, replacement }));
      config.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
        // The panel's React code runs on Preact's compat layer on the page: it
        // is ~4 KB gzip where react-dom is ~60 KB of the content scripts'
        // budget. Extension pages (options, popup, report) keep React.
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react$/, replacement: 'preact/compat' },
        ...others.filter((a) => a.find !== 'wxt/browser'),
      ];
    },
    // Host-mapped Zendesk brand domains are only known at run time, and the
    // content script registered for them still loads its stylesheet and the
    // HAR sanitizer page from the extension: those two files (and only them)
    // must be reachable from any https page the user maps.
    'build:manifestGenerated': (_wxt, manifest) => {
      // Firefox MV2 rejects Chrome's `match_origin_as_fallback`; about:blank and
      // srcdoc frames are covered there by `match_about_blank`.
      if (manifest.manifest_version !== 3)
        for (const cs of manifest.content_scripts ?? [])
          delete (cs as { match_origin_as_fallback?: boolean }).match_origin_as_fallback;
      if (manifest.manifest_version !== 3) return;
      manifest.web_accessible_resources ??= [];
      // Chrome cannot add web-accessible origins at run time, so the sanitizer is
      // reachable from any https page, but only under a per-session dynamic URL
      // (no site can probe for it) and it serves only sessions the background
      // opened for Casebook's own content script (platform/har/sanitizer-client.ts).
      (
        manifest.web_accessible_resources as {
          resources: string[];
          matches: string[];
          use_dynamic_url?: boolean;
        }[]
      ).push(
        { resources: ['content-scripts/zendesk.css'], matches: ['https://*/*'] },
        { resources: ['har-sanitizer.html'], matches: ['https://*/*'], use_dynamic_url: true },
      );
    },
  },
  manifest: ({ browser }) => ({
    name: 'Casebook',
    description:
      "Runs your support team's ticket workflow as a step panel on Zendesk, Intercom and Help Scout tickets.",
    // What each is for: README "Permissions". No `tabs` (tab URLs are read
    // only on helpdesk and mapped hosts, which the host permissions cover) and
    // no `clipboardWrite` (copies happen on the agent's click).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting'],
    host_permissions: HELPDESK_HOSTS,
    // Brand domains for Zendesk host mapping and the integrations the user
    // configures (PagerDuty, …) are requested one origin at a time.
    optional_host_permissions: ['https://*/*'],
    // The hidden page that sanitizes HAR files off the helpdesk page's thread:
    // only under a per-session URL (Chrome), so no site can detect or frame it.
    web_accessible_resources: [
      { resources: ['har-sanitizer.html'], matches: HELPDESK_HOSTS, use_dynamic_url: true },
    ],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Show or hide the Casebook panel',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'casebook@casebook.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions exists from Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
