/**
 * Turns run events into the lines of a step's history: who, when, what
 * changed (old → new). Values are shown the way the agent entered them
 * (option labels, not ids).
 */
import type { Field, RunEvent, Step } from '../../lib/workflow/schema';
import { formatMinute } from './clock-format';
import { formatBytes } from './fields/FileEditor';

const STATUS_WORDS: Record<string, string> = {
  pending: 'pending',
  done: 'done',
  skipped: 'skipped',
  'not-applicable': 'not applicable',
};

export function formatFieldValue(value: unknown, field?: Field): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (field && (field.type === 'single-choice' || field.type === 'multi-choice')) {
      return field.options.find((o) => o.value === value)?.label ?? value;
    }
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value
      .map((item) => {
        if (item && typeof item === 'object' && 'name' in item) {
          const f = item as { name: unknown; size?: unknown };
          return typeof f.size === 'number'
            ? `${String(f.name)} (${formatBytes(f.size)})`
            : String(f.name);
        }
        return formatFieldValue(item, field);
      })
      .join(', ');
  }
  if (typeof value === 'object' && 'local' in value && 'timeZone' in value) {
    const z = value as { local: unknown; timeZone: unknown };
    return `${String(z.local).replace('T', ' ')} ${String(z.timeZone)}`;
  }
  return JSON.stringify(value);
}

export interface HistoryLine {
  key: string;
  at: number;
  who: string;
  what: string;
  /** Present for changes: the values either side of the arrow. */
  old?: string;
  new?: string;
  note?: string;
}

export function historyLines(events: RunEvent[], step: Step): HistoryLine[] {
  return events
    .filter((e) => e.stepId === step.id)
    .map((e, i) => {
      const who = e.by.email ? `${e.by.name} (${e.by.email})` : e.by.name;
      const base = {
        key: e.seq !== undefined ? String(e.seq) : `i${i}`,
        at: e.at,
        who,
        note: e.note,
      };
      switch (e.type) {
        case 'field-set': {
          const field = step.fields.find((f) => f.id === e.fieldId);
          return {
            ...base,
            what: field?.label ?? e.fieldId ?? 'Field',
            old: formatFieldValue(e.old, field),
            new: formatFieldValue(e.new, field),
          };
        }
        case 'step-status':
          return {
            ...base,
            what: 'Status',
            old: STATUS_WORDS[String(e.old)] ?? formatFieldValue(e.old),
            new: STATUS_WORDS[String(e.new)] ?? formatFieldValue(e.new),
          };
        case 'action':
          return { ...base, what: `Action: ${e.action ?? 'unnamed'}` };
        default:
          return {
            ...base,
            what: e.type.replace(/-/g, ' '),
            ...(e.old !== undefined || e.new !== undefined
              ? { old: formatFieldValue(e.old), new: formatFieldValue(e.new) }
              : {}),
          };
      }
    })
    .sort((a, b) => b.at - a.at);
}

/** Local date and time, to the minute; the `<time>` element carries the exact instant. */
/** When a history line happened, in the agent's own zone (UTC is on hover). */
export function formatWhen(at: number): string {
  return formatMinute(at);
}
