/** Validated settings: parse a stored or imported document of any known version. */
import { migrateSettings, SETTINGS_MIGRATIONS, type SettingsMigration } from './migrations';
import { problemsFromZod, type Problem } from './problems';
import { settingsSchema, type Settings } from './schema';

export type ParseSettingsResult =
  { ok: true; settings: Settings; fromVersion: number } | { ok: false; problems: Problem[] };

export function parseSettings(
  raw: unknown,
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
  root = '$',
): ParseSettingsResult {
  const migrated = migrateSettings(raw, migrations);
  if (!migrated.ok) {
    return {
      ok: false,
      problems: migrated.problems.map((p) => ({ ...p, path: p.path.replace(/^\$/, root) })),
    };
  }
  const parsed = settingsSchema.safeParse(migrated.document);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error, root) };
  return { ok: true, settings: parsed.data, fromVersion: migrated.fromVersion };
}
