/**
 * Secrets (the PagerDuty routing key) live in the background's IndexedDB,
 * which belongs to the extension's origin: a content script's IndexedDB is
 * the helpdesk page's, and `storage.local`/`storage.sync` are readable by
 * content scripts. `storage.session` with TRUSTED_CONTEXTS would also hide
 * them but does not survive a browser restart.
 *
 * Builds before this one kept secrets in `storage.local`; the first read
 * moves them here and removes the old copy.
 */
import { browser } from '#imports';
import { localSecretsSchema, type LocalSecrets } from '../../../lib/settings/schema';
import type { CasebookDB } from '../db/db';

/** The row in the `settings` table; the old `storage.local` key had the same name. */
export const SECRETS_KEY = 'secrets';
const LEGACY_LOCAL_KEY = 'secrets';

export interface SecretStore {
  read(): Promise<LocalSecrets>;
  write(secrets: LocalSecrets): Promise<void>;
  clear(): Promise<void>;
}

/** The legacy copy, moved once per worker (idempotent; a crash in between loses nothing). */
const migrations = new WeakMap<CasebookDB, Promise<void>>();

export async function migrateLegacySecrets(db: CasebookDB): Promise<void> {
  const legacy = (await browser.storage.local.get(LEGACY_LOCAL_KEY))[LEGACY_LOCAL_KEY];
  if (legacy === undefined) return;
  const parsed = localSecretsSchema.safeParse(legacy);
  if (parsed.success) {
    await db.transaction('rw', db.settings, async () => {
      // A key written here since wins over the old copy.
      if (!(await db.settings.get(SECRETS_KEY))) {
        await db.settings.put({ key: SECRETS_KEY, value: parsed.data });
      }
    });
  } else {
    console.warn('[casebook] dropping unreadable legacy secrets', parsed.error.issues);
  }
  // Only once the database holds them: a failed write above keeps the old copy.
  await browser.storage.local.remove(LEGACY_LOCAL_KEY);
}

function migrated(db: CasebookDB): Promise<void> {
  let done = migrations.get(db);
  if (!done) {
    done = migrateLegacySecrets(db).catch((error: unknown) => {
      migrations.delete(db);
      throw error;
    });
    migrations.set(db, done);
  }
  return done;
}

export function secretStore(db: CasebookDB): SecretStore {
  return {
    async read() {
      await migrated(db);
      const parsed = localSecretsSchema.safeParse(
        (await db.settings.get(SECRETS_KEY))?.value ?? {},
      );
      return parsed.success ? parsed.data : {};
    },
    async write(secrets) {
      await migrated(db);
      await db.settings.put({ key: SECRETS_KEY, value: localSecretsSchema.parse(secrets) });
    },
    async clear() {
      await migrated(db);
      await db.settings.delete(SECRETS_KEY);
    },
  };
}
