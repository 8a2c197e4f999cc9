/**
 * Settings versions, kept like the database's: every change of shape is a
 * migration from one version to the next, written as a pure function on the
 * JSON document, applied in order to stored and imported settings.
 *
 * Each step has a test that upgrades a fixture of the older version
 * (`tests/fixtures/settings/v1.json`, …).
 */
import { SETTINGS_VERSION } from './schema';
import type { Problem } from './problems';

export type SettingsDocument = Record<string, unknown>;

export interface SettingsMigration {
  from: number;
  to: number;
  /** What changed, for the changelog and the options page. */
  description: string;
  /** Pure: returns a new document, never mutates its argument. */
  migrate: (doc: SettingsDocument) => SettingsDocument;
}

export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  {
    from: 1,
    to: 2,
    description:
      'a Jira tracker may also name its project key and issue type (projectKey, issueTypeName)',
    // Both are optional: a version-1 document is a valid version-2 one. The
    // version still changes so that an older Casebook reading synced settings
    // says "update Casebook" instead of rejecting unknown keys.
    migrate: (doc) => structuredClone(doc),
  },
  {
    from: 2,
    to: 3,
    description:
      'triage.severityByPriority: the severity the panel suggests for each ticket priority (empty: no suggestion)',
    // Nothing to move: the mapping starts empty. The version changes so an
    // older Casebook reading synced settings asks to be updated.
    migrate: (doc) => structuredClone(doc),
  },
  {
    from: 3,
    to: 4,
    description:
      "agent.timeZone: the agent's own time zone for the panel, popup and history (unset: the browser's)",
    // Optional and unset by default. The version changes so an older Casebook
    // reading synced settings asks to be updated instead of rejecting the key.
    migrate: (doc) => structuredClone(doc),
  },
];

export type MigrationResult =
  | { ok: true; document: SettingsDocument; fromVersion: number; applied: string[] }
  | { ok: false; problems: Problem[] };

/**
 * Bring a parsed settings document up to `target`. Rejects documents without
 * a usable version, from a newer build, or with a gap in the migration chain.
 * Validation of the result is the caller's (the schema's) job.
 */
export function migrateSettings(
  raw: unknown,
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
  target: number = SETTINGS_VERSION,
): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: '$', message: 'expected a settings object' }] };
  }
  const doc = raw as SettingsDocument;
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      problems: [
        { path: '$.version', message: 'expected a settings version (a whole number ≥ 1)' },
      ],
    };
  }
  if (version > target) {
    return {
      ok: false,
      problems: [
        {
          path: '$.version',
          message: `settings version ${version} is newer than this Casebook understands (${target}); update Casebook first`,
        },
      ],
    };
  }
  let current: SettingsDocument = structuredClone(doc);
  let at = version;
  const applied: string[] = [];
  while (at < target) {
    const step = migrations.find((m) => m.from === at);
    if (!step || step.to <= at) {
      return {
        ok: false,
        problems: [{ path: '$.version', message: `no migration from settings version ${at}` }],
      };
    }
    current = { ...step.migrate(current), version: step.to };
    applied.push(`${step.from}→${step.to}: ${step.description}`);
    at = step.to;
  }
  return { ok: true, document: current, fromVersion: version, applied };
}
