import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { deriveRunView } from './derive';
import { applyMutation, createRun } from './engine';
import type { Run } from './schema';
import { followOnStepIds } from './follow-on';
import { DEFAULT_IDS } from './default-ids';

const T0 = Date.UTC(2026, 11, 4, 9);
const ana = { name: 'Ana' };

function start(): Run {
  return createRun(
    DEFAULT_TEMPLATE,
    { helpdesk: 'zendesk', ticketId: '1', url: 'https://acme.zendesk.com/agent/tickets/1' },
    ana,
    T0,
  ).run;
}

function finish(run: Run, stepId: string, at: number): Run {
  return applyMutation(
    DEFAULT_TEMPLATE,
    run,
    { type: 'set-step-status', stepId, status: 'skipped', skipReason: 'not needed' },
    ana,
    at,
  ).run;
}

describe('followOnStepIds', () => {
  it('is nothing before the agent finished a step', () => {
    const run = start();
    expect(followOnStepIds(deriveRunView(DEFAULT_TEMPLATE, run, T0), run)).toEqual([]);
  });

  it('is the first pending step after the one finished last, past a step left pending before it', () => {
    const steps = deriveRunView(DEFAULT_TEMPLATE, start(), T0)
      .sections.flatMap((s) => s.steps)
      .filter((s) => s.status === 'pending');
    const [first, second, third, fourth] = steps.map((s) => s.step.id);
    // The agent leaves the first step for later and finishes the second and third.
    let run = finish(start(), second!, T0 + 1);
    run = finish(run, third!, T0 + 2);
    const view = deriveRunView(DEFAULT_TEMPLATE, run, T0 + 3);
    expect(view.currentStepId).toBe(first);
    expect(followOnStepIds(view, run)).toEqual([fourth]);
  });

  it('follows the latest finish, not template order', () => {
    const ids = deriveRunView(DEFAULT_TEMPLATE, start(), T0)
      .sections.flatMap((s) => s.steps)
      .filter((s) => s.status === 'pending')
      .map((s) => s.step.id);
    let run = finish(start(), ids[3]!, T0 + 1);
    run = finish(run, ids[1]!, T0 + 2);
    expect(followOnStepIds(deriveRunView(DEFAULT_TEMPLATE, run, T0 + 3), run)).toEqual([ids[2]]);
  });

  it('opens an optional step on the way and the next required step after it', () => {
    const S = DEFAULT_IDS.steps;
    // Finishing the runbook check: the optional workaround and the configuration check.
    const run = finish(start(), S.checkRunbook, T0 + 1);
    const view = deriveRunView(DEFAULT_TEMPLATE, run, T0 + 2);
    expect(followOnStepIds(view, run)).toEqual([S.workaround, S.verifyConfig]);
  });

  it('stops at the first required step', () => {
    const S = DEFAULT_IDS.steps;
    const run = finish(start(), S.acknowledge, T0 + 1);
    const view = deriveRunView(DEFAULT_TEMPLATE, run, T0 + 2);
    expect(followOnStepIds(view, run)).toEqual([S.verifyAccount]);
  });
});
