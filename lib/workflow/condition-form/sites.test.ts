import { describe, expect, it } from 'vitest';
import { conditionScope } from './sites';
import { catalog, stepIndex } from './testing';

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
