import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { deriveRunView } from './derive';
import { applyMutation, type Mutation } from './engine';
import { WorkflowError } from './errors';
import { runEventSchema, runSchema, type FieldValue } from './schema';
import { AGENT, MIN, T0, scenario } from './testing';

const T = DEFAULT_TEMPLATE;
const fieldRefs = T.sections.flatMap((s) =>
  s.steps.flatMap((st) => st.fields.map((f) => ({ stepId: st.id, fieldId: f.id }))),
);
const stepIds = T.sections.flatMap((s) => s.steps.map((st) => st.id));

// Values of every shape, valid and invalid for the field they land on.
const value: fc.Arbitrary<FieldValue> = fc.oneof(
  fc.constantFrom('SEV1', 'SEV2', 'SEV4', 'enterprise', 'trial', 'resolved', 'not-fixed', 'auth'),
  fc.constantFrom('req_1', 'https://acme.atlassian.net/browse/SUP-1', 'https://example.com', ''),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -2, max: 7 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ local: '2026-11-26T10:00', timeZone: 'Europe/Paris' }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .record({
      type: fc.constant('set-field' as const),
      ref: fc.constantFrom(...fieldRefs),
      value,
    })
    .map(({ ref, value: v }) => ({ type: 'set-field' as const, ...ref, value: v })),
  fc.record({
    type: fc.constant('set-step-status' as const),
    stepId: fc.constantFrom(...stepIds),
    status: fc.constantFrom('pending' as const, 'done' as const, 'skipped' as const),
    skipReason: fc.option(fc.constantFrom('not needed', ' '), { nil: undefined }),
  }),
  fc.record({
    type: fc.constantFrom('pause-clock' as const, 'resume-clock' as const),
    clockId: fc.constantFrom('first-response', 'status-page', 'engineering-ack'),
  }),
);

describe('applyMutation invariants', () => {
  it('valid runs stay valid; refused mutations change nothing; every change is logged', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 40 }), (mutations) => {
        let { run } = scenario();
        let now = T0;
        for (const m of mutations) {
          now += MIN;
          const before = JSON.stringify(run);
          try {
            const r = applyMutation(T, run, m, AGENT, now);
            if (r.run !== run) {
              expect(r.run.revision).toBe(run.revision + 1);
              expect(r.events.length).toBeGreaterThan(0);
            } else {
              expect(r.events).toEqual([]);
            }
            for (const e of r.events) expect(() => runEventSchema.parse(e)).not.toThrow();
            expect(JSON.stringify(run)).toBe(before);
            run = r.run;
          } catch (e) {
            expect(e).toBeInstanceOf(WorkflowError);
            expect(JSON.stringify(run)).toBe(before);
          }
          expect(() => runSchema.parse(run)).not.toThrow();
          const view = deriveRunView(T, run, now);
          expect(view.closed).toBe(run.closedAt !== undefined);
          expect(view.progress.done).toBeLessThanOrEqual(view.progress.applicable);
        }
      }),
      { numRuns: 200 },
    );
  });
});
