// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { deriveRunView } from '../../lib/workflow/derive';
import { createRun } from '../../lib/workflow/engine';
import type { Run, RunEvent, TicketInfo } from '../../lib/workflow/schema';
import { Panel } from './Panel';
import type { PanelProps } from './types';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

const INTERCOM: TicketInfo = {
  helpdesk: 'intercom',
  ticketId: '215467',
  url: 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/215467',
  subject: 'Webhooks stopped arriving',
  createdAt: T0,
};

function props(run: Run, overrides: Partial<PanelProps> = {}): PanelProps {
  return {
    helpdesk: run.helpdesk,
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
    onSetField: vi.fn(async () => undefined),
    onSetStatus: vi.fn(async () => undefined),
    onUploadFiles: vi.fn(async () => undefined),
    onLoadHistory: vi.fn(async () => [] as RunEvent[]),
    ...overrides,
  };
}

function openStep(stepId: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`li.cb-step[data-step-id="${stepId}"]`)!;
  const toggle = row.querySelector<HTMLButtonElement>('.cb-step-toggle')!;
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
  return row;
}

afterEach(cleanup);

describe('Panel step words', () => {
  it('on Intercom with Linear selected, names Intercom and Linear, never Zendesk or Jira', () => {
    const run = createRun(DEFAULT_TEMPLATE, INTERCOM, { name: 'Ana' }, T0).run;
    render(<Panel {...props(run, { tracker: 'linear' })} />);
    const fileBug = openStep('file-bug');
    openStep('hold-for-engineering');
    openStep('close');
    expect(fileBug.querySelector('.cb-step-title')?.textContent).toBe(
      'File a Linear bug with full repro context',
    );
    const panel = screen.getByRole('complementary', { name: 'Casebook' });
    const text = panel.textContent ?? '';
    expect(text).toContain('a link back to the Intercom conversation');
    expect(text).toContain('Bug URL (Linear issue)');
    expect(text).toContain('Watch the Linear issue');
    expect(text).not.toMatch(/Zendesk|Jira|\{\{/);
  });

  it('without a tracker chosen, names both issue links the bug field takes', () => {
    const run = createRun(
      DEFAULT_TEMPLATE,
      { ...INTERCOM, helpdesk: 'helpscout' },
      { name: 'Ana' },
      T0,
    ).run;
    render(<Panel {...props(run)} />);
    const fileBug = openStep('file-bug');
    expect(fileBug.querySelector('.cb-step-title')?.textContent).toBe(
      'File a Jira or Linear bug with full repro context',
    );
    expect(fileBug.textContent).toContain('a link back to the Help Scout conversation');
  });

  it('words a refusal that quotes a field label', async () => {
    const run = createRun(DEFAULT_TEMPLATE, INTERCOM, { name: 'Ana' }, T0).run;
    const onSetField = vi.fn(async () => {
      throw new Error('Bug URL ({{tracker}} issue): Use the issue link itself.');
    });
    render(<Panel {...props(run, { tracker: 'linear', onSetField })} />);
    const fileBug = openStep('file-bug');
    const input = fileBug.querySelector<HTMLInputElement>('input[type="url"]')!;
    fireEvent.change(input, { target: { value: 'https://linear.app/acme/issue/ENG-1' } });
    fireEvent.blur(input);
    await waitFor(() => expect(onSetField).toHaveBeenCalled());
    await waitFor(() =>
      expect(fileBug.textContent).toContain('Bug URL (Linear issue): Use the issue link itself.'),
    );
    expect(fileBug.textContent).not.toContain('{{tracker}}');
  });
});
