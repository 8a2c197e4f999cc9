/**
 * Who may send each request type. The background checks every request's
 * sender against this table before any handler runs
 * (entrypoints/background/trust.ts). A content script runs in a page the
 * extension does not control — a compromised helpdesk page can drive it —
 * so it may only touch the ticket its own tab shows; everything that
 * changes how Casebook protects data, or reads data beyond that ticket,
 * comes from an extension page (options, popup).
 *
 * `satisfies Record<RequestType, …>` makes a new request type fail to
 * compile until it is classified here; the unit test walks every type.
 */
import type { RequestType } from './protocol';

export const PRIVILEGES = [
  /** Extension pages only (options, popup). */
  'extension-page',
  /**
   * Also a content script, for the run of the ticket its own tab shows (the
   * background derives the ticket from the tab's URL, never from the message).
   */
  'own-ticket',
  /**
   * Also a content script on a helpdesk page: reads nothing secret (settings
   * are not secrets; secrets travel only masked) or only offers a suggestion.
   */
  'helpdesk-page',
  /**
   * Also a content script in any frame of a helpdesk tab (the HAR file guard
   * runs in every frame, about:blank and srcdoc ones too): reads settings,
   * opens a sanitizer session, shows a notice in the tab's own panel.
   */
  'helpdesk-frame',
  /** Also Casebook's own sanitizer page framed inside a helpdesk page (nothing else it sends is accepted). */
  'sanitizer-frame',
] as const;
export type Privilege = (typeof PRIVILEGES)[number];

export const REQUEST_PRIVILEGE = {
  // A ticket's run: the panel on that ticket reads and changes it.
  'run.open': 'own-ticket',
  'run.get': 'own-ticket',
  'run.events': 'own-ticket',
  'run.mutate': 'own-ticket',
  'run.migrate': 'own-ticket',
  'run.export': 'own-ticket',
  'attachment.put': 'own-ticket',
  'attachment.get': 'own-ticket',
  'action.pageOnCall': 'own-ticket',
  'action.pageStatus': 'own-ticket',
  'action.drafts': 'own-ticket',
  'run.observeConversation': 'own-ticket',
  'team.runStatus': 'own-ticket',
  // Every run at once, or another ticket's tab.
  'runs.listOpen': 'extension-page',
  'runs.countOpen': 'extension-page',
  'tabs.focusRun': 'extension-page',
  'data.exportRuns': 'extension-page',
  'data.exportRunsCsv': 'extension-page',
  'data.wipe': 'extension-page',
  'data.quarantine': 'extension-page',
  // Templates, settings, secrets, host mapping, import/export.
  'template.getActive': 'extension-page',
  'template.list': 'extension-page',
  'template.get': 'extension-page',
  'template.save': 'extension-page',
  'template.reset': 'extension-page',
  'settings.get': 'helpdesk-frame',
  'settings.suggestAgent': 'helpdesk-page',
  'settings.update': 'extension-page',
  'settings.import': 'extension-page',
  'settings.export': 'extension-page',
  'settings.reset': 'extension-page',
  'settings.heldSync': 'extension-page',
  'settings.resolveHeldSync': 'extension-page',
  'secrets.setPagerDutyKey': 'extension-page',
  'secrets.status': 'extension-page',
  'hosts.add': 'extension-page',
  'hosts.remove': 'extension-page',
  // Selector health: a helpdesk page reports its own reads; only a lead reads them back.
  'health.record': 'helpdesk-page',
  'health.get': 'extension-page',
  // Team mode: connecting, the team's runs, publishing and privacy are the lead's pages'.
  'team.status': 'extension-page',
  'team.connect': 'extension-page',
  'team.disconnect': 'extension-page',
  'team.runs': 'extension-page',
  'team.publishTemplate': 'extension-page',
  'team.setPrivacy': 'extension-page',
  // The trends report and run history read every run.
  'report.compute': 'extension-page',
  'report.runs': 'extension-page',
  'report.csv': 'extension-page',
  'runs.history': 'extension-page',
  // The HAR file guard, from any frame of the tab.
  'har.session': 'helpdesk-frame',
  'har.notice': 'helpdesk-frame',
  'har.cancel': 'helpdesk-page',
  'har.claim': 'sanitizer-frame',
  'har.vouch': 'sanitizer-frame',
} as const satisfies Record<RequestType, Privilege>;

export function privilegeOf(type: RequestType): Privilege {
  return REQUEST_PRIVILEGE[type];
}
