/**
 * Whether an action finishes its step: once what the action records is in
 * (recorded-facts.ts: the ETA update ticks "sent", the Resolved status-page
 * post sets the state), would the step be ready to mark done? Then the panel
 * offers the action and "mark done" as one gesture ("Insert and mark done"),
 * applied as one record-action mutation with `done` (engine.ts). Pure: the
 * engine itself answers, on a copy of the run.
 */
import { stepBlockers } from './derive';
import { applyMutation } from './engine';
import { findStep } from './roles';
import type { Run, WorkflowTemplate } from './schema';

export function actionFinishesStep(
  template: WorkflowTemplate,
  run: Run,
  stepId: string,
  action: string,
  data: Record<string, unknown> | undefined,
  now: number,
): boolean {
  const step = findStep(template, stepId);
  if (!step || run.closedAt !== undefined) return false;
  if ((run.steps[stepId]?.status ?? 'pending') !== 'pending') return false;
  try {
    const after = applyMutation(
      template,
      run,
      { type: 'record-action', stepId, action, ...(data ? { data } : {}) },
      // Who does it changes nothing about what the step still needs.
      { name: 'check' },
      now,
    ).run;
    return stepBlockers(template, after, step).length === 0;
  } catch {
    return false;
  }
}
