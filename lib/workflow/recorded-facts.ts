/**
 * What Casebook did, it records: the fields an action fills in by itself, so
 * the agent is never asked to type what the extension just did (the page
 * PagerDuty accepted, the message that went into the reply, the status-page
 * update marked posted). Pure: the engine applies these with the action.
 */
import { fieldRefByRole, type FieldRole } from './roles';
import type { FieldRef, FieldValue, Run, WorkflowTemplate } from './schema';

export interface RecordedFact extends FieldRef {
  value: FieldValue;
  /** Fill only while the field is empty: never overwrite what the agent entered. */
  onlyIfEmpty: boolean;
}

const STATUS_STATES = new Set(['investigating', 'identified', 'monitoring', 'resolved']);

function dataOf(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** The fields a recorded action fills, found by role; a role the template lacks fills nothing. */
export function factsRecordedBy(
  template: WorkflowTemplate,
  action: string,
  data: unknown,
): RecordedFact[] {
  const d = dataOf(data);
  const fact = (role: FieldRole, value: FieldValue, onlyIfEmpty: boolean): RecordedFact[] => {
    const ref = fieldRefByRole(template, role);
    return ref ? [{ ...ref, value, onlyIfEmpty }] : [];
  };
  switch (action) {
    case 'page-accepted':
      // Events API v2 answers with the dedup key, which names the incident in PagerDuty.
      return typeof d.dedupKey === 'string'
        ? fact('pagerduty-incident', `PagerDuty ${d.dedupKey}`, true)
        : [];
    case 'insert-eta-update':
      return fact('eta-sent', true, false);
    case 'copy-incident-channel':
      // The channel Casebook named and the agent copied to create it.
      return typeof d.channel === 'string' && /^#\S{1,80}$/.test(d.channel)
        ? fact('incident-channel', d.channel, true)
        : [];
    case 'status-page-update': {
      if (typeof d.state !== 'string' || !STATUS_STATES.has(d.state)) return [];
      return [
        ...fact('status-page-state', d.state, false),
        // Any posted update means the status-page incident exists (step 4's tick).
        ...fact('status-page-posted', true, true),
      ];
    }
    default:
      return [];
  }
}

export function isEmptyValue(run: Run, ref: FieldRef): boolean {
  const v = run.values[ref.stepId]?.[ref.fieldId]?.value;
  return v === undefined || v === null || v === '' || v === false;
}
