/**
 * The database's versions, kept as data: each entry is the store layout of
 * that version and, where data must change, an upgrade built on a pure
 * per-record function (see upgrades.ts). Never edit a shipped entry; add one.
 */
import type { Transaction } from 'dexie';
import type { Run, RunEvent, WorkflowTemplate } from '../../../lib/workflow/schema';
import type { OpenRunEntry } from './records';
import type { TemplateRecord } from './types';
import { setAsideUnreadable } from './quarantine';
import { runFactsOf, upgradeEventV2toV3, upgradeRunV1toV2 } from './upgrades';

export const DB_NAME = 'casebook';

export interface DbVersion {
  version: number;
  /** Dexie store specs; tables not listed keep their previous layout. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const DB_VERSIONS: readonly DbVersion[] = [
  {
    version: 1,
    stores: {
      runs: 'id, [helpdesk+ticketId], updatedAt',
      events: '++seq, runId, [runId+seq]',
      attachments: 'id, runId',
      templates: '[id+version], id',
      settings: 'key',
    },
  },
  {
    // The open-runs list (ordered by next due clock) and its counts move to
    // their own store read by primary key; the clock's wake-up times become
    // an index; `updatedAt` over all runs had no query left.
    version: 2,
    stores: {
      runs: 'id, [helpdesk+ticketId], alarmAt',
      openRuns: '[dueKey+recency+runId], runId',
    },
    upgrade: async (tx) => {
      const templates = new Map<string, WorkflowTemplate>();
      for (const r of (await tx.table('templates').toArray()) as TemplateRecord[]) {
        templates.set(`${r.id}@${r.version}`, r.template);
      }
      const now = Date.now();
      const entries: OpenRunEntry[] = [];
      await tx
        .table('runs')
        .toCollection()
        .modify((run: Run, ref: { value: unknown }) => {
          const upgraded = upgradeRunV1toV2(
            run,
            templates.get(`${run?.templateId}@${run?.templateVersion}`),
            now,
          );
          // Unreadable: left as it was for version 3 to set aside.
          if (!upgraded) return;
          ref.value = upgraded.record;
          if (upgraded.entry) entries.push(upgraded.entry);
        });
      await tx.table('openRuns').bulkAdd(entries);
    },
  },
  {
    // Team sync: every event gets an id (a push is idempotent by it), the
    // unsent ones are indexed as the outbox, and the ones the team server
    // has carry its sequence number (the fold order).
    version: 3,
    stores: {
      events: '++seq, runId, [runId+seq], &id, outbox',
    },
    upgrade: async (tx) => {
      await tx
        .table('events')
        .toCollection()
        .modify((event: RunEvent, ref: { value: unknown }) => {
          ref.value = upgradeEventV2toV3(event, () => crypto.randomUUID());
        });
    },
  },
  {
    // Selector health: daily counters of which strategy read each fact, per
    // helpdesk (issue 14). A new table; nothing else changes.
    version: 4,
    stores: { selectorHealth: '[day+helpdesk+fact+strategy], day' },
  },
  {
    // Records that cannot be read (a malformed run used to make the v1 → v2
    // upgrade throw, and the database never opened again) are set aside
    // with the reason, and the options page lists them.
    version: 5,
    stores: { quarantine: '++seq, table' },
    upgrade: async (tx) => {
      await setAsideUnreadable(tx, Date.now());
    },
  },
  {
    // The support trends report reads one small facts row per run (kept by
    // every run write), by creation and closure time, never the runs or
    // their events; the run history lists them by last change.
    version: 6,
    stores: {
      runFacts: 'runId, createdAt, closedAt, updatedAt',
    },
    upgrade: async (tx) => {
      const templates = new Map<string, WorkflowTemplate>();
      for (const r of (await tx.table('templates').toArray()) as TemplateRecord[]) {
        templates.set(`${r.id}@${r.version}`, r.template);
      }
      const now = Date.now();
      const eventsByRun = new Map<string, RunEvent[]>();
      await tx.table('events').each((e: RunEvent) => {
        const list = eventsByRun.get(e.runId);
        if (list) list.push(e);
        else eventsByRun.set(e.runId, [e]);
      });
      const rows = ((await tx.table('runs').toArray()) as Run[]).map((run) =>
        runFactsOf(
          run,
          templates.get(`${run.templateId}@${run.templateVersion}`),
          eventsByRun.get(run.id) ?? [],
          now,
        ),
      );
      await tx.table('runFacts').bulkPut(rows);
    },
  },
];

export const DB_VERSION = DB_VERSIONS[DB_VERSIONS.length - 1]!.version;
