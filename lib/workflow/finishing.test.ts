import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { WorkflowError } from './errors';
import { actionFinishesStep } from './finishing';
import type { WorkflowTemplate } from './schema';
import {
  MIN,
  fieldOfRole,
  renameEveryId,
  scenario,
  setField,
  step,
  type Scenario,
} from './testing';

function record(s: Scenario, stepId: string, action: string, data?: unknown, done?: boolean) {
  return step(
    s,
    {
      type: 'record-action',
      stepId,
      action,
      ...(data !== undefined ? { data } : {}),
      ...(done ? { done } : {}),
    },
    s.now + MIN,
  );
}

// Steps and fields found by role: a template whose ids were all renamed behaves the same.
describe.each([
  ['the default template', DEFAULT_TEMPLATE],
  ['a template with every id renamed', renameEveryId(DEFAULT_TEMPLATE).template],
])('an action that finishes its step (%s)', (_name, template: WorkflowTemplate) => {
  const etaSent = fieldOfRole(template, 'eta-sent');
  const state = fieldOfRole(template, 'status-page-state');
  const severity = fieldOfRole(template, 'severity');
  const sev1 = () => setField(scenario({}, template), severity.stepId, severity.fieldId, 'SEV1');

  it('the ETA update ticks "sent", so inserting it finishes its step', () => {
    const s = sev1();
    expect(
      actionFinishesStep(template, s.run, etaSent.stepId, 'insert-eta-update', undefined, s.now),
    ).toBe(true);
    // Another message fills nothing there: the step would still lack "sent".
    expect(
      actionFinishesStep(template, s.run, etaSent.stepId, 'insert-first-touch', undefined, s.now),
    ).toBe(false);
  });

  it('only the Resolved status-page post finishes the status-page step', () => {
    const s = sev1();
    const check = (st: string) =>
      actionFinishesStep(template, s.run, state.stepId, 'status-page-update', { state: st }, s.now);
    expect(check('identified')).toBe(false);
    expect(check('resolved')).toBe(true);
  });

  it('a step already done is not finished again', () => {
    const s = record(sev1(), etaSent.stepId, 'insert-eta-update', undefined, true);
    expect(s.run.steps[etaSent.stepId]?.status).toBe('done');
    expect(
      actionFinishesStep(template, s.run, etaSent.stepId, 'insert-eta-update', undefined, s.now),
    ).toBe(false);
  });

  it('record-action with done: the action, the field it fills and the step done, in one revision', () => {
    const before = sev1();
    const s = record(before, etaSent.stepId, 'insert-eta-update', undefined, true);
    expect(s.run.revision).toBe(before.run.revision + 1);
    expect(s.run.values[etaSent.stepId]?.[etaSent.fieldId]?.value).toBe(true);
    expect(s.run.steps[etaSent.stepId]?.status).toBe('done');
    const added = s.events.slice(before.events.length).map((e) => e.type);
    expect(added).toEqual(['action', 'field-set', 'step-status']);
  });

  it('record-action with done is refused, and nothing recorded, while the step lacks something', () => {
    const s = sev1();
    expect(() =>
      record(s, state.stepId, 'status-page-update', { state: 'identified' }, true),
    ).toThrow(WorkflowError);
  });
});
