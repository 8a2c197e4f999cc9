// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { deriveRunView } from '../../lib/workflow/derive';
import { applyMutation, createRun } from '../../lib/workflow/engine';
import type { PageFacts } from '../../lib/workflow/page-suggestions';
import type { Actor, FieldValue, Run, RunEvent, TicketInfo } from '../../lib/workflow/schema';
import { fieldOfRole } from '../../lib/workflow/testing';
import { Panel } from './Panel';
import type { PanelProps } from './types';

// Fields by role, as the panel's suggestions find them.
const F = {
  severity: fieldOfRole(DEFAULT_TEMPLATE, 'severity'),
  plan: fieldOfRole(DEFAULT_TEMPLATE, 'plan'),
  bug: fieldOfRole(DEFAULT_TEMPLATE, 'bug-url'),
  occurred: fieldOfRole(DEFAULT_TEMPLATE, 'occurred-at'),
  visible: fieldOfRole(DEFAULT_TEMPLATE, 'visible-at'),
  repro: fieldOfRole(DEFAULT_TEMPLATE, 'repro-steps'),
};
const ANA: Actor = { name: 'Ana Agent' };
const T0 = Date.UTC(2026, 11, 4, 9, 0);
const BASE: TicketInfo = {
  helpdesk: 'zendesk',
  ticketId: '4242',
  url: 'https://acme.zendesk.com/agent/tickets/4242',
  createdAt: T0,
};

function runWith(ticket: Partial<TicketInfo>, ...fields: [string, string, FieldValue][]): Run {
  let run = createRun(DEFAULT_TEMPLATE, { ...BASE, ...ticket }, ANA, T0).run;
  for (const [stepId, fieldId, value] of fields) {
    run = applyMutation(
      DEFAULT_TEMPLATE,
      run,
      { type: 'set-field', stepId, fieldId, value },
      ANA,
      T0,
    ).run;
  }
  return run;
}

function renderPanel(run: Run, pageFacts?: PageFacts, onSetStatus = vi.fn(async () => undefined)) {
  const onSetField = vi.fn(async () => undefined);
  const props: PanelProps = {
    helpdesk: 'zendesk',
    ticket: run.ticket,
    template: DEFAULT_TEMPLATE,
    run,
    view: deriveRunView(DEFAULT_TEMPLATE, run, T0),
    now: T0,
    missing: [],
    connection: 'connected',
    collapsed: false,
    onCollapsedChange: vi.fn(),
    position: null,
    onPositionChange: vi.fn(),
    onSetField,
    onSetStatus,
    onUploadFiles: vi.fn(async () => undefined),
    onLoadHistory: vi.fn(async () => [] as RunEvent[]),
    ...(pageFacts ? { pageFacts } : {}),
  };
  render(<Panel {...props} />);
  return onSetField;
}

function open(stepId: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`li.cb-step[data-step-id="${stepId}"]`)!;
  const toggle = row.querySelector<HTMLButtonElement>('.cb-step-toggle')!;
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
  return row;
}

afterEach(cleanup);

