import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { deriveRunView } from './derive';
import { applyMutation, createRun } from './engine';
import type { Run } from './schema';
import { followOnStepId } from './follow-on';

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

describe('followOnStepId', () => {
  it('is nothing before the agent finished a step', () => {
    const run = start();
    expect(followOnStepId(deriveRunView(DEFAULT_TEMPLATE, run, T0), run)).toBeUndefined();
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
    expect(followOnStepId(view, run)).toBe(fourth);
  });

  it('follows the latest finish, not template order', () => {
    const ids = deriveRunView(DEFAULT_TEMPLATE, start(), T0)
      .sections.flatMap((s) => s.steps)
      .filter((s) => s.status === 'pending')
      .map((s) => s.step.id);
    let run = finish(start(), ids[3]!, T0 + 1);
    run = finish(run, ids[1]!, T0 + 2);
    expect(followOnStepId(deriveRunView(DEFAULT_TEMPLATE, run, T0 + 3), run)).toBe(ids[2]);
  });
});
