import type { RunEvent, WorkflowTemplate } from '../../../lib/workflow/schema';

export interface TemplateRecord {
  id: string;
  version: number;
  savedAt: number;
  template: WorkflowTemplate;
}

export interface AttachmentRecord {
  id: string;
  runId: string;
  stepId: string;
  fieldId: string;
  name: string;
  mimeType: string;
  size: number;
  createdAt: number;
  blob: Blob;
}

/** Key/value rows; the settings domain stores its documents here too. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * A stored event. `id` is set on write (db.ts); `outbox` is 1 until the team
 * server has it; `serverSeq` is its place in the team's order once it has;
 * `localOnly` marks an event that never leaves (a private field).
 */
export type EventRecord = RunEvent & {
  id: string;
  outbox?: 1;
  serverSeq?: number;
  localOnly?: 1;
};
