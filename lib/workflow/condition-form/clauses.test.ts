import { describe, expect, it } from 'vitest';
import { clauseForSubject, operatorsFor, withOperator } from './clauses';
import { catalog, stepIndex } from './testing';

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
