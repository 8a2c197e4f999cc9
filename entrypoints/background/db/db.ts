/**
 * The Dexie database. It lives in the background only: IndexedDB belongs to
 * an origin, and in a content script that would be the helpdesk's.
 */
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { HealthRow } from '../../../lib/messaging/health';
import type { RunFacts } from '../../../lib/report/facts';
import type { RunEvent } from '../../../lib/workflow/schema';
import type { QuarantineRecord } from './quarantine';
import type { OpenRunEntry, OpenRunKey, RunRecord } from './records';
import { DB_NAME, DB_VERSIONS, type DbVersion } from './schema';
import type { AttachmentRecord, EventRecord, SettingRecord, TemplateRecord } from './types';

/** Declare `versions` on a Dexie instance (the current DB, or an older one in tests). */
export function declareVersions(db: Dexie, versions: readonly DbVersion[]): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

export class CasebookDB extends Dexie {
  runs!: EntityTable<RunRecord, 'id'>;
  openRuns!: Table<OpenRunEntry, OpenRunKey>;
  events!: Table<RunEvent, number>;
  attachments!: EntityTable<AttachmentRecord, 'id'>;
  templates!: Table<TemplateRecord, [string, number]>;
  settings!: EntityTable<SettingRecord, 'key'>;
  selectorHealth!: Table<HealthRow, [string, string, string, string]>;
  /** Records that could not be read, set aside by an upgrade (quarantine.ts). */
  quarantine!: Table<QuarantineRecord, number>;
  runFacts!: EntityTable<RunFacts, 'runId'>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    declareVersions(this, DB_VERSIONS);
    // Every new event gets its id and, unless the team server sent it, a place in the outbox.
    this.events.hook('creating', (_key, event) => {
      const record = event as EventRecord;
      if (!record.id) record.id = crypto.randomUUID();
      if (record.serverSeq === undefined && !record.localOnly) record.outbox = 1;
    });
  }
}
