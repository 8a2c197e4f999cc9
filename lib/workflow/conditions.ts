/**
 * Evaluating conditions against a run. Severity and plan tier are read from
 * the fields the template's policy names, so a team can move them without
 * touching the engine.
 */
import type {
  Condition,
  FieldRef,
  FieldState,
  FieldValue,
  PlanPolicy,
  PlanTier,
  Run,
  Severity,
  SeverityPolicy,
  Step,
  StepStatus,
  WorkflowTemplate,
} from './schema';
import { PLAN_TIERS, SEVERITIES } from './vocabulary';

// The one lookup of a step or field by id lives with the lookups by role.
export { findField, findStep } from './roles';
import { findStep } from './roles';

/** Steps in template order, with the section each belongs to. */
export function allSteps(template: WorkflowTemplate): Array<{ sectionId: string; step: Step }> {
  return template.sections.flatMap((section) =>
    section.steps.map((step) => ({ sectionId: section.id, step })),
  );
}

export function fieldState(run: Run, ref: FieldRef): FieldState | undefined {
  return run.values[ref.stepId]?.[ref.fieldId];
}

export function fieldValue(run: Run, ref: FieldRef): FieldValue | undefined {
  return fieldState(run, ref)?.value;
}

/** Empty means "not answered": null, blank text, an empty list, or an unchecked box. */
export function isEmptyValue(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'boolean') return value === false;
  return false;
}

export function readSeverity(template: WorkflowTemplate, run: Run): Severity | undefined {
  const v = fieldValue(run, template.policy.severityField);
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)
    ? (v as Severity)
    : undefined;
}

/**
 * The plan tier: the verified field first; until the agent has verified it,
 * what the helpdesk page showed, when that names a tier exactly.
 */
export function readPlan(template: WorkflowTemplate, run: Run): PlanTier | undefined {
  const v = fieldValue(run, template.policy.planField);
  if (typeof v === 'string' && (PLAN_TIERS as readonly string[]).includes(v)) return v as PlanTier;
  const fromPage = run.ticket.plan?.trim().toLowerCase();
  if (!fromPage) return undefined;
  const byId = PLAN_TIERS.find((p) => p === fromPage);
  if (byId) return byId;
  return template.policy.plans.find((p) => p.label.toLowerCase() === fromPage)?.id;
}

export function severityPolicy(template: WorkflowTemplate, run: Run): SeverityPolicy | undefined {
  const sev = readSeverity(template, run);
  return sev ? template.policy.severities.find((s) => s.id === sev) : undefined;
}

export function planPolicy(template: WorkflowTemplate, run: Run): PlanPolicy | undefined {
  const plan = readPlan(template, run);
  return plan ? template.policy.plans.find((p) => p.id === plan) : undefined;
}

function compare(a: FieldValue | undefined, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function evaluateField(cond: Extract<Condition, { kind: 'field' }>, run: Run): boolean {
  const v = fieldValue(run, cond.field);
  switch (cond.op) {
    case 'set':
      return !isEmptyValue(v);
    case 'unset':
      return isEmptyValue(v);
    case 'eq':
      return v !== undefined && v !== null && v === cond.value;
    case 'neq':
      return v !== cond.value;
    case 'in':
      return (
        Array.isArray(cond.value) &&
        (typeof v === 'string' || typeof v === 'number') &&
        (cond.value as Array<string | number>).includes(v)
      );
    case 'includes':
      if (Array.isArray(v) && (typeof cond.value === 'string' || typeof cond.value === 'number')) {
        return (v as unknown[]).includes(cond.value);
      }
      return typeof v === 'string' && typeof cond.value === 'string' && v.includes(cond.value);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const c = compare(v, cond.value);
      if (c === undefined) return false;
      if (cond.op === 'lt') return c < 0;
      if (cond.op === 'lte') return c <= 0;
      if (cond.op === 'gt') return c > 0;
      return c >= 0;
    }
  }
}

/**
 * Step conditions can refer to other steps' status, which depends on their
 * own conditions; `visiting` breaks cycles (a step in a cycle counts as not
 * applicable rather than recursing forever).
 */
export function evaluateCondition(
  cond: Condition,
  template: WorkflowTemplate,
  run: Run,
  visiting: Set<string> = new Set(),
): boolean {
  switch (cond.kind) {
    case 'severity': {
      const sev = readSeverity(template, run);
      return sev !== undefined && cond.in.includes(sev);
    }
    case 'plan': {
      const plan = readPlan(template, run);
      return plan !== undefined && cond.in.includes(plan);
    }
    case 'field':
      return evaluateField(cond, run);
    case 'step':
      return cond.is.includes(stepStatusOf(template, run, cond.stepId, visiting));
    case 'all':
      return cond.of.every((c) => evaluateCondition(c, template, run, visiting));
    case 'any':
      return cond.of.some((c) => evaluateCondition(c, template, run, visiting));
    case 'not':
      return !evaluateCondition(cond.of, template, run, visiting);
  }
}

export function isStepApplicable(
  template: WorkflowTemplate,
  run: Run,
  stepId: string,
  visiting: Set<string> = new Set(),
): boolean {
  const step = findStep(template, stepId);
  if (!step) return false;
  if (!step.when) return true;
  if (visiting.has(stepId)) return false;
  const next = new Set(visiting).add(stepId);
  return evaluateCondition(step.when, template, run, next);
}

/** Stored status, or "not-applicable" when the step's condition does not hold. */
export function stepStatusOf(
  template: WorkflowTemplate,
  run: Run,
  stepId: string,
  visiting: Set<string> = new Set(),
): StepStatus {
  if (!isStepApplicable(template, run, stepId, visiting)) return 'not-applicable';
  return run.steps[stepId]?.status ?? 'pending';
}

/**
 * When a condition last became true, as far as the run can tell: the latest
 * change to any step or field it reads (used for a clock's stop time).
 * Severity/plan read the policy fields.
 */
export function conditionChangedAt(
  cond: Condition,
  template: WorkflowTemplate,
  run: Run,
): number | undefined {
  const times: number[] = [];
  const visit = (c: Condition): void => {
    switch (c.kind) {
      case 'severity': {
        const s = fieldState(run, template.policy.severityField);
        if (s) times.push(s.since);
        break;
      }
      case 'plan': {
        const s = fieldState(run, template.policy.planField);
        if (s) times.push(s.since);
        break;
      }
      case 'field': {
        const s = fieldState(run, c.field);
        if (s) times.push(s.since);
        break;
      }
      case 'step': {
        const s = run.steps[c.stepId];
        if (s) times.push(s.at);
        break;
      }
      case 'all':
      case 'any':
        c.of.forEach(visit);
        break;
      case 'not':
        visit(c.of);
        break;
    }
  };
  visit(cond);
  return times.length > 0 ? Math.max(...times) : undefined;
}
