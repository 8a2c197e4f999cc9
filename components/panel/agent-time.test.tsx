// @vitest-environment happy-dom
/**
 * Times an agent reads are in the agent's own zone (the browser's), with UTC
 * only on hover. Rendered as an agent in New York would see them.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OpenRunSummary } from '../../lib/messaging/runs';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import type { RunEvent } from '../../lib/workflow/schema';
import type { ClockView } from '../../lib/workflow/view';
import { OpenRunsList } from '../popup/OpenRunsList';
import { RunRecord } from '../report/RunRecord';
import { hhmm } from './actions/common';
import { ClockChip } from './ClockChip';
import { agentTimeZone, formatMinute, setAgentTimeZone } from './clock-format';
import { ClockReminder } from './ClockReminder';
import { NowContext } from './now';
import { StepHistory } from './StepHistory';

/** Fri 2026-12-04 17:00 UTC = 12:00 in New York (EST, UTC-5). */
const NOW = Date.UTC(2026, 11, 4, 17, 0);
/** 18:10 UTC = 13:10 in New York: the "next update due 18:10 UTC". */
const DUE = Date.UTC(2026, 11, 4, 18, 10);

let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});
afterEach(cleanup);

function clock(overrides: Partial<ClockView> = {}): ClockView {
  return {
    id: 'first-response',
    label: 'First response',
    kind: 'deadline',
    state: 'running',
    startedAt: NOW - 3_600_000,
    dueAt: DUE,
    remainingMs: DUE - NOW,
    stoppedAt: undefined,
    targetMinutes: 130,
    time: 'calendar',
    ...overrides,
  };
}

/** The visible text only (not attributes). */
const visible = (el: Element | null) => el?.textContent ?? '';

describe('agent-facing times in New York', () => {
  it('the zone under test is New York', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
  });

  it('a clock chip shows 13:10, not 18:10 UTC; UTC is on hover', () => {
    const { container } = render(
      <NowContext.Provider value={NOW}>
        <ClockChip clock={clock()} leadMinutes={15} />
      </NowContext.Provider>,
    );
    const chip = container.querySelector('.cb-chip')!;
    expect(visible(chip)).toBe('First response 1h 10m left (Fri 13:10)');
    expect(visible(chip)).not.toMatch(/UTC|18:10/);
    expect(chip.getAttribute('title')).toBe(
      'First response: On track, due Fri 13:10 your time · 2026-12-04 18:10 UTC',
    );
  });

  it('a breach reminder words it in the agent zone and keeps UTC on hover', () => {
    const breached = clock({ dueAt: NOW - 50 * 60_000, remainingMs: -50 * 60_000 });
    const { container } = render(
      <NowContext.Provider value={NOW}>
        <ClockReminder clocks={[breached]} leadMinutes={15} />
      </NowContext.Provider>,
    );
    const line = container.querySelector('.cb-reminder')!;
    expect(visible(line)).toBe('Breached: First response breached 50m ago.');
    expect(line.getAttribute('title')).toContain('due Fri 11:10 your time · 2026-12-04 16:10 UTC');
  });

  it('step history entries are in the agent zone, with UTC on hover', async () => {
    const event: RunEvent = {
      runId: 'zendesk:1',
      at: DUE,
      by: { name: 'Ada' },
      type: 'field-set',
      stepId: 'acknowledge',
      fieldId: 'x',
      old: undefined,
      new: 'y',
    };
    const step = DEFAULT_TEMPLATE.sections[0]!.steps[0]!;
    render(
      <StepHistory step={{ ...step, id: 'acknowledge' }} onLoadHistory={async () => [event]} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    const time = await screen.findByText('2026-12-04 13:10');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('title')).toBe('2026-12-04 18:10 UTC');
    expect(time.getAttribute('datetime')).toBe('2026-12-04T18:10:00.000Z');
  });

  it('the run record timeline is in the agent zone, with UTC on hover', () => {
    const { container } = render(
      <RunRecord
        title="Zendesk 1"
        markdown="Hand-off"
        timeline={[{ key: '1', at: DUE, who: 'Ada', what: 'Severity' }]}
        onDownload={() => undefined}
      />,
    );
    const time = container.querySelector('.cb-timeline time')!;
    expect(visible(time)).toBe('2026-12-04 13:10');
    expect(time.getAttribute('title')).toBe('2026-12-04 18:10 UTC');
  });

  it('the popup due phrase has the agent-zone and UTC time on hover, no UTC in its text', () => {
    const item: OpenRunSummary = {
      runId: 'zendesk:1',
      helpdesk: 'zendesk',
      ticketId: '1',
      subject: 'Checkout fails',
      url: 'https://acme.zendesk.com/agent/tickets/1',
      progress: { done: 0, applicable: 10, percent: 0 },
      breached: false,
      dueSoon: false,
      updatedAt: NOW,
      nextDueAt: DUE,
      nextClockLabel: 'First response',
    };
    const { container } = render(
      <OpenRunsList
        items={[item]}
        now={NOW}
        id="runs"
        activeIndex={0}
        onHover={() => undefined}
        onChoose={() => undefined}
      />,
    );
    const due = container.querySelector('.cb-run__due')!;
    expect(visible(due)).toBe('First response due in 1h 10m');
    expect(due.getAttribute('title')).toBe('Due Fri 13:10 your time · 2026-12-04 18:10 UTC');
  });
});

