/**
 * Casebook settings as data. Two stores with two schemas:
 * - `settingsSchema`: everything that is not a secret. Synced across the
 *   agent's browsers through `storage.sync`, exported and imported as JSON.
 * - `localSecretsSchema` (`local-secrets.ts`): credentials (the PagerDuty routing key). Kept in
 *   the background's IndexedDB only (content scripts can read `storage.local`):
 *   never synced, never exported, shown masked.
 *
 * Settings carry a `version`; older stored or imported settings are upgraded
 * by the pure functions in `migrations.ts` before they are validated here.
 *
 * Pure TypeScript: no browser API.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../time/zoned';
import { HELPDESKS, PLAN_TIERS, SEVERITIES, severitySchema } from '../workflow/schema';

/** The version this build writes. Bump it together with a new migration. */
export const SETTINGS_VERSION = 4;

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

/**
 * A bare host name such as `support.acme.com`: lower case, no scheme, port,
 * path or wildcard. Host-mapped Zendesk brands are requested one origin at a
 * time, so a wildcard would silently widen the permission.
 */
export const hostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/,
    'expected a host name such as "support.example.com" (no https://, path or wildcard)',
  );

/** An https URL (integrations are only ever reached over TLS). */
export const httpsUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'expected an https:// URL');

/** Empty string means "not configured". */
const optionalHttpsUrl = z.union([z.literal(''), httpsUrlSchema]).default('');

/**
 * Placeholders a search URL template may use (lib/actions/log-search.ts fills
 * them): `{start}`/`{end}` as UTC ISO times, `{startMs}`/`{endMs}` as epoch
 * milliseconds, as Datadog's `from_ts`/`to_ts` take.
 */
export const SEARCH_PLACEHOLDERS = [
  'workspaceId',
  'start',
  'end',
  'startMs',
  'endMs',
  'requestId',
] as const;

/**
 * A log-search URL template, e.g.
 * `https://acme.sentry.io/issues/?query=workspace:{workspaceId}&start={start}&end={end}` or
 * `https://app.datadoghq.com/logs?query=%40request_id%3A{requestId}&from_ts={startMs}&to_ts={endMs}`.
 * Only the known placeholders are allowed so a typo fails here, not when an
 * agent clicks the link during an incident.
 */
export const searchUrlTemplateSchema = z
  .string()
  .trim()
  .max(2000)
  .superRefine((value, ctx) => {
    if (value === '') return;
    for (const match of value.matchAll(/\{([^{}]*)\}/g)) {
      const name = match[1] ?? '';
      if (!(SEARCH_PLACEHOLDERS as readonly string[]).includes(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder {${name}}; use ${SEARCH_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
        });
      }
    }
    // Check the URL with placeholders filled, as it will be opened.
    const filled = value.replace(/\{[^{}]*\}/g, 'x');
    try {
      if (new URL(filled).protocol !== 'https:') throw new Error('not https');
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected an https:// URL template' });
    }
  })
  .default('');

const minutes = (max: number) => z.number().int().positive().max(max);

// ---------------------------------------------------------------------------
// Sections of the settings
// ---------------------------------------------------------------------------

export const helpdeskSettingsSchema = z.strictObject({
  /** Off: the content script stays idle on this helpdesk's pages. */
  enabled: z.boolean().default(true),
  /** Sanitize .har attachments before the helpdesk sees them. */
  interceptHar: z.boolean().default(true),
});
export type HelpdeskSettings = z.infer<typeof helpdeskSettingsSchema>;

export const helpdesksSettingsSchema = z.strictObject({
  zendesk: helpdeskSettingsSchema.prefault({}),
  intercom: helpdeskSettingsSchema.prefault({}),
  helpscout: helpdeskSettingsSchema.prefault({}),
});
// Keep the keys in step with the workflow's helpdesk list.
const _helpdeskKeysMatch: Record<(typeof HELPDESKS)[number], true> = {
  zendesk: true,
  intercom: true,
  helpscout: true,
};
void _helpdeskKeysMatch;

export const agentSchema = z.strictObject({
  /** Who the run record names for this browser's changes. */
  name: z.string().trim().max(200).default(''),
  email: z
    .union([z.literal(''), z.string().trim().max(320).pipe(z.email('expected an e-mail address'))])
    .default(''),
  /**
   * The agent's own IANA zone, for the times the panel, popup and history
   * show them (UTC stays on hover and in the record). Unset: the browser's
   * zone. An empty string unsets it (a patch cannot carry `undefined`).
   */
  timeZone: z
    .union([
      z.literal('').transform(() => undefined),
      z
        .string()
        .trim()
        .max(100)
        .refine(isValidTimeZone, 'expected an IANA time zone such as Europe/Lisbon'),
    ])
    .optional(),
});
export type AgentSettings = z.infer<typeof agentSchema>;

