/**
 * What Casebook did, it records: the fields an action fills in by itself, so
 * the agent is never asked to type what the extension just did (the page
 * PagerDuty accepted, the message that went into the reply, the status-page
 * update marked posted). Pure: the engine applies these with the action.
 */
import { DEFAULT_IDS } from './default-ids';
import type { FieldRef, FieldValue, Run } from './schema';

export interface RecordedFact extends FieldRef {
  value: FieldValue;
  /** Fill only while the field is empty: never overwrite what the agent entered. */
  onlyIfEmpty: boolean;
}

const F = DEFAULT_IDS.fields;
const STATUS_STATES = new Set(['investigating', 'identified', 'monitoring', 'resolved']);

function dataOf(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** The fields a recorded action fills (steps and fields the template lacks are ignored by the caller). */
export function factsRecordedBy(action: string, data: unknown): RecordedFact[] {
  const d = dataOf(data);
  switch (action) {
    case 'page-accepted':
      // Events API v2 answers with the dedup key, which names the incident in PagerDuty.
      return typeof d.dedupKey === 'string'
        ? [{ ...F.pagerdutyIncident, value: `PagerDuty ${d.dedupKey}`, onlyIfEmpty: true }]
        : [];
    case 'insert-eta-update':
      return [{ ...F.etaSent, value: true, onlyIfEmpty: false }];
    case 'status-page-update': {
      if (typeof d.state !== 'string' || !STATUS_STATES.has(d.state)) return [];
      return [
        { ...F.lastStatusUpdate, value: d.state, onlyIfEmpty: false },
        // Any posted update means the status-page incident exists (step 4's tick).
        { ...F.statusPagePosted, value: true, onlyIfEmpty: true },
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
