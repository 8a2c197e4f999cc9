import { describe, expect, it } from 'vitest';
import {
  evaluateCondition,
  isEmptyValue,
  readPlan,
  readSeverity,
  stepStatusOf,
  conditionChangedAt,
} from './conditions';
import { DEFAULT_TEMPLATE } from './default-template';
import type { Condition, FieldValue, Run } from './schema';

const actor = { name: 'Ada' };

function run(values: Record<string, Record<string, FieldValue>> = {}, plan?: string): Run {
  return {
    id: 'zendesk:1',
    helpdesk: 'zendesk',
    ticketId: '1',
    templateId: 'support-ticket',
    templateVersion: 1,
    ticket: {
      helpdesk: 'zendesk',
      ticketId: '1',
      url: 'https://a.zendesk.com/agent/tickets/1',
      plan,
    },
    createdAt: 0,
    updatedAt: 0,
    steps: {},
    values: Object.fromEntries(
      Object.entries(values).map(([s, fields]) => [
        s,
        Object.fromEntries(
          Object.entries(fields).map(([f, value]) => [f, { value, at: 5, by: actor, since: 5 }]),
        ),
      ]),
    ),
    pauses: [],
    revision: 1,
  };
}

const T = DEFAULT_TEMPLATE;

describe('conditions', () => {
  it('reads severity and plan from the policy fields', () => {
    const r = run({ 'assign-severity': { severity: 'SEV2' }, 'verify-account': { plan: 'trial' } });
    expect(readSeverity(T, r)).toBe('SEV2');
    expect(readPlan(T, r)).toBe('trial');
    expect(evaluateCondition({ kind: 'severity', in: ['SEV1', 'SEV2'] }, T, r)).toBe(true);
    expect(evaluateCondition({ kind: 'severity', in: ['SEV1'] }, T, r)).toBe(false);
    expect(evaluateCondition({ kind: 'plan', in: ['trial', 'free'] }, T, r)).toBe(true);
  });

  it('falls back to the plan the page showed until the agent verifies it', () => {
    expect(readPlan(T, run({}, 'Enterprise'))).toBe('enterprise');
    expect(readPlan(T, run({}, 'Gold'))).toBeUndefined();
    expect(readPlan(T, run({ 'verify-account': { plan: 'free' } }, 'Enterprise'))).toBe('free');
  });

  it('an unset severity satisfies no severity condition', () => {
    expect(
      evaluateCondition({ kind: 'severity', in: ['SEV1', 'SEV2', 'SEV3', 'SEV4'] }, T, run()),
    ).toBe(false);
  });

  it('evaluates field operators', () => {
    const r = run({ 'confirm-fix': { satisfaction: 3, confirmation: 'confirmed' } });
    const f = { stepId: 'confirm-fix', fieldId: 'satisfaction' };
    const c = { stepId: 'confirm-fix', fieldId: 'confirmation' };
    expect(evaluateCondition({ kind: 'field', field: f, op: 'lte', value: 3 }, T, r)).toBe(true);
    expect(evaluateCondition({ kind: 'field', field: f, op: 'lt', value: 3 }, T, r)).toBe(false);
    expect(evaluateCondition({ kind: 'field', field: f, op: 'gte', value: 3 }, T, r)).toBe(true);
    expect(evaluateCondition({ kind: 'field', field: f, op: 'gt', value: 2 }, T, r)).toBe(true);
    expect(evaluateCondition({ kind: 'field', field: c, op: 'eq', value: 'confirmed' }, T, r)).toBe(
      true,
    );
    expect(
      evaluateCondition({ kind: 'field', field: c, op: 'neq', value: 'confirmed' }, T, r),
    ).toBe(false);
    expect(
      evaluateCondition(
        { kind: 'field', field: c, op: 'in', value: ['not-fixed', 'confirmed'] },
        T,
        r,
      ),
    ).toBe(true);
    expect(evaluateCondition({ kind: 'field', field: c, op: 'set' }, T, r)).toBe(true);
    expect(evaluateCondition({ kind: 'field', field: c, op: 'unset' }, T, run())).toBe(true);
    // An unset number is not "≤ 3".
    expect(evaluateCondition({ kind: 'field', field: f, op: 'lte', value: 3 }, T, run())).toBe(
      false,
    );
  });

  it('includes works on lists and text', () => {
    const r = run({ 'collect-repro': { browser: 'Chrome 131' } });
    const f = { stepId: 'collect-repro', fieldId: 'browser' };
    expect(
      evaluateCondition({ kind: 'field', field: f, op: 'includes', value: 'Chrome' }, T, r),
    ).toBe(true);
  });

  it('combines with all / any / not', () => {
    const r = run({ 'assign-severity': { severity: 'SEV1' } });
    const sev1: Condition = { kind: 'severity', in: ['SEV1'] };
    const ent: Condition = { kind: 'plan', in: ['enterprise'] };
    expect(evaluateCondition({ kind: 'all', of: [sev1, ent] }, T, r)).toBe(false);
    expect(evaluateCondition({ kind: 'any', of: [sev1, ent] }, T, r)).toBe(true);
    expect(evaluateCondition({ kind: 'not', of: ent }, T, r)).toBe(true);
  });

  it('derives not-applicable step status from step conditions', () => {
    expect(stepStatusOf(T, run(), 'page-sev1')).toBe('not-applicable');
    expect(stepStatusOf(T, run({ 'assign-severity': { severity: 'SEV1' } }), 'page-sev1')).toBe(
      'pending',
    );
    expect(
      evaluateCondition({ kind: 'step', stepId: 'page-sev1', is: ['not-applicable'] }, T, run()),
    ).toBe(true);
  });

  it('treats blank text, empty lists, unchecked boxes and null as empty', () => {
    expect(isEmptyValue('  ')).toBe(true);
    expect(isEmptyValue([])).toBe(true);
    expect(isEmptyValue(false)).toBe(true);
    expect(isEmptyValue(null)).toBe(true);
    expect(isEmptyValue(0)).toBe(false);
    expect(isEmptyValue('x')).toBe(false);
  });

  it('conditionChangedAt is the latest change among what the condition reads', () => {
    const r = run({ 'assign-severity': { severity: 'SEV1' } });
    r.steps.acknowledge = { status: 'done', at: 99, by: actor };
    expect(conditionChangedAt({ kind: 'step', stepId: 'acknowledge', is: ['done'] }, T, r)).toBe(
      99,
    );
    expect(conditionChangedAt({ kind: 'severity', in: ['SEV1'] }, T, r)).toBe(5);
    expect(conditionChangedAt({ kind: 'plan', in: ['free'] }, T, r)).toBeUndefined();
  });
});
