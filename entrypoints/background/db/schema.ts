/**
 * The database's versions, kept as data: each entry is the store layout of
 * that version and, where data must change, an upgrade built on a pure
 * per-record function (see upgrades.ts). Never edit a shipped entry; add one.
 */
import type { Transaction } from 'dexie';
import type { Run, WorkflowTemplate } from '../../../lib/workflow/schema';
import type { OpenRunEntry } from './records';
import type { TemplateRecord } from './types';
import { upgradeRunV1toV2, upgradeRunV2toV3 } from './upgrades';
import type { RunEvent } from '../../../lib/workflow/schema';

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
            templates.get(`${run.templateId}@${run.templateVersion}`),
            now,
          );
          ref.value = upgraded.record;
          if (upgraded.entry) entries.push(upgraded.entry);
        });
      await tx.table('openRuns').bulkAdd(entries);
    },
  },
  {
    // The support trends report reads one small facts row per run (kept by
    // every run write), by creation and closure time, never the runs or
    // their events; the run history lists them by last change.
    version: 3,
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
        upgradeRunV2toV3(
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
