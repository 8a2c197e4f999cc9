// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpenRunSummary } from '../../lib/messaging/runs';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { deriveRunView } from '../../lib/workflow/derive';
import { createRun } from '../../lib/workflow/engine';
import { PopupView, type PopupViewProps } from './PopupView';

afterEach(cleanup);

const NOW = Date.UTC(2026, 10, 26, 12);

function item(i: number, dueInMin: number | undefined): OpenRunSummary {
  return {
    runId: `zendesk:${i}`,
    helpdesk: 'zendesk',
    ticketId: String(i),
    subject: `Subject ${i}`,
    url: `https://acme.zendesk.com/agent/tickets/${i}`,
    progress: { done: 0, applicable: 10, percent: 0 },
    breached: dueInMin !== undefined && dueInMin <= 0,
    dueSoon: false,
    updatedAt: NOW,
    ...(dueInMin !== undefined
      ? { nextDueAt: NOW + dueInMin * 60_000, nextClockLabel: 'First response' }
      : {}),
  };
}

function props(overrides: Partial<PopupViewProps> = {}): PopupViewProps {
  const items = Array.from({ length: 1000 }, (_, i) => item(i, i - 5));
  return {
    now: NOW,
    ticket: { kind: 'none' },
    busy: false,
    notice: undefined,
    onAcknowledge: vi.fn(),
    onPlan: vi.fn(),
    onSeverity: vi.fn(),
    onOpenPanel: vi.fn(),
    query: '',
    onQuery: vi.fn(),
    runs: { status: 'ready', items, counts: { open: 10_000, breached: 5, dueSoon: 15 } },
    onChooseRun: vi.fn(),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
}

describe('PopupView', () => {
  it('windows the list: 1,000 runs render only a screenful of rows', () => {
    render(<PopupView {...props()} />);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeLessThan(20);
    expect(options[0]?.textContent).toContain('breached');
    expect(options[0]?.getAttribute('aria-setsize')).toBe('1000');
    expect(screen.getByTestId('open-counts').textContent).toMatch(
      /20 urgent \(5 breached, 15 due ≤ 15 min\) · 10000 open/,
    );
    expect(screen.getByText(/Showing the 1000 most urgent of 10000/)).toBeTruthy();
  });

  it('shows the rows while the counts are still being counted', () => {
    const p = props();
    render(<PopupView {...p} runs={{ status: 'ready', items: p.runs.items }} />);
    expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    expect(screen.getByTestId('open-counts').textContent).toBe('Counting open runs…');
    expect(screen.queryByText(/most urgent of/)).toBeNull();
  });

  it('focuses search on open; arrows move the active run and Enter opens it', () => {
    const p = props();
    render(<PopupView {...p} />);
    const search = screen.getByRole('combobox');
    expect(document.activeElement).toBe(search);
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    expect(search.getAttribute('aria-activedescendant')).toMatch(/-opt-1$/);
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(p.onChooseRun).toHaveBeenCalledWith('zendesk:1');
  });

  it('digits in the search box search; outside it they set the severity', () => {
    const T0 = NOW - 10 * 60_000;
    const { run } = createRun(
      DEFAULT_TEMPLATE,
      {
        helpdesk: 'zendesk',
        ticketId: '7',
        url: 'https://acme.zendesk.com/agent/tickets/7',
        subject: 'Export fails',
      },
      { name: 'Priya' },
      T0,
    );
    const p = props({
      ticket: {
        kind: 'ready',
        ref: { helpdesk: 'zendesk', ticketId: '7', url: run.ticket.url },
        run,
        template: DEFAULT_TEMPLATE,
        view: deriveRunView(DEFAULT_TEMPLATE, run, NOW),
      },
    });
    render(<PopupView {...p} />);
    fireEvent.keyDown(screen.getByRole('combobox'), { key: '1' });
    expect(p.onSeverity).not.toHaveBeenCalled();
    const ack = screen.getByRole('button', { name: /Acknowledge/ });
    fireEvent.keyDown(ack, { key: '1' });
    expect(p.onSeverity).toHaveBeenCalledWith('SEV1');
    fireEvent.keyDown(ack, { key: 'a' });
    expect(p.onAcknowledge).toHaveBeenCalled();
    fireEvent.keyDown(ack, { key: 'p' });
    expect(p.onOpenPanel).toHaveBeenCalled();
    expect(screen.getByText('Export fails')).toBeTruthy();
    expect(screen.getByText('50:00 left')).toBeTruthy();
  });

  it('says when nothing matches', () => {
    render(
      <PopupView
        {...props({
          query: 'zzz',
          runs: { status: 'ready', items: [], counts: { open: 3, breached: 0, dueSoon: 0 } },
        })}
      />,
    );
    expect(screen.getByText('No open run matches “zzz”.')).toBeTruthy();
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
