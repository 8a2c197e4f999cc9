import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './conditions';
import {
  checkClause,
  checkCondition,
  clauseForSubject,
  conditionCatalog,
  conditionScope,
  describeCondition,
  fromGroup,
  operatorsFor,
  templateConditions,
  toGroup,
  withOperator,
  type Clause,
  type ConditionGroup,
} from './condition-form';
import { DEFAULT_TEMPLATE } from './default-template';
import type { Condition, Severity } from './schema';
import { applyMutation, createRun } from './engine';
import { AGENT, T0, ticket } from './testing';

const catalog = conditionCatalog(DEFAULT_TEMPLATE);
const stepIndex = (id: string) => catalog.steps.findIndex((s) => s.id === id);

const sev1: Clause = { kind: 'severity', in: ['SEV1'] };
const paidPlans: Clause = { kind: 'plan', in: ['enterprise', 'paid'] };

describe('describeCondition', () => {
  it('reads as a sentence with the template’s labels', () => {
    expect(describeCondition({ kind: 'all', of: [sev1, paidPlans] }, catalog)).toBe(
      'Severity is SEV1 and Plan is one of Enterprise, Paid',
    );
    expect(
      describeCondition(
        {
          kind: 'any',
          of: [
            {
              kind: 'field',
              field: { stepId: 'confirm-fix', fieldId: 'confirmation' },
              op: 'eq',
              value: 'not-fixed',
            },
            {
              kind: 'field',
              field: { stepId: 'confirm-fix', fieldId: 'satisfaction' },
              op: 'lte',
              value: 3,
            },
          ],
        },
        catalog,
      ),
    ).toBe('Customer confirmation is Not fixed or Customer satisfaction (1–5) is at most 3');
  });

  it('brackets nested groups and words not, checkboxes, emptiness and steps', () => {
    const ack = { stepId: 'hold-for-engineering', fieldId: 'acknowledged' };
    expect(
      describeCondition(
        {
          kind: 'all',
          of: [
            sev1,
            { kind: 'any', of: [paidPlans, { kind: 'field', field: ack, op: 'eq', value: true }] },
            { kind: 'not', of: { kind: 'step', stepId: 'acknowledge', is: ['done', 'skipped'] } },
            {
              kind: 'field',
              field: { stepId: 'collect-repro', fieldId: 'request-id' },
              op: 'unset',
            },
          ],
        },
        catalog,
      ),
    ).toBe(
      'Severity is SEV1 and (Plan is one of Enterprise, Paid or Engineering acknowledged (commented or moved to In Progress) is checked) and not (Step 1 “Acknowledge the ticket within SLA” is done or skipped) and Request ID (from the response headers) is empty',
    );
  });

  it('names a missing field by its id', () => {
    expect(
      describeCondition(
        { kind: 'field', field: { stepId: 'assign-severity', fieldId: 'gone' }, op: 'set' },
        catalog,
      ),
    ).toBe('assign-severity/gone (missing) is filled in');
  });
});

describe('conditionScope', () => {
  it('offers earlier steps’ fields to a step, earlier fields of its own step to a field, and its own fields to a gate', () => {
    const at = stepIndex('page-sev1');
    const forStep = conditionScope(catalog, { kind: 'step', step: at });
    expect(forStep.fieldGroups.map((g) => g.step.id)).toEqual([
      'verify-account',
      'assign-severity',
    ]);
    expect(forStep.steps.map((s) => s.id)).toEqual([
      'acknowledge',
      'verify-account',
      'assign-severity',
    ]);
    const forField = conditionScope(catalog, { kind: 'field', step: at, field: 1 });
    expect(forField.fieldGroups.at(-1)).toMatchObject({
      step: { id: 'page-sev1' },
      fields: [{ id: 'pagerduty-incident' }],
    });
    const forGate = conditionScope(catalog, { kind: 'gate', step: at });
    expect(forGate.fieldGroups.at(-1)?.fields.map((f) => f.id)).toEqual([
      'pagerduty-incident',
      'incident-channel',
      'status-page-posted',
    ]);
    expect(conditionScope(catalog, { kind: 'step', step: 0 }).fieldGroups).toEqual([]);
  });
});

describe('operators and clause edits', () => {
  it('offers operators that fit the field type', () => {
    expect(operatorsFor('single-choice')).toContain('in');
    expect(operatorsFor('number')).toEqual(expect.arrayContaining(['gt', 'lte']));
    expect(operatorsFor('checkbox')).not.toContain('gt');
    expect(operatorsFor('file')).toEqual(['set', 'unset']);
  });

  it('picks a field with a fitting default and keeps the value when the operator allows', () => {
    const c = clauseForSubject('field:assign-severity/severity', catalog);
    expect(c).toEqual({
      kind: 'field',
      field: { stepId: 'assign-severity', fieldId: 'severity' },
      op: 'eq',
      value: 'SEV1',
    });
    if (c?.kind !== 'field') throw new Error('field clause expected');
    const field = catalog.steps[stepIndex('assign-severity')]!.fields[0];
    expect(withOperator(c, 'in', field)).toMatchObject({ op: 'in', value: ['SEV1'] });
    expect(withOperator(c, 'neq', field)).toMatchObject({ op: 'neq', value: 'SEV1' });
    expect(withOperator(c, 'set', field)).not.toHaveProperty('value');
    expect(clauseForSubject('field:confirm-fix/satisfaction', catalog, c)).toMatchObject({
      op: 'eq',
      value: 1,
    });
    expect(clauseForSubject('field:nope/nope', catalog)).toBeUndefined();
    expect(clauseForSubject('step:acknowledge', catalog)).toEqual({
      kind: 'step',
      stepId: 'acknowledge',
      is: ['done'],
    });
  });
});

