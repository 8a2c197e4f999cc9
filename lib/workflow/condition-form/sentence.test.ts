import { describe, expect, it } from 'vitest';
import { describeCondition } from './sentence';
import { catalog, paidPlans, sev1 } from './testing';

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