describe('the panel offers what the page shows, used in one click', () => {
  it('severity from the priority the team maps, on the severity step', async () => {
    const onSetField = renderPanel(runWith({ priority: 'urgent', priorityLabel: 'Urgent' }), {
      severityByPriority: { urgent: 'SEV1' },
    });
    const step = open(F.severity.stepId);
    expect(
      step.querySelector(`[data-suggest-field="${F.severity.fieldId}"]`)?.textContent,
    ).toContain('Severity from the page: SEV1 (priority Urgent)');
    fireEvent.click(screen.getByRole('button', { name: 'Use SEV1 for Severity' }));
    await waitFor(() =>
      expect(onSetField).toHaveBeenCalledWith(F.severity.stepId, F.severity.fieldId, 'SEV1'),
    );
  });

  it('no severity suggestion without the team mapping', () => {
    renderPanel(runWith({ priority: 'urgent' }));
    const step = open(F.severity.stepId);
    expect(step.querySelector('[data-suggest-field]')).toBeNull();
  });

  it('plan tier from the page', async () => {
    const onSetField = renderPanel(runWith({ plan: 'Enterprise' }));
    open(F.plan.stepId);
    fireEvent.click(screen.getByRole('button', { name: 'Use Enterprise for Plan tier' }));
    await waitFor(() =>
      expect(onSetField).toHaveBeenCalledWith(F.plan.stepId, F.plan.fieldId, 'enterprise'),
    );
  });

  it('the bug link written in a note, on the bug field', async () => {
    const onSetField = renderPanel(runWith({}, [F.severity.stepId, F.severity.fieldId, 'SEV2']), {
      issueLinks: [{ url: 'https://acme.atlassian.net/browse/ENG-7', key: 'ENG-7', where: 'note' }],
    });
    const step = open(F.bug.stepId);
    expect(step.querySelector(`[data-suggest-field="${F.bug.fieldId}"]`)?.textContent).toContain(
      'ENG-7 (in a note)',
    );
    fireEvent.click(screen.getByRole('button', { name: /^Use ENG-7 for Bug URL/ }));
    await waitFor(() =>
      expect(onSetField).toHaveBeenCalledWith(
        F.bug.stepId,
        F.bug.fieldId,
        'https://acme.atlassian.net/browse/ENG-7',
      ),
    );
  });

  it("the customer's zone on a customer-time field: re-zones a time entered in another zone", async () => {
    const onSetField = renderPanel(
      runWith({ customerTimeZone: 'Europe/Paris' }, [
        F.occurred.stepId,
        F.occurred.fieldId,
        { local: '2026-12-04T10:00', timeZone: 'America/New_York' },
      ]),
    );
    const step = open(F.occurred.stepId);
    expect(
      step.querySelector(`[data-suggest-field="${F.occurred.fieldId}--zone"]`)?.textContent,
    ).toContain("Customer's time zone from the page: Europe/Paris");
    fireEvent.click(
      screen.getByRole('button', { name: "Use Europe/Paris for Customer's time zone" }),
    );
    await waitFor(() =>
      expect(onSetField).toHaveBeenCalledWith(F.occurred.stepId, F.occurred.fieldId, {
        local: '2026-12-04T10:00',
        timeZone: 'Europe/Paris',
      }),
    );
  });

  it('an empty customer-time field takes the zone for the time still to be entered; no zone shown, none offered', async () => {
    const onSetField = renderPanel(runWith({ customerTimeZone: 'Europe/Paris' }));
    const step = open(F.visible.stepId);
    fireEvent.click(
      screen.getByRole('button', { name: "Use Europe/Paris for Customer's time zone" }),
    );
    await waitFor(() =>
      expect(step.querySelector(`[data-suggest-field="${F.visible.fieldId}--zone"]`)).toBeNull(),
    );
    const zone = step.querySelector<HTMLSelectElement>(`select[id$="${F.visible.fieldId}--zone"]`)!;
    expect(zone.value).toBe('Europe/Paris');
    expect(onSetField).not.toHaveBeenCalled();
    cleanup();
    renderPanel(runWith({}));
    expect(open(F.visible.stepId).querySelector('[data-suggest-field]')).toBeNull();
  });
});

describe('what the page shows, kept as shown when the agent marks the step done', () => {
  it('the ticket creation time for "when it happened": said above Mark done, recorded before done', async () => {
    const onSetStatus = vi.fn(async () => undefined);
    const onSetField = renderPanel(
      runWith({ customerTimeZone: 'Europe/Paris' }, [
        F.repro.stepId,
        F.repro.fieldId,
        'Sign in; back to /login',
      ]),
      undefined,
      onSetStatus,
    );
    const step = open(F.occurred.stepId);
    expect(
      step.querySelector(`[data-suggest-field="${F.occurred.fieldId}"]`)?.textContent,
    ).toContain('from the page: Fri 4 Dec, 10:00 Paris time (ticket created)');
    expect(step.querySelector(`#cb-${F.occurred.stepId}--kept`)?.textContent).toBe(
      "Mark done keeps what the page shows: When it happened (customer's time zone) Fri 4 Dec, 10:00 Paris time.",
    );
    const mark = within(step).getByRole('button', { name: 'Mark done' }) as HTMLButtonElement;
    expect(mark.disabled).toBe(false);
    fireEvent.click(mark);
    await waitFor(() =>
      expect(onSetStatus).toHaveBeenCalledWith(F.occurred.stepId, 'done', undefined),
    );
    expect(onSetField).toHaveBeenCalledWith(F.occurred.stepId, F.occurred.fieldId, {
      local: '2026-12-04T10:00',
      timeZone: 'Europe/Paris',
    });
    expect(onSetField.mock.invocationCallOrder[0]!).toBeLessThan(
      onSetStatus.mock.invocationCallOrder[0]!,
    );
  });

  it('Mark done stays disabled when the step lacks more than the page shows', () => {
    renderPanel(runWith({ customerTimeZone: 'Europe/Paris' }));
    const step = open(F.occurred.stepId);
    // Steps to reproduce are still empty: nothing is kept, Mark done waits.
    expect(step.querySelector(`#cb-${F.occurred.stepId}--kept`)).toBeNull();
    expect(
      (within(step).getByRole('button', { name: 'Mark done' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
