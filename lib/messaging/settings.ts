/**
 * Requests about settings, local secrets and host-mapped Zendesk domains.
 * Settings live in `storage.sync` (not secret), secrets in the background's IndexedDB
 * and only ever leave the background masked.
 */
import { z } from 'zod';
import {
  hostnameSchema,
  pagerDutyRoutingKeySchema,
  secretStatusSchema,
  settingsSchema,
} from '../settings/schema';
import { helpdeskSchema } from '../workflow/schema';

const problemSchema = z.object({ path: z.string(), message: z.string() });

/** The signed-in agent a helpdesk page showed, offered to prefill the options page. */
export const agentSuggestionSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().max(320).optional(),
  helpdesk: helpdeskSchema,
  at: z.number().int().nonnegative(),
});
export type AgentSuggestion = z.infer<typeof agentSuggestionSchema>;

export const secretsStatusSchema = z.object({ pagerDuty: secretStatusSchema });
export type SecretsStatus = z.infer<typeof secretsStatusSchema>;

export const hostsReplySchema = z.object({
  hosts: z.array(hostnameSchema),
  /** Hosts whose permission is granted and content script registered. */
  active: z.array(hostnameSchema),
});
export type HostsReply = z.infer<typeof hostsReplySchema>;

/** A synced change that weakens protection, held until the lead applies or refuses it. */
export const heldSyncSchema = z.object({
  /** What it weakens (lib/settings/weakening.ts), as an import preview lists it. */
  weakens: z.array(z.string()).min(1),
  /** When this browser received it; names it in `settings.resolveHeldSync`. */
  receivedAt: z.number().int().nonnegative(),
});
export type HeldSync = z.infer<typeof heldSyncSchema>;

export const settingsRequestSchemas = [
  z.object({ type: z.literal('settings.get') }),
  /**
   * Any subset of the sections: nested objects merge, arrays and the tracker
   * replace. The merged result is validated whole; a bad patch changes nothing.
   * Host mappings change through `hosts.add` / `hosts.remove` only.
   */
  z.object({
    type: z.literal('settings.update'),
    patch: z
      .record(z.string(), z.unknown())
      .refine((p) => !('version' in p), 'the settings version cannot be patched')
      .refine(
        (p) => !('zendeskHostMappings' in p),
        'host mappings change through hosts.add / hosts.remove (they need a permission)',
      ),
  }),
  /**
   * A bundle's JSON text; all-or-nothing. When it weakens protection (HAR
   * sanitizing off, allow-list, endpoints, …) nothing is applied unless
   * `confirmWeakening` is set: the reply lists what it would weaken.
   */
  z.object({
    type: z.literal('settings.import'),
    text: z.string().max(5_000_001),
    confirmWeakening: z.boolean().optional(),
  }),
  z.object({ type: z.literal('settings.export') }),
  /** Sent by a content script that read the signed-in agent from the page. */
  z.object({
    type: z.literal('settings.suggestAgent'),
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().max(320).optional(),
    helpdesk: helpdeskSchema,
  }),
  /** `null` removes the key. */
  z.object({
    type: z.literal('secrets.setPagerDutyKey'),
    key: pagerDutyRoutingKeySchema.nullable(),
  }),
  z.object({ type: z.literal('secrets.status') }),
  /**
   * The options page requests `https://<host>/*` from the user's click first
   * (permissions.request must run in the page, inside the gesture); the
   * background then stores the host and registers the content script.
   */
  z.object({ type: z.literal('hosts.add'), hostname: hostnameSchema }),
  z.object({ type: z.literal('hosts.remove'), hostname: hostnameSchema }),
  /** Settings back to defaults, secrets and host mappings removed. */
  z.object({ type: z.literal('settings.reset'), confirm: z.literal('RESET') }),
  /** Every run (open and closed) as CSV for a spreadsheet. */
  z.object({ type: z.literal('data.exportRunsCsv') }),
  /** The synced change held because it weakens protection, if any. */
  z.object({ type: z.literal('settings.heldSync') }),
  /** The lead applies (`apply: true`) or keeps the current settings; `receivedAt` names the change seen. */
  z.object({
    type: z.literal('settings.resolveHeldSync'),
    apply: z.boolean(),
    receivedAt: z.number().int().nonnegative(),
  }),
] as const;

export const settingsReplySchemas = {
  'settings.get': z.object({
    settings: settingsSchema,
    secrets: secretsStatusSchema,
    agentSuggestion: agentSuggestionSchema.optional(),
    /** Hosts whose permission is granted and content script registered. */
    activeHosts: z.array(hostnameSchema),
  }),
  'settings.update': z.object({
    settings: settingsSchema,
    /** An SLA change is stored in the active template as its next version (new tickets only). */
    templateSaved: z.object({ id: z.string(), version: z.number().int().positive() }).optional(),
  }),
  'settings.import': z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      settings: settingsSchema,
      importedSettings: z.boolean(),
      /** Templates stored as a new version (unchanged ones are not counted). */
      templatesSaved: z.array(z.object({ id: z.string(), version: z.number().int().positive() })),
      /** Hosts in the imported settings that still need their permission granted. */
      hostsNeedingPermission: z.array(hostnameSchema),
    }),
    z.object({
      ok: z.literal(false),
      problems: z.array(problemSchema).min(1),
      /** Set when the bundle is valid but weakens protection: confirm to apply. */
      weakens: z.array(z.string()).min(1).optional(),
    }),
  ]),
  'settings.export': z.object({ text: z.string(), filename: z.string().min(1) }),
  'settings.suggestAgent': z.object({ stored: z.boolean() }),
  'secrets.setPagerDutyKey': secretsStatusSchema,
  'secrets.status': secretsStatusSchema,
  'hosts.add': hostsReplySchema,
  'hosts.remove': hostsReplySchema,
  'settings.reset': z.object({ settings: settingsSchema }),
  'data.exportRunsCsv': z.object({
    text: z.string(),
    filename: z.string().min(1),
    mimeType: z.string().min(1),
  }),
  'settings.heldSync': z.object({ held: heldSyncSchema.optional() }),
  'settings.resolveHeldSync': z.object({ applied: z.boolean(), settings: settingsSchema }),
} as const;

export type SettingsRequest = z.infer<(typeof settingsRequestSchemas)[number]>;
export type SettingsRequestType = SettingsRequest['type'];

/** The pattern a host mapping needs as an optional host permission. */
export function originPatternFor(hostname: string): string {
  return `https://${hostname}/*`;
}
