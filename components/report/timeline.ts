/** A run's every event as timeline lines: who, when, what changed (old → new), named as the template names it. */
import type { RunEvent, WorkflowTemplate } from '../../lib/workflow/schema';
import { formatFieldValue } from '../panel/history-format';

export interface TimelineLine {
  key: string;
  at: number;
  who: string;
  what: string;
  old?: string;
  new?: string;
  note?: string;
}

const STATUS: Record<string, string> = { pending: 'pending', done: 'done', skipped: 'skipped' };

export function timelineLines(
  events: readonly RunEvent[],
  template?: WorkflowTemplate,
): TimelineLine[] {
  const steps = new Map(template?.sections.flatMap((s) => s.steps.map((st) => [st.id, st])) ?? []);
  return events.map((e, i) => {
    const step = e.stepId ? steps.get(e.stepId) : undefined;
    const stepName = step?.title ?? e.stepId;
    const base = {
      key: e.seq !== undefined ? String(e.seq) : `i${i}`,
      at: e.at,
      who: e.by.email ? `${e.by.name} (${e.by.email})` : e.by.name,
      ...(e.note ? { note: e.note } : {}),
    };
    switch (e.type) {
      case 'field-set': {
        const field = step?.fields.find((f) => f.id === e.fieldId);
        return {
          ...base,
          what: `${stepName} · ${field?.label ?? e.fieldId ?? 'field'}`,
          old: formatFieldValue(e.old, field),
          new: formatFieldValue(e.new, field),
        };
      }
      case 'step-status':
        return {
          ...base,
          what: `${stepName} · status`,
          old: STATUS[String(e.old)] ?? formatFieldValue(e.old),
          new: STATUS[String(e.new)] ?? formatFieldValue(e.new),
        };
      case 'action':
        return {
          ...base,
          what: `${stepName ? `${stepName} · ` : ''}action: ${e.action ?? 'unnamed'}`,
        };
      case 'clock-paused':
      case 'clock-resumed':
        return {
          ...base,
          what: `${e.type.replace('-', ' ')}${typeof e.new === 'string' ? ` (${e.new})` : ''}`,
        };
      default:
        return { ...base, what: e.type.replace(/-/g, ' ') };
    }
  });
}