export const DEFAULT_FIRST_RESPONSE_MINUTES = {
  enterprise: 60,
  paid: 60,
  trial: 240,
  free: 240,
} as const satisfies Record<(typeof PLAN_TIERS)[number], number>;

/**
 * Engineering must acknowledge an escalation within these windows (SEV1–3 as
 * in the default template; SEV4 is not paged, a business day is the fallback).
 */
export const DEFAULT_ENGINEERING_ACK_MINUTES = {
  SEV1: 30,
  SEV2: 120,
  SEV3: 480,
  SEV4: 1440,
} as const satisfies Record<(typeof SEVERITIES)[number], number>;

export const slaSchema = z.strictObject({
  firstResponseMinutes: z
    .object({
      enterprise: minutes(10_080).default(DEFAULT_FIRST_RESPONSE_MINUTES.enterprise),
      paid: minutes(10_080).default(DEFAULT_FIRST_RESPONSE_MINUTES.paid),
      trial: minutes(10_080).default(DEFAULT_FIRST_RESPONSE_MINUTES.trial),
      free: minutes(10_080).default(DEFAULT_FIRST_RESPONSE_MINUTES.free),
    })
    .prefault({}),
  engineeringAckMinutes: z
    .object({
      SEV1: minutes(10_080).default(DEFAULT_ENGINEERING_ACK_MINUTES.SEV1),
      SEV2: minutes(10_080).default(DEFAULT_ENGINEERING_ACK_MINUTES.SEV2),
      SEV3: minutes(10_080).default(DEFAULT_ENGINEERING_ACK_MINUTES.SEV3),
      SEV4: minutes(10_080).default(DEFAULT_ENGINEERING_ACK_MINUTES.SEV4),
    })
    .prefault({}),
  /** SEV1 public status-page updates are due this often. */
  statusPageCadenceMinutes: minutes(1440).default(30),
  /** Remind this long before a clock is due. */
  reminderLeadMinutes: z.number().int().nonnegative().max(1440).default(15),
});
export type SlaSettings = z.infer<typeof slaSchema>;

const jiraPriorityIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,10}$/, 'Jira priority ids are numbers');

export const trackerSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('jira'),
    /** The Jira Cloud site host, e.g. `acme.atlassian.net`. */
    site: hostnameSchema,
    /** What the lead knows the project by (`ENG` in ENG-123); the link itself needs `projectId`. */
    projectKey: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z][A-Z0-9_]{0,9}$/, 'a Jira project key is letters and digits, e.g. "ENG"')
      .optional(),
    /** The issue type's name (`Bug`); the link itself needs `issueTypeId`. */
    issueTypeName: z.string().trim().min(1).max(60).optional(),
    /** Jira's create link takes only the numeric project id (`pid`). */
    projectId: z
      .string()
      .trim()
      .regex(/^\d{1,12}$/, 'the Jira project id is a number (pid)'),
    issueTypeId: z
      .string()
      .trim()
      .regex(/^\d{1,12}$/, 'the Jira issue type id is a number'),
    /** Jira priority id to prefill per severity. */
    priorityIds: z
      .object({
        SEV1: jiraPriorityIdSchema.optional(),
        SEV2: jiraPriorityIdSchema.optional(),
        SEV3: jiraPriorityIdSchema.optional(),
        SEV4: jiraPriorityIdSchema.optional(),
      })
      .optional(),
  }),
  z.strictObject({
    kind: z.literal('linear'),
    /** The team key in issue identifiers, e.g. `ENG` in ENG-123. */
    teamKey: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z][A-Za-z0-9]{0,9}$/,
        'a Linear team key is 1–10 letters or digits, e.g. "ENG"',
      ),
  }),
  z.strictObject({ kind: z.literal('none') }),
]);
export type TrackerSettings = z.infer<typeof trackerSchema>;

export const DEFAULT_PAGERDUTY_ENDPOINT = 'https://events.pagerduty.com/v2/enqueue';

