/**
 * Files attached to a run's file fields: the bytes and the field's new value
 * are written in one transaction, so a file is never stored without the run
 * knowing of it, nor named in the run without its bytes.
 */
import { ProtocolFailure } from '../../../../lib/messaging/envelope';
import { applyMutation, type Mutation } from '../../../../lib/workflow/engine';
import { findField } from '../../../../lib/workflow/roles';
import type { Actor, FileRef } from '../../../../lib/workflow/schema';
import type { CasebookDB } from '../db';
import { runFromRecord } from '../records';
import type { AttachmentRecord } from '../types';
import { templateVersion } from './templates';
import { readRun, runChangeStores, writeRun, type RunChange } from './write';

function isFileRef(value: unknown): value is FileRef {
  return typeof value === 'object' && value !== null && 'attachmentId' in value;
}

/** A file to attach: the stored record but for what the store fills in (size, time). */
export type NewAttachment = Omit<AttachmentRecord, 'size' | 'createdAt'> & {
  sanitized?: FileRef['sanitized'];
};

/** Store the file and append it to the file field, in one transaction. */
export function putAttachment(
  db: CasebookDB,
  file: NewAttachment,
  actor: Actor,
  now: number,
): Promise<RunChange & { file: FileRef }> {
  return db.transaction('rw', [...runChangeStores(db), db.attachments], async () => {
    const record = await readRun(db, file.runId);
    const template = await templateVersion(db, record.templateId, record.templateVersion);
    const field = findField(template, file.stepId, file.fieldId);
    if (!field) {
      throw new ProtocolFailure(
        'not-found',
        `No field "${file.stepId}/${file.fieldId}" in this run's template.`,
      );
    }
    if (field.type !== 'file') {
      throw new ProtocolFailure('invalid-value', `"${field.label}" is not a file field.`);
    }
    const current = record.values[file.stepId]?.[file.fieldId]?.value;
    const files = Array.isArray(current) ? current.filter(isFileRef) : [];
    const ref: FileRef = {
      attachmentId: file.id,
      name: file.name,
      size: file.blob.size,
      type: file.mimeType,
      ...(file.sanitized ? { sanitized: file.sanitized } : {}),
    };
    const mutation: Mutation = {
      type: 'set-field',
      stepId: file.stepId,
      fieldId: file.fieldId,
      value: [...files, ref],
    };
    const next = applyMutation(template, runFromRecord(record), mutation, actor, now);
    const stored: AttachmentRecord = {
      id: file.id,
      runId: file.runId,
      stepId: file.stepId,
      fieldId: file.fieldId,
      name: file.name,
      mimeType: file.mimeType,
      size: file.blob.size,
      createdAt: now,
      blob: file.blob,
    };
    await db.attachments.add(stored);
    const change = await writeRun(db, template, next.run, next.events, now, record.alarmAt);
    return { ...change, file: ref };
  });
}

export async function getAttachment(db: CasebookDB, id: string): Promise<AttachmentRecord> {
  const record = await db.attachments.get(id);
  if (!record) throw new ProtocolFailure('not-found', `No attachment "${id}".`);
  return record;
}
