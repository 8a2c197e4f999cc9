import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../default-template';
import type { Clause } from './clauses';
import { checkClause, checkCondition } from './problems';
import { conditionScope, templateConditions } from './sites';
import { catalog } from './testing';

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