export const integrationsSchema = z.strictObject({
  tracker: trackerSchema.default({ kind: 'none' }),
  sentrySearchUrl: searchUrlTemplateSchema,
  datadogSearchUrl: searchUrlTemplateSchema,
  pagerDuty: z
    .object({
      /** Events API v2 endpoint; overridable so tests can point at a local stub. */
      endpoint: z
        .string()
        .trim()
        .max(2000)
        .refine((value) => {
          try {
            const url = new URL(value);
            // http only for a local stub; anything remote must be https.
            return (
              url.protocol === 'https:' ||
              (url.protocol === 'http:' &&
                ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
            );
          } catch {
            return false;
          }
        }, 'expected an https:// URL (http:// only for localhost)')
        .default(DEFAULT_PAGERDUTY_ENDPOINT),
    })
    .prefault({}),
  statusPageAdminUrl: optionalHttpsUrl,
  slackWorkspaceUrl: optionalHttpsUrl,
  runbookUrl: optionalHttpsUrl,
  /** Who "escalate to manager" names, e.g. "@eng-manager" or a name. */
  escalationManager: z.string().trim().max(200).default(''),
});
export type IntegrationsSettings = z.infer<typeof integrationsSchema>;

/**
 * The team's own HAR redaction rules, added to the sanitizer's defaults.
 * Names match case-insensitively; patterns are regular-expression sources.
 */
export const regexSourceSchema = z
  .string()
  .min(1)
  .max(500)
  .refine((source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

export const redactionRuleSchema = z.strictObject({
  /** Extra header names whose values are secrets, e.g. `X-Acme-Session`. */
  headerNames: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
  /** Extra JSON/form key names whose values are secrets. */
  keyNames: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
  /** Extra query/form parameter names whose values are secrets. */
  paramNames: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
  /** Value shapes to redact wherever they appear. */
  patterns: z
    .array(
      z.strictObject({
        /** Shown in markers and the report, e.g. `acme-key` → `[REDACTED:acme-key:1]`. */
        name: z
          .string()
          .trim()
          .max(32)
          .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'pattern names are lower-case kebab-case'),
        pattern: regexSourceSchema,
      }),
    )
    .max(200)
    .default([]),
  /** Names that are never redacted by name (e.g. `x-request-id` a default rule would catch). */
  allow: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
});
export type RedactionSettings = z.infer<typeof redactionRuleSchema>;

/**
 * Severity the panel suggests from the ticket's priority (the helpdesk's own
 * category: Zendesk's four, Intercom's star as high/normal). Empty by
 * default: priority is often set by customers or forms, and a SEV1 pages
 * on-call, so only a lead who knows how the team sets it maps it. The agent
 * still confirms each suggestion.
 */
// null: no suggestion for that priority (a patch cannot remove a key, it can set null).
const mappedSeveritySchema = severitySchema.nullable().optional();
export const triageSettingsSchema = z.strictObject({
  severityByPriority: z
    .strictObject({
      urgent: mappedSeveritySchema,
      high: mappedSeveritySchema,
      normal: mappedSeveritySchema,
      low: mappedSeveritySchema,
    })
    .default({}),
});
export type TriageSettings = z.infer<typeof triageSettingsSchema>;

export const panelSettingsSchema = z.strictObject({
  /** Whether the panel shows the keyboard-shortcut hint. */
  shortcutHint: z.boolean().default(true),
});

// ---------------------------------------------------------------------------
// The whole settings document
// ---------------------------------------------------------------------------

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  helpdesks: helpdesksSettingsSchema.prefault({}),
  /** Zendesk brand domains (host mapping) the panel also runs on. */
  zendeskHostMappings: z
    .array(hostnameSchema)
    .max(50)
    .default([])
    .refine((hosts) => new Set(hosts).size === hosts.length, 'each host may be listed once'),
  agent: agentSchema.prefault({}),
  sla: slaSchema.prefault({}),
  integrations: integrationsSchema.prefault({}),
  redaction: redactionRuleSchema.prefault({}),
  /** Closed runs (and their events and attachments) older than this are deleted. 0 keeps them. */
  retentionDays: z.number().int().nonnegative().max(3650).default(365),
  panel: panelSettingsSchema.prefault({}),
  triage: triageSettingsSchema.prefault({}),
});
export type Settings = z.infer<typeof settingsSchema>;
/** What an import or a stored document may hold before defaults apply. */
export type SettingsInput = z.input<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({ version: SETTINGS_VERSION });
}

export * from './patch';
export * from './local-secrets';
