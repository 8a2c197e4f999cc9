import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../conditions';
import { DEFAULT_TEMPLATE } from '../default-template';
import { applyMutation, createRun } from '../engine';
import type { Condition, Severity } from '../schema';
import { AGENT, T0, ticket } from '../testing';
import { fromGroup, toGroup, type ConditionGroup } from './groups';
import { paidPlans, sev1 } from './testing';

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
