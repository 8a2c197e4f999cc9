import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { deriveRunView } from '../../lib/workflow/derive';
import { applyMutation, createRun } from '../../lib/workflow/engine';
import type { OpenRunSummary } from '../../lib/messaging/runs';
import { badgeCount, severityChangeMessage, urgencyOf, urgencyText } from './format';

const actor = { name: 'Priya' };
const T0 = Date.UTC(2026, 10, 26, 9);

function summary(nextDueAt: number | undefined): OpenRunSummary {
  return {
    runId: 'zendesk:1',
    helpdesk: 'zendesk',
    ticketId: '1',
    url: 'https://acme.zendesk.com/agent/tickets/1',
    progress: { done: 0, applicable: 10, percent: 0 },
    breached: false,
    dueSoon: false,
    updatedAt: T0,
    ...(nextDueAt !== undefined ? { nextDueAt, nextClockLabel: 'First response' } : {}),
  };
}

describe('popup wording', () => {
  it('classifies urgency and words it', () => {
    expect(urgencyOf(summary(T0 - 1), T0)).toBe('breached');
    expect(urgencyOf(summary(T0 + 10 * 60_000), T0)).toBe('due-soon');
    expect(urgencyOf(summary(T0 + 60 * 60_000), T0)).toBe('running');
    expect(urgencyOf(summary(undefined), T0)).toBe('idle');
    expect(urgencyText(summary(T0 - 12 * 60_000), T0)).toBe('First response breached 12m ago');
    expect(urgencyText(summary(T0 + 42 * 60_000 + 10_000), T0)).toBe('First response due in 42:10');
    expect(badgeCount({ breached: 2, dueSoon: 3 })).toBe(5);
  });

  it('says what SEV1 adds, by step number', () => {
    const { run } = createRun(
      DEFAULT_TEMPLATE,
      { helpdesk: 'zendesk', ticketId: '7', url: 'https://acme.zendesk.com/agent/tickets/7' },
      actor,
      T0,
    );
    const before = deriveRunView(DEFAULT_TEMPLATE, run, T0);
    const { run: after } = applyMutation(
      DEFAULT_TEMPLATE,
      run,
      {
        type: 'set-field',
        ...DEFAULT_TEMPLATE.policy.severityField,
        value: 'SEV1',
      },
      actor,
      T0,
    );
    const message = severityChangeMessage(
      DEFAULT_TEMPLATE,
      'SEV1',
      before,
      deriveRunView(DEFAULT_TEMPLATE, after, T0),
    );
    expect(message).toBe('SEV1: page on-call now — steps 4, 13, 16 added');
  });
});
