/**
 * The helpdesk origins the file guard runs on, in every frame. Host-mapped
 * Zendesk brand domains get the same scripts registered at run time
 * (entrypoints/background/settings/hosts.ts).
 */
export const HELPDESK_MATCHES = [
  'https://*.zendesk.com/*',
  'https://app.intercom.com/*',
  'https://app.eu.intercom.com/*',
  'https://app.au.intercom.com/*',
  'https://secure.helpscout.net/*',
];
