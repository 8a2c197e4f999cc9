import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../workflow/default-template';
import { applyMutation, type Mutation } from '../workflow/engine';
import type { Actor, FieldValue, Run, RunEvent } from '../workflow/schema';
import { AGENT, MIN, T0, scenario, ticket } from '../workflow/testing';
import { conflictsLostBy, foldOrder, foldRun } from './fold';

const T = DEFAULT_TEMPLATE;
const fieldRefs = T.sections.flatMap((s) =>
  s.steps.flatMap((st) => st.fields.map((f) => ({ stepId: st.id, fieldId: f.id }))),
);
const stepIds = T.sections.flatMap((s) => s.steps.map((st) => st.id));
const value: fc.Arbitrary<FieldValue> = fc.oneof(
  fc.constantFrom('SEV1', 'SEV2', 'enterprise', 'trial', 'resolved', 'auth', 'req_1'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 0, max: 7 }),
  fc.boolean(),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .record({ ref: fc.constantFrom(...fieldRefs), value })
    .map(({ ref, value: v }) => ({ type: 'set-field' as const, ...ref, value: v })),
  fc.record({
    type: fc.constant('set-step-status' as const),
    stepId: fc.constantFrom(...stepIds),
    status: fc.constantFrom('pending' as const, 'done' as const, 'skipped' as const),
    skipReason: fc.option(fc.constantFrom('not needed'), { nil: undefined }),
  }),
  fc.record({
    type: fc.constantFrom('pause-clock' as const, 'resume-clock' as const),
    clockId: fc.constantFrom('first-response', 'status-page', 'engineering-ack'),
  }),
  fc.constant({ type: 'record-action' as const, action: 'page-requested', data: { n: 1 } }),
  fc
    .constantFrom('Refund please', 'Still broken')
    .map((subject) => ({ type: 'update-ticket' as const, ticket: ticket({ subject }) })),
);

/** The run without the counters a fold and the engine count differently. */
function comparable(run: Run | undefined) {
  if (!run) return run;
  const { revision: _r, ...rest } = run;
  return JSON.parse(JSON.stringify(rest)) as unknown;
}

const DANA: Actor = { name: 'Dana Whitfield', email: 'dana@example.com' };

describe('foldRun', () => {
  it('rebuilds exactly the run the engine built, from its events alone', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 40 }), (mutations) => {
        let { run, events } = scenario({ plan: 'enterprise' });
        let now = T0;
        for (const m of mutations) {
          now += MIN;
          try {
            const r = applyMutation(T, run, m, AGENT, now);
            run = r.run;
            events = [...events, ...r.events];
          } catch {
            // Refused mutations record nothing.
          }
        }
        expect(comparable(foldRun(events).run)).toEqual(comparable(run));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the first creation and waits for it: events before it are not applied', () => {
    const a = scenario();
    const b = scenario({ subject: 'Second opener' });
    const set = applyMutation(
      T,
      a.run,
      { type: 'set-field', stepId: 'assign-severity', fieldId: 'severity', value: 'SEV1' },
      AGENT,
      T0 + MIN,
    );
    expect(foldRun(set.events).run).toBeUndefined();
    const folded = foldRun([...a.events, ...b.events, ...set.events]).run!;
    expect(folded.ticket.subject).toBe('Checkout fails with 500');
    expect(folded.values['assign-severity']?.severity?.value).toBe('SEV1');
  });

  it('the later edit of a field wins, both stay, and the overwritten agent is told', () => {
    const base = scenario();
    const ref = { stepId: 'assign-severity', fieldId: 'severity' };
    // Both edit from the same base (neither saw the other's value).
    const mine = applyMutation(
      T,
      base.run,
      { type: 'set-field', ...ref, value: 'SEV2' },
      AGENT,
      T0 + MIN,
    );
    const theirs = applyMutation(
      T,
      base.run,
      { type: 'set-field', ...ref, value: 'SEV1' },
      DANA,
      T0 + 2 * MIN,
    );
    const log: Array<RunEvent & { id: string; serverSeq?: number }> = [
      { ...base.events[0]!, id: 'created-1', serverSeq: 1 },
      { ...mine.events[0]!, id: 'mine-0001', serverSeq: 2 },
      { ...theirs.events[0]!, id: 'theirs-01', serverSeq: 3 },
    ];
    // Delivered in any order, the fold order is the server's.
    const { run, conflicts } = foldRun(foldOrder([log[2]!, log[0]!, log[1]!]));
    expect(run!.values['assign-severity']!.severity).toMatchObject({ value: 'SEV1', by: DANA });
    expect(conflicts).toHaveLength(1);
    expect(conflictsLostBy(conflicts, AGENT)).toEqual([
      expect.objectContaining({
        lost: expect.objectContaining({ value: 'SEV2', by: AGENT, eventId: 'mine-0001' }),
        won: expect.objectContaining({ value: 'SEV1', by: DANA, eventId: 'theirs-01' }),
      }),
    ]);
    expect(conflictsLostBy(conflicts, DANA)).toEqual([]);
  });

  it('an edit made after seeing the other value is no conflict', () => {
    const base = scenario();
    const ref = { stepId: 'assign-severity', fieldId: 'severity' };
    const first = applyMutation(
      T,
      base.run,
      { type: 'set-field', ...ref, value: 'SEV2' },
      AGENT,
      T0 + MIN,
    );
    const second = applyMutation(
      T,
      first.run,
      { type: 'set-field', ...ref, value: 'SEV1' },
      DANA,
      T0 + 2 * MIN,
    );
    const { conflicts } = foldRun([...base.events, ...first.events, ...second.events]);
    expect(conflicts).toEqual([]);
  });

  it('puts unsent events after every sequenced one, in the order they were made', () => {
    const order = foldOrder([
      { seq: 5, serverSeq: undefined, id: 'p2' },
      { seq: 9, serverSeq: 2, id: 's2' },
      { seq: 3, serverSeq: undefined, id: 'p1' },
      { seq: 1, serverSeq: 1, id: 's1' },
    ] as unknown as Array<RunEvent & { id: string; serverSeq?: number }>);
    expect(order.map((e) => e.id)).toEqual(['s1', 's2', 'p1', 'p2']);
  });
});
