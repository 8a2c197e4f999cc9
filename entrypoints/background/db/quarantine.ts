/**
 * Records that cannot be read are set aside, never allowed to stop the
 * database from opening: an upgrade converts record by record, leaves a
 * record it cannot convert as it was, and the next version's upgrade moves
 * every unreadable record into the `quarantine` store with the reason. The
 * options page lists them (`data.quarantine`); the rest of the data opens.
 */
import type { Transaction } from 'dexie';
import { z } from 'zod';
import {
  runEventSchema,
  runSchema,
  templateSchema,
  type WorkflowTemplate,
} from '../../../lib/workflow/schema';
import { buildRunRecord } from './records';
import { errorMessage } from '../../../lib/errors';

export interface QuarantineRecord {
  /** Auto-increment key. */
  seq?: number;
  /** The store the record came from. */
  table: 'runs' | 'templates' | 'events';
  /** Its primary key there, as text. */
  key: string;
  /** Why it could not be read. */
  reason: string;
  /** When it was set aside. */
  at: number;
  /** The record as it was stored, kept so nothing is lost. */
  record: unknown;
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`)
      .join('; ');
  }
  return errorMessage(error);
}

/** Why a stored run cannot be read, or undefined when it can (and derives, given its template). */
export function unreadableRun(
  record: unknown,
  template: WorkflowTemplate | undefined,
  now: number,
): string | undefined {
  const parsed = runSchema.safeParse(record);
  if (!parsed.success) return describe(parsed.error);
  if (!template) return undefined;
  try {
    buildRunRecord(template, parsed.data, now);
    return undefined;
  } catch (error) {
    return `its state does not fit template ${template.id} v${template.version}: ${describe(error)}`;
  }
}

function keyText(key: unknown): string {
  return typeof key === 'string' ? key : JSON.stringify(key);
}

/**
 * Move every unreadable run, template and event into `quarantine`, inside
 * an upgrade transaction (tables read through `tx`, as Dexie requires).
 */
export async function setAsideUnreadable(tx: Transaction, now: number): Promise<number> {
  const aside: QuarantineRecord[] = [];
  const templates = new Map<string, WorkflowTemplate>();
  const badTemplates: unknown[] = [];
  await tx
    .table('templates')
    .toCollection()
    .each((record: { template?: unknown }, cursor) => {
      const parsed = templateSchema.safeParse(record?.template);
      if (parsed.success) {
        templates.set(`${parsed.data.id}@${parsed.data.version}`, parsed.data);
        return;
      }
      badTemplates.push(cursor.primaryKey);
      aside.push({
        table: 'templates',
        key: keyText(cursor.primaryKey),
        reason: describe(parsed.error),
        at: now,
        record,
      });
    });
  const badRuns: string[] = [];
  await tx
    .table('runs')
    .toCollection()
    .each((record: { templateId?: unknown; templateVersion?: unknown }, cursor) => {
      const template = templates.get(
        `${String(record?.templateId)}@${String(record?.templateVersion)}`,
      );
      const reason = unreadableRun(record, template, now);
      if (reason === undefined) return;
      badRuns.push(cursor.primaryKey as string);
      aside.push({ table: 'runs', key: keyText(cursor.primaryKey), reason, at: now, record });
    });
  const badEvents: unknown[] = [];
  await tx
    .table('events')
    .toCollection()
    .each((record: unknown, cursor) => {
      const parsed = runEventSchema.safeParse(record);
      if (parsed.success) return;
      badEvents.push(cursor.primaryKey);
      aside.push({
        table: 'events',
        key: keyText(cursor.primaryKey),
        reason: describe(parsed.error),
        at: now,
        record,
      });
    });
  if (aside.length === 0) return 0;
  await tx.table('quarantine').bulkAdd(aside);
  await tx.table('templates').bulkDelete(badTemplates);
  await tx.table('runs').bulkDelete(badRuns);
  await tx.table('openRuns').where('runId').anyOf(badRuns).delete();
  await tx.table('events').bulkDelete(badEvents);
  return aside.length;
}