describe('a zone the agent chose in options, over the browser’s (New York)', () => {
  afterEach(() => setAgentTimeZone(undefined));

  it('is the agent zone once set; an unknown or empty zone leaves the browser’s', () => {
    setAgentTimeZone('Asia/Tokyo');
    expect(agentTimeZone()).toBe('Asia/Tokyo');
    setAgentTimeZone('Mars/Olympus');
    expect(agentTimeZone()).toBe('America/New_York');
    setAgentTimeZone('Asia/Tokyo');
    setAgentTimeZone('');
    expect(agentTimeZone()).toBe('America/New_York');
  });

  it('formats with an explicit zone whatever the browser’s', () => {
    // 18:10 UTC is 03:10 the next day in Tokyo, 13:10 in New York.
    expect(formatMinute(DUE, 'Asia/Tokyo')).toBe('2026-12-05 03:10');
    expect(formatMinute(DUE, 'America/New_York')).toBe('2026-12-04 13:10');
    expect(formatMinute(Date.UTC(2026, 11, 4, 15, 0), 'Asia/Tokyo')).toBe('2026-12-05 00:00');
    expect(hhmm(DUE, 'Asia/Tokyo')).toMatch(/^03:10 /);
  });

  it('the clock chip, the step history and the popup follow it; UTC stays on hover', async () => {
    setAgentTimeZone('Asia/Tokyo');
    const { container } = render(
      <NowContext.Provider value={NOW}>
        <ClockChip clock={clock()} leadMinutes={15} />
      </NowContext.Provider>,
    );
    const chip = container.querySelector('.cb-chip')!;
    expect(visible(chip)).toBe('First response 1h 10m left (Sat 03:10)');
    expect(chip.getAttribute('title')).toBe(
      'First response: On track, due Sat 03:10 your time · 2026-12-04 18:10 UTC',
    );
    cleanup();

    const event: RunEvent = {
      runId: 'zendesk:1',
      at: DUE,
      by: { name: 'Ada' },
      type: 'field-set',
      stepId: 'acknowledge',
      fieldId: 'x',
      old: undefined,
      new: 'y',
    };
    const step = DEFAULT_TEMPLATE.sections[0]!.steps[0]!;
    render(
      <StepHistory step={{ ...step, id: 'acknowledge' }} onLoadHistory={async () => [event]} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    const time = await screen.findByText('2026-12-05 03:10');
    expect(time.getAttribute('title')).toBe('2026-12-04 18:10 UTC');
    cleanup();

    const item: OpenRunSummary = {
      runId: 'zendesk:1',
      helpdesk: 'zendesk',
      ticketId: '1',
      subject: 'Checkout fails',
      url: 'https://acme.zendesk.com/agent/tickets/1',
      progress: { done: 0, applicable: 10, percent: 0 },
      breached: false,
      dueSoon: false,
      updatedAt: NOW,
      nextDueAt: DUE,
      nextClockLabel: 'First response',
    };
    const list = render(
      <OpenRunsList
        items={[item]}
        now={NOW}
        id="runs"
        activeIndex={0}
        onHover={() => undefined}
        onChoose={() => undefined}
      />,
    );
    expect(list.container.querySelector('.cb-run__due')!.getAttribute('title')).toBe(
      'Due Sat 03:10 your time · 2026-12-04 18:10 UTC',
    );
  });
});