describe('checkCondition', () => {
  it('finds nothing wrong in the default template', () => {
    for (const { condition, site } of templateConditions(DEFAULT_TEMPLATE)) {
      expect(checkCondition(condition, catalog, conditionScope(catalog, site))).toEqual([]);
    }
  });

  it('reports removed or renamed fields and steps', () => {
    const problems = checkCondition(
      {
        kind: 'all',
        of: [
          { kind: 'field', field: { stepId: 'assign-severity', fieldId: 'sev' }, op: 'set' },
          { kind: 'field', field: { stepId: 'gone', fieldId: 'x' }, op: 'set' },
          { kind: 'step', stepId: 'gone', is: ['done'] },
        ],
      },
      catalog,
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      [['of', 0, 'field'], 'unknown-field'],
      [['of', 1, 'field'], 'unknown-field'],
      [['of', 2, 'stepId'], 'unknown-step'],
    ]);
    expect(problems[0]!.message).toMatch(
      /step 3 “Assign severity.*no longer has.*removed or renamed/,
    );
  });

  it('reports values that are not options, missing values and wrong kinds', () => {
    const severity = { stepId: 'assign-severity', fieldId: 'severity' };
    const codes = (c: Clause) => checkClause(c, catalog).map((p) => p.code);
    expect(
      checkClause({ kind: 'field', field: severity, op: 'in', value: ['SEV1', 'SEV5'] }, catalog)[0]
        ?.message,
    ).toBe('“SEV5” is not among the options of Severity (SEV1, SEV2, SEV3, SEV4).');
    expect(codes({ kind: 'field', field: severity, op: 'in', value: [] })).toEqual(['no-value']);
    expect(codes({ kind: 'field', field: severity, op: 'gt', value: 'SEV1' })).toEqual([
      'unsuited-operator',
    ]);
    const sat = { stepId: 'confirm-fix', fieldId: 'satisfaction' };
    expect(codes({ kind: 'field', field: sat, op: 'lte', value: '3' })).toEqual(['wrong-type']);
    const req = { stepId: 'collect-repro', fieldId: 'request-id' };
    expect(codes({ kind: 'field', field: req, op: 'eq', value: ' ' })).toEqual(['no-value']);
    expect(codes({ kind: 'severity', in: [] })).toEqual(['empty-list']);
  });

  it('warns, without blocking, about a field answered after the condition is checked', () => {
    const problems = checkCondition(
      { kind: 'field', field: { stepId: 'close', fieldId: 'root-cause' }, op: 'set' },
      catalog,
      conditionScope(catalog, { kind: 'step', step: 0 }),
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'out-of-scope', level: 'warning' })]);
  });
});

describe('groups', () => {
  it('shows any condition as a group and turns it back into the same condition', () => {
    const cases: Condition[] = [
      sev1,
      { kind: 'all', of: [sev1, paidPlans] },
      { kind: 'any', of: [sev1, { kind: 'all', of: [paidPlans] }] },
      { kind: 'not', of: { kind: 'any', of: [sev1, paidPlans] } },
      { kind: 'not', of: { kind: 'all', of: [sev1, paidPlans] } },
      { kind: 'not', of: sev1 },
      { kind: 'not', of: { kind: 'not', of: sev1 } },
    ];
    for (const c of cases) expect(fromGroup(toGroup(c))).toEqual(c);
    expect(toGroup(sev1)).toEqual({ kind: 'group', match: 'all', items: [sev1] });
  });

  it('keeps a nested group of one, drops empty groups, and is empty when nothing is left', () => {
    const nested: ConditionGroup = {
      kind: 'group',
      match: 'all',
      items: [sev1, { kind: 'group', match: 'all', items: [paidPlans] }],
    };
    expect(fromGroup(nested)).toEqual({
      kind: 'all',
      of: [sev1, { kind: 'all', of: [paidPlans] }],
    });
    expect(
      fromGroup({
        kind: 'group',
        match: 'any',
        items: [sev1, { kind: 'group', match: 'all', items: [] }],
      }),
    ).toEqual({ kind: 'any', of: [sev1] });
    expect(fromGroup({ kind: 'group', match: 'none', items: [] })).toBeUndefined();
  });

  it('means the same as the condition it came from, for any tree and any severity', () => {
    const severities = fc.subarray(['SEV1', 'SEV2', 'SEV3', 'SEV4'] as Severity[], {
      minLength: 1,
    });
    const { tree } = fc.letrec<{ tree: Condition }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        severities.map((s): Condition => ({ kind: 'severity', in: s })),
        fc
          .array(tie('tree'), { minLength: 1, maxLength: 3 })
          .map((of): Condition => ({ kind: 'all', of })),
        fc
          .array(tie('tree'), { minLength: 1, maxLength: 3 })
          .map((of): Condition => ({ kind: 'any', of })),
        tie('tree').map((of): Condition => ({ kind: 'not', of })),
      ),
    }));
    const runs = (['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const).map((sev) => {
      const { run } = createRun(DEFAULT_TEMPLATE, ticket(), AGENT, T0);
      return applyMutation(
        DEFAULT_TEMPLATE,
        run,
        { type: 'set-field', stepId: 'assign-severity', fieldId: 'severity', value: sev },
        AGENT,
        T0,
      ).run;
    });
    fc.assert(
      fc.property(tree, (c) => {
        const back = fromGroup(toGroup(c));
        expect(back).toBeDefined();
        for (const run of runs) {
          expect(evaluateCondition(back!, DEFAULT_TEMPLATE, run)).toBe(
            evaluateCondition(c, DEFAULT_TEMPLATE, run),
          );
        }
      }),
    );
  });
});
