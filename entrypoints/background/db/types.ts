import type { WorkflowTemplate } from '../../../lib/workflow/schema';

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
