/**
 * Template versions. A template is immutable once saved: saving changed
 * content makes version latest + 1, and runs stay on the version they were
 * created with until `migrateRun` moves them on purpose.
 */
import { findField, findStep } from './conditions';
import { WorkflowError } from './errors';
import {
  templateSchema,
  type Actor,
  type FieldState,
  type Run,
  type RunEvent,
  type StepState,
  type WorkflowTemplate,
  type WorkflowTemplateInput,
} from './schema';
import { validateFieldValue } from './validate';

/** JSON with object keys sorted, so equal content compares equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
          a < b ? -1 : a > b ? 1 : 0,
        ),
      );
    }
    return v;
  });
}

/** Everything but the version number. */
export function templateContentKey(template: WorkflowTemplate): string {
  const { version: _version, ...content } = template;
  return canonicalJson(content);
}

/**
 * The template to save for `edited`. Unchanged content (defaults applied,
 * key order ignored) keeps `latest` as it is; changed content becomes
 * version latest.version + 1. Without a latest, the edited template is
 * saved with its own version. Throws z.ZodError when `edited` is invalid,
 * and WorkflowError('conflict') when it is a different workflow than `latest`.
 */
export function nextTemplateVersion(
  latest: WorkflowTemplate | undefined,
  edited: WorkflowTemplateInput,
): { template: WorkflowTemplate; changed: boolean } {
  const parsed = templateSchema.parse(edited);
  if (!latest) return { template: parsed, changed: true };
  if (parsed.id !== latest.id) {
    throw new WorkflowError(
      'conflict',
      `This is workflow "${parsed.id}", not a new version of "${latest.id}".`,
    );
  }
  if (templateContentKey(parsed) === templateContentKey(latest)) {
    return { template: latest, changed: false };
  }
  return { template: { ...parsed, version: latest.version + 1 }, changed: true };
}

/** What a migration could not carry over. */
export interface MigrationReport {
  droppedSteps: string[];
  /** `stepId/fieldId`, with why. */
  droppedFields: Array<{ field: string; reason: string }>;
  droppedPauses: string[];
}

/**
 * Move a run from template `from` to template `to`. Step states and field
 * values are kept where the step/field still exists and the value is still
 * valid for it; everything dropped is listed in the `template-migrated`
 * event, whose `old` holds the dropped data so nothing is lost from the record.
 */
export function migrateRun(
  run: Run,
  from: WorkflowTemplate,
  to: WorkflowTemplate,
  actor: Actor,
  now: number,
): { run: Run; events: RunEvent[]; report: MigrationReport } {
  if (run.templateId !== from.id || run.templateVersion !== from.version) {
    throw new WorkflowError(
      'conflict',
      `This run follows ${run.templateId} version ${run.templateVersion}, not ${from.id} version ${from.version}.`,
    );
  }
  if (!actor.name) throw new WorkflowError('invalid-value', 'Every change needs an agent name.');
  const report: MigrationReport = { droppedSteps: [], droppedFields: [], droppedPauses: [] };
  const droppedData: { steps: Record<string, StepState>; values: Record<string, FieldState> } = {
    steps: {},
    values: {},
  };

  const steps: Record<string, StepState> = {};
  for (const [stepId, state] of Object.entries(run.steps)) {
    if (findStep(to, stepId)) steps[stepId] = state;
    else {
      report.droppedSteps.push(stepId);
      droppedData.steps[stepId] = state;
    }
  }

  const values: Record<string, Record<string, FieldState>> = {};
  for (const [stepId, fields] of Object.entries(run.values)) {
    for (const [fieldId, state] of Object.entries(fields)) {
      const field = findField(to, stepId, fieldId);
      const key = `${stepId}/${fieldId}`;
      let reason: string | undefined;
      if (!field) reason = findStep(to, stepId) ? 'field removed' : 'step removed';
      else {
        const problem = validateFieldValue(field, state.value);
        if (problem) reason = `value no longer valid: ${problem}`;
      }
      if (reason) {
        report.droppedFields.push({ field: key, reason });
        droppedData.values[key] = state;
        continue;
      }
      values[stepId] = { ...values[stepId], [fieldId]: state };
    }
  }

  const clockIds = new Set(to.clocks.map((c) => c.id));
  const pauses = run.pauses.filter((p) => {
    if (clockIds.has(p.clockId)) return true;
    report.droppedPauses.push(p.clockId);
    return false;
  });

  const next: Run = {
    ...run,
    templateId: to.id,
    templateVersion: to.version,
    steps,
    values,
    pauses,
    updatedAt: Math.max(now, run.updatedAt),
    revision: run.revision + 1,
  };
  const dropped = [
    ...report.droppedSteps.map((s) => `step ${s}`),
    ...report.droppedFields.map((f) => `${f.field} (${f.reason})`),
    ...report.droppedPauses.map((c) => `pause of clock ${c}`),
  ];
  const event: RunEvent = {
    runId: run.id,
    at: now,
    by: actor,
    type: 'template-migrated',
    old: { templateId: from.id, templateVersion: from.version, dropped: droppedData },
    new: { templateId: to.id, templateVersion: to.version, report },
    note: dropped.length > 0 ? `Dropped: ${dropped.join('; ')}` : 'Nothing dropped.',
  };
  return { run: next, events: [event], report };
}
