import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allowedNextStates,
  ATLASSIAN_DEFAULT_WORDING,
  draftStatusUpdate,
  nextStatusUpdateDue,
  statusPageCadenceMinutes,
  suggestedNextState,
  transitionStatusPage,
} from './statuspage';
import { T0, TEST_TEMPLATE, testRun } from './test-fixtures';
import { STATUS_PAGE_STATES, type StatusPageState } from '../workflow/schema';

const IMPACT = {
  'assign-severity/severity': 'SEV1',
  'assign-severity/impact': 'checkout failing for EU customers',
};

describe('status-page state machine', () => {
  it('starts as investigating', () => {
    expect(allowedNextStates(undefined)).toEqual(['investigating']);
    expect(transitionStatusPage(undefined, 'investigating')).toEqual({
      ok: true,
      state: 'investigating',
      reopened: false,
    });
    expect(transitionStatusPage(undefined, 'identified')).toEqual({
      ok: false,
      reason: 'A status-page incident starts as Investigating.',
    });
  });

  it('moves forward, may skip ahead or repeat, never goes back', () => {
    expect(allowedNextStates('investigating')).toEqual([
      'investigating',
      'identified',
      'monitoring',
      'resolved',
    ]);
    expect(allowedNextStates('identified')).toEqual(['identified', 'monitoring', 'resolved']);
    expect(allowedNextStates('monitoring')).toEqual(['monitoring', 'resolved']);
    expect(transitionStatusPage('investigating', 'monitoring').ok).toBe(true);
    expect(transitionStatusPage('monitoring', 'identified')).toEqual({
      ok: false,
      reason: 'The incident is already Monitoring; updates do not go back to Identified.',
    });
  });

  it('resolved is final unless reopened, and a reopened incident starts at investigating', () => {
    expect(allowedNextStates('resolved')).toEqual([]);
    expect(transitionStatusPage('resolved', 'resolved')).toEqual({
      ok: false,
      reason: 'The incident is resolved. Reopen it to post another update.',
    });
    expect(transitionStatusPage('resolved', 'investigating', { reopen: true })).toEqual({
      ok: true,
      state: 'investigating',
      reopened: true,
    });
    expect(transitionStatusPage('resolved', 'monitoring', { reopen: true }).ok).toBe(false);
  });

  it('rejects an unknown state', () => {
    expect(transitionStatusPage('investigating', 'postmortem' as StatusPageState).ok).toBe(false);
  });

  it('never goes backwards over any sequence (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ to: fc.constantFrom(...STATUS_PAGE_STATES), reopen: fc.boolean() })),
        (steps) => {
          let state: StatusPageState | undefined;
          for (const { to, reopen } of steps) {
            const t = transitionStatusPage(state, to, { reopen });
            if (!t.ok) continue;
            if (state !== undefined && !t.reopened) {
              expect(STATUS_PAGE_STATES.indexOf(t.state)).toBeGreaterThanOrEqual(
                STATUS_PAGE_STATES.indexOf(state),
              );
            }
            if (t.reopened) expect(state).toBe('resolved');
            state = t.state;
          }
        },
      ),
    );
  });

  it('suggests the next state to draft', () => {
    expect(suggestedNextState(undefined)).toBe('investigating');
    expect(suggestedNextState('investigating')).toBe('identified');
    expect(suggestedNextState('identified')).toBe('monitoring');
    expect(suggestedNextState('monitoring')).toBe('resolved');
    expect(suggestedNextState('resolved')).toBe(undefined);
  });
});

describe('drafted updates', () => {
  it("fills the workflow's message for each state", () => {
    const run = testRun(IMPACT);
    const d = draftStatusUpdate(TEST_TEMPLATE, run, 'investigating');
    expect(d).toMatchObject({ state: 'investigating', source: 'template', missing: [] });
    expect(d.text).toContain('checkout failing for EU customers');
    for (const s of STATUS_PAGE_STATES) {
      expect(draftStatusUpdate(TEST_TEMPLATE, run, s).source).toBe('template');
    }
  });

  it("falls back to Statuspage's default wording when the template has no message", () => {
    const template = { ...TEST_TEMPLATE, messages: [] };
    const run = testRun(IMPACT);
    expect(draftStatusUpdate(template, run, 'identified')).toEqual({
      state: 'identified',
      source: 'atlassian-default',
      text: 'The issue has been identified and a fix is being implemented.',
      missing: [],
    });
    expect(draftStatusUpdate(template, run, 'monitoring').text).toBe(
      ATLASSIAN_DEFAULT_WORDING.monitoring,
    );
  });
});

describe('cadence', () => {
  it('reads the cadence from the policy: SEV1 every 30 minutes, none otherwise', () => {
    expect(statusPageCadenceMinutes(TEST_TEMPLATE, 'SEV1')).toBe(30);
    expect(statusPageCadenceMinutes(TEST_TEMPLATE, 'SEV2')).toBe(undefined);
    expect(statusPageCadenceMinutes(TEST_TEMPLATE, undefined)).toBe(undefined);
  });

  it('is due a cadence after the last update, or after the start', () => {
    expect(
      nextStatusUpdateDue({
        state: undefined,
        lastPostedAt: undefined,
        startedAt: T0,
        cadenceMinutes: 30,
      }),
    ).toBe(T0 + 30 * 60_000);
    expect(
      nextStatusUpdateDue({
        state: 'identified',
        lastPostedAt: T0 + 600_000,
        startedAt: T0,
        cadenceMinutes: 30,
      }),
    ).toBe(T0 + 600_000 + 1_800_000);
    expect(
      nextStatusUpdateDue({
        state: 'resolved',
        lastPostedAt: T0,
        startedAt: T0,
        cadenceMinutes: 30,
      }),
    ).toBe(undefined);
    expect(
      nextStatusUpdateDue({
        state: 'monitoring',
        lastPostedAt: T0,
        startedAt: T0,
        cadenceMinutes: undefined,
      }),
    ).toBe(undefined);
  });
});
