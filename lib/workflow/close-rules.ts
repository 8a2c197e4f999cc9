/**
 * A run closes only when its work is done: every applicable required step
 * other than the closing one is done, or skipped with a reason. The closing
 * step lists what is still open, so the agent can go to each.
 */
import { allSteps, isStepApplicable } from './conditions';
import type { Run, WorkflowTemplate } from './schema';

export interface OpenStep {
  stepId: string;
  /** 1-based position in the template ("step 12"). */
  number: number;
  title: string;
}

/** Applicable required steps, other than `closingId`, that are neither done nor skipped. */
export function openRequiredSteps(
  template: WorkflowTemplate,
  run: Run,
  closingId: string,
): OpenStep[] {
  const open: OpenStep[] = [];
  allSteps(template).forEach(({ step }, index) => {
    if (step.id === closingId || !step.required) return;
    if (!isStepApplicable(template, run, step.id)) return;
    const status = run.steps[step.id]?.status ?? 'pending';
    if (status === 'done' || status === 'skipped') return;
    open.push({ stepId: step.id, number: index + 1, title: step.title });
  });
  return open;
}

/** Why the closing step cannot be done yet, one line per open step. */
export function closeBlockers(open: OpenStep[]): string[] {
  return open.map(
    (s) => `Step ${s.number}, "${s.title}", is still open: finish it or skip it with a reason.`,
  );
}
