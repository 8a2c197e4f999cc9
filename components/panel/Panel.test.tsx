// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { deriveRunView } from '../../lib/workflow/derive';
import { applyMutation, createRun, type Mutation } from '../../lib/workflow/engine';
import { fillStepWords, stepWordValues } from '../../lib/workflow/step-words';
import type { Actor, Run, RunEvent, TicketInfo } from '../../lib/workflow/schema';
import { Panel } from './Panel';
import { NowContext } from './now';
import type { PanelProps } from './types';

const ANA: Actor = { name: 'Ana Agent', email: 'ana@example.com' };
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

const TICKET: TicketInfo = {
  helpdesk: 'zendesk',
  ticketId: '4821',
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  subject: 'SSO login fails for the whole workspace',
  createdAt: T0,
};

function startRun(ticket: TicketInfo = TICKET): Run {
  return createRun(DEFAULT_TEMPLATE, ticket, ANA, T0).run;
}

function mutate(run: Run, ...ms: Mutation[]): Run {
  return ms.reduce(
    (r, m, i) => applyMutation(DEFAULT_TEMPLATE, r, m, ANA, T0 + 1000 * (i + 1)).run,
    run,
  );
}

function props(run: Run, now: number, overrides: Partial<PanelProps> = {}): PanelProps {
  return {
    helpdesk: run.helpdesk,
    ticket: run.ticket,
    template: DEFAULT_TEMPLATE,
    run,
    view: deriveRunView(DEFAULT_TEMPLATE, run, now),
    now,
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

function stepRow(stepId: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`li.cb-step[data-step-id="${stepId}"]`);
  if (!el) throw new Error(`step ${stepId} is not shown as an applicable step`);
  return el;
}

function expandStep(stepId: string): HTMLElement {
  const row = stepRow(stepId);
  const toggle = row.querySelector<HTMLButtonElement>('.cb-step-toggle')!;
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
  return stepRow(stepId);
}

afterEach(cleanup);

describe('Panel header', () => {
  it('shows helpdesk, ticket number, subject and the first-response clock when expanded', () => {
    const run = startRun();
    render(<Panel {...props(run, T0 + 18 * 60_000 + 5_000)} />);
    const panel = screen.getByRole('complementary', { name: 'Casebook' });
    const header = panel.querySelector('.cb-header')!;
    expect(header.textContent).toContain('Zendesk');
    expect(header.textContent).toContain('#4821');
    expect(header.textContent).toContain('SSO login fails for the whole workspace');
    const chip = header.querySelector('[data-clock-id="first-response"]')!;
    // 60 business minutes from creation (Thu 09:00 UTC, open hours), 18:05 elapsed;
    // the due time is shown in the agent's (the test machine's) zone.
    expect(chip.textContent).toMatch(/^First response due in 42 business min \(\w{3} \d\d:\d\d\)$/);
    expect(chip.getAttribute('data-state')).toBe('running');
    expect(
      screen.getByRole('button', { name: 'Collapse Casebook panel' }).getAttribute('aria-expanded'),
    ).toBe('true');
  });

  it('keeps ticket and the most urgent clock in the collapsed pill, with the breach in words', () => {
    const run = startRun({
      ...TICKET,
      helpdesk: 'helpscout',
      ticketId: '2871903',
      displayId: '#11161',
    });
    const onCollapsedChange = vi.fn();
    render(<Panel {...props(run, T0 + 72 * 60_000, { collapsed: true, onCollapsedChange })} />);
    const pill = screen.getByRole('button', { name: /Expand Casebook panel/ });
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    expect(pill.textContent).toContain('Help Scout');
    expect(pill.textContent).toContain('#11161');
    expect(pill.textContent).toContain('SSO login fails');
    const chip = pill.querySelector('[data-clock-id="first-response"]')!;
    expect(chip.textContent).toBe('First response breached 12m ago');
    expect(chip.className).toContain('cb-chip--danger');
    expect(document.querySelector('.cb-sections')).toBeNull();
    fireEvent.click(pill);
    expect(onCollapsedChange).toHaveBeenCalledWith(false);
  });

  it('counts down between view derivations as `now` ticks', () => {
    const run = startRun();
    const p = props(run, T0);
    const { rerender } = render(<Panel {...p} />);
    // The container re-renders with a new `now` but the same view.
    rerender(<Panel {...p} now={T0 + 50 * 60_000} />);
    const chip = document.querySelector('[data-clock-id="first-response"]')!;
    expect(chip.textContent).toMatch(/^First response due in 10 business min \(/);
    expect(chip.getAttribute('data-state')).toBe('due-soon');
  });

  it('says which metadata could not be read and when the connection is down', () => {
    const run = startRun();
    render(
      <Panel
        {...props(run, T0, {
          missing: ['requesterEmail', 'plan'],
          connection: 'reconnecting',
        })}
      />,
    );
    expect(document.querySelector('.cb-missing')!.textContent).toBe(
      'Could not read: requester e-mail, plan',
    );
    expect(screen.getByText(/Reconnecting/)).toBeTruthy();
  });

  it('shows a loading state while the run is not there yet', () => {
    const run = startRun();
    render(<Panel {...props(run, T0, { run: undefined, view: undefined })} />);
    expect(screen.getByText(/Loading this ticket/)).toBeTruthy();
    expect(document.querySelector('.cb-header')!.textContent).toContain('#4821');
  });
});

describe('Panel steps', () => {
  it('opens the current step, shows progress, and hides SEV1 steps until SEV1 is chosen', async () => {
    let run = startRun();
    const p = props(run, T0);
    const { rerender } = render(<Panel {...p} />);
    expect(screen.getByText('0 of 17 steps')).toBeTruthy();
    const current = stepRow('acknowledge');
    expect(current.getAttribute('aria-current')).toBe('step');
    expect(current.querySelector('.cb-step-toggle')!.getAttribute('aria-expanded')).toBe('true');
    expect(document.querySelector('li.cb-step[data-step-id="page-sev1"]')).toBeNull();

    const row = expandStep('assign-severity');
    // The SEV definitions are visible next to the options.
    expect(row.textContent).toMatch(/production down or data loss/i);
    const sev1 = within(row).getByRole('radio', { name: /SEV1/ });
    fireEvent.click(sev1);
    expect(p.onSetField).toHaveBeenCalledWith('assign-severity', 'severity', 'SEV1');

    run = mutate(run, {
      type: 'set-field',
      stepId: 'assign-severity',
      fieldId: 'severity',
      value: 'SEV1',
    });
    rerender(<Panel {...p} run={run} view={deriveRunView(DEFAULT_TEMPLATE, run, T0 + 2000)} />);
    const page = stepRow('page-sev1');
    expect(page.textContent).toContain('Page the on-call engineer');
    expect(
      (within(stepRow('assign-severity')).getByRole('radio', { name: /SEV1/ }) as HTMLInputElement)
        .checked,
    ).toBe(true);
  });

  it('renders a labelled editor for every visible field of the default template', () => {
    const run = mutate(
      startRun(),
      { type: 'set-field', stepId: 'assign-severity', fieldId: 'severity', value: 'SEV1' },
      { type: 'set-field', stepId: 'verify-account', fieldId: 'plan', value: 'enterprise' },
    );
    const view = deriveRunView(DEFAULT_TEMPLATE, run, T0);
    render(<Panel {...props(run, T0, { view })} />);
    let checked = 0;
    for (const section of view.sections) {
      for (const step of section.steps.filter((s) => s.applicable)) {
        const row = expandStep(step.step.id);
        for (const fv of step.fields.filter((f) => f.visible)) {
          const el = row.querySelector(`[data-field-id="${fv.field.id}"]`);
          expect(el, `${step.step.id}/${fv.field.id}`).not.toBeNull();
          // As the panel words it: {{tracker}} reads "Jira or Linear" with no tracker chosen.
          expect(el!.textContent).toContain(
            fillStepWords(fv.field.label, stepWordValues(run.helpdesk, 'none')),
          );
          for (const control of Array.from(el!.querySelectorAll('input, textarea, select'))) {
            const labels = (control as HTMLInputElement).labels;
            expect(labels?.length ?? 0, `${fv.field.id} control is labelled`).toBeGreaterThan(0);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(25);
  });

  it('disables Done on a blocked step and says why', () => {
    const run = startRun();
    render(<Panel {...props(run, T0)} />);
    const close = expandStep('close');
    const done = within(close).getByRole('button', { name: 'Mark done' }) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    const reasonId = done.getAttribute('aria-describedby')!;
    const reason = document.getElementById(reasonId)!;
    expect(reason.textContent).toMatch(/Tag the root cause/);
  });

  it('the closing step lists the steps still open, each a link that opens it', async () => {
    const run = startRun();
    render(<Panel {...props(run, T0)} />);
    const close = expandStep('close');
    expect(within(close).getByText(/Before closing, finish or skip/)).toBeTruthy();
    const links = [...close.querySelectorAll<HTMLButtonElement>('button[data-go-to]')];
    expect(links.length).toBeGreaterThan(5);
    const link = links[links.length - 1]!;
    const target = link.getAttribute('data-go-to')!;
    expect(stepRow(target).querySelector('.cb-step-toggle')?.getAttribute('aria-expanded')).toBe(
      'false',
    );
    await act(async () => {
      fireEvent.click(link);
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    });
    expect(stepRow(target).querySelector('.cb-step-toggle')?.getAttribute('aria-expanded')).toBe(
      'true',
    );
  });

  it('marks an unblocked step done', async () => {
    const run = startRun();
    const p = props(run, T0);
    render(<Panel {...p} />);
    const ack = stepRow('acknowledge');
    const done = within(ack).getByRole('button', { name: 'Mark done' }) as HTMLButtonElement;
    expect(done.disabled).toBe(false);
    await act(async () => fireEvent.click(done));
    expect(p.onSetStatus).toHaveBeenCalledWith('acknowledge', 'done', undefined);
  });

  it('will not skip without a reason', async () => {
    const run = startRun();
    const p = props(run, T0);
    render(<Panel {...p} />);
    const ack = stepRow('acknowledge');
    fireEvent.click(within(ack).getByRole('button', { name: 'Skip…' }));
    const submit = within(ack).getByRole('button', { name: 'Skip step' });
    await act(async () => fireEvent.click(submit));
    expect(p.onSetStatus).not.toHaveBeenCalled();
    expect(within(ack).getByRole('alert').textContent).toBe(
      'Give a reason for skipping this step.',
    );

    fireEvent.change(within(ack).getByLabelText(/Reason for skipping/), {
      target: { value: '  Customer replied on the phone already  ' },
    });
    await act(async () => fireEvent.click(within(ack).getByRole('button', { name: 'Skip step' })));
    expect(p.onSetStatus).toHaveBeenCalledWith(
      'acknowledge',
      'skipped',
      'Customer replied on the phone already',
    );
  });

  it('shows a skipped step with its reason and offers to reopen it', async () => {
    const run = mutate(startRun(), {
      type: 'set-step-status',
      stepId: 'acknowledge',
      status: 'skipped',
      skipReason: 'Duplicate of #4800',
    });
    const p = props(run, T0);
    render(<Panel {...p} />);
    const ack = expandStep('acknowledge');
    expect(ack.textContent).toContain('Skipped');
    expect(ack.textContent).toContain('Duplicate of #4800');
    await act(async () => fireEvent.click(within(ack).getByRole('button', { name: 'Reopen' })));
    expect(p.onSetStatus).toHaveBeenCalledWith('acknowledge', 'pending', undefined);
  });

  it('groups not-applicable steps under a toggle', () => {
    const run = startRun();
    render(<Panel {...props(run, T0)} />);
    const triage = document.querySelector('section[data-section-id="triage"]')!;
    const toggle = within(triage as HTMLElement).getByRole('button', {
      name: 'Not applicable (1)',
    });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(triage.querySelector('.cb-na-list')!.textContent).toContain('Page the on-call engineer');
  });

  it('renders the actions slot inside the expanded step', () => {
    const run = startRun();
    const renderActions = vi.fn((step) =>
      step.step.id === 'acknowledge' ? (
        <button type="button">Insert first-touch reply</button>
      ) : null,
    );
    render(<Panel {...props(run, T0, { renderActions })} />);
    expect(
      within(stepRow('acknowledge')).getByRole('button', { name: 'Insert first-touch reply' }),
    ).toBeTruthy();
  });

  it('ticks the clocks without re-rendering the step list', () => {
    const run = startRun();
    const renderActions = vi.fn(() => null);
    const base = props(run, T0, { renderActions });
    const { rerender } = render(<Panel {...base} />);
    const chip = () => document.querySelector('.cb-header')!.textContent;
    const before = chip();
    const rendersBefore = renderActions.mock.calls.length;
    expect(rendersBefore).toBeGreaterThan(0);
    rerender(<Panel {...base} now={T0 + 61_000} />);
    expect(chip()).not.toBe(before);
    expect(renderActions.mock.calls.length).toBe(rendersBefore);
  });

  it("follows the container's ticking clock (NowContext) when no moment is pinned", () => {
    const run = startRun();
    const renderActions = vi.fn(() => null);
    const { now: _pinned, ...base } = props(run, T0, { renderActions });
    const panel = <Panel {...base} />;
    const { rerender } = render(<NowContext.Provider value={T0}>{panel}</NowContext.Provider>);
    const chip = () => document.querySelector('.cb-header .cb-chip')!.textContent;
    const before = chip();
    const rendersBefore = renderActions.mock.calls.length;
    // The container's element is unchanged by a tick: only what reads the clock re-renders.
    rerender(<NowContext.Provider value={T0 + 61_000}>{panel}</NowContext.Provider>);
    expect(chip()).not.toBe(before);
    expect(renderActions.mock.calls.length).toBe(rendersBefore);
  });

  it('shows who changed what, when, old → new', async () => {
    const run = startRun();
    const events: RunEvent[] = [
      {
        seq: 7,
        runId: run.id,
        at: T0 + 5 * 60_000,
        by: ANA,
        type: 'field-set',
        stepId: 'assign-severity',
        fieldId: 'severity',
        old: 'SEV3',
        new: 'SEV1',
      },
      {
        seq: 8,
        runId: run.id,
        at: T0 + 6 * 60_000,
        by: { name: 'Bo Lead' },
        type: 'step-status',
        stepId: 'assign-severity',
        old: 'pending',
        new: 'done',
      },
    ];
    const onLoadHistory = vi.fn(async () => events);
    render(<Panel {...props(run, T0, { onLoadHistory })} />);
    const row = expandStep('assign-severity');
    const button = within(row).getByRole('button', { name: 'History' });
    await act(async () => fireEvent.click(button));
    expect(onLoadHistory).toHaveBeenCalledWith('assign-severity');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const items = within(row)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('cb-history-item'));
    expect(items).toHaveLength(2);
    // Newest first.
    expect(items[0]!.textContent).toContain('Bo Lead');
    expect(items[0]!.textContent).toMatch(/Status: pending\s*→\s*changed to\s*done/);
    expect(items[1]!.textContent).toContain('Ana Agent (ana@example.com)');
    expect(items[1]!.querySelector('.cb-history-old')!.textContent).toMatch(/^SEV3/);
    expect(items[1]!.querySelector('.cb-history-new')!.textContent).toMatch(/^SEV1/);
    expect(items[1]!.querySelector('time')!.getAttribute('dateTime')).toBe(
      new Date(T0 + 5 * 60_000).toISOString(),
    );
  });
});

describe('Panel safety and keyboard', () => {
  it('renders hostile ticket text as text', () => {
    const hostile =
      '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>';
    const run = startRun({ ...TICKET, subject: hostile });
    const { container } = render(<Panel {...props(run, T0)} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('.cb-subject')!.textContent).toBe(hostile);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('collapses on Escape', () => {
    const run = startRun();
    const p = props(run, T0);
    render(<Panel {...p} />);
    fireEvent.keyDown(stepRow('acknowledge').querySelector('button')!, { key: 'Escape' });
    expect(p.onCollapsedChange).toHaveBeenCalledWith(true);
  });

  it('Escape in the skip form closes the form, not the panel', () => {
    const run = startRun();
    const p = props(run, T0);
    render(<Panel {...p} />);
    const ack = stepRow('acknowledge');
    fireEvent.click(within(ack).getByRole('button', { name: 'Skip…' }));
    fireEvent.keyDown(within(ack).getByLabelText(/Reason for skipping/), { key: 'Escape' });
    expect(p.onCollapsedChange).not.toHaveBeenCalled();
    expect(within(ack).queryByLabelText(/Reason for skipping/)).toBeNull();
  });

  it('keeps key events from reaching the page', () => {
    const run = startRun();
    render(<Panel {...props(run, T0)} />);
    const seen: string[] = [];
    const listener = (e: Event) => seen.push(e.type);
    for (const type of ['keydown', 'keyup', 'keypress']) document.addEventListener(type, listener);
    try {
      const input = stepRow('acknowledge').querySelector('button')!;
      for (const type of ['keydown', 'keyup', 'keypress']) {
        input.dispatchEvent(new KeyboardEvent(type, { key: 'j', bubbles: true, composed: true }));
      }
      // Control: the same listener does hear a key event from outside the panel.
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    } finally {
      for (const type of ['keydown', 'keyup', 'keypress'])
        document.removeEventListener(type, listener);
    }
    expect(seen).toEqual(['keydown']);
  });

  it('moves by dragging the header and reports the clamped position', () => {
    const run = startRun();
    const p = props(run, T0, { position: { x: 100, y: 100 } });
    render(<Panel {...p} />);
    const root = screen.getByRole('complementary', { name: 'Casebook' });
    root.getBoundingClientRect = () =>
      ({
        left: 100,
        top: 100,
        width: 360,
        height: 400,
        right: 460,
        bottom: 500,
        x: 100,
        y: 100,
      }) as DOMRect;
    const header = root.querySelector('.cb-header')!;
    fireEvent.pointerDown(header, {
      button: 0,
      isPrimary: true,
      pointerId: 1,
      clientX: 150,
      clientY: 110,
    });
    fireEvent.pointerMove(header, { pointerId: 1, clientX: -500, clientY: 160 });
    fireEvent.pointerUp(header, { pointerId: 1, clientX: -500, clientY: 160 });
    expect(p.onPositionChange).toHaveBeenCalledTimes(1);
    const moved = (p.onPositionChange as ReturnType<typeof vi.fn>).mock.calls[0]![0];
    expect(moved).toEqual({ x: 0, y: 150 });
  });

  it('drags the collapsed pill without also expanding it', async () => {
    const run = startRun();
    const p = props(run, T0, { collapsed: true, position: { x: 300, y: 300 } });
    render(<Panel {...p} />);
    const root = screen.getByRole('complementary', { name: 'Casebook' });
    root.getBoundingClientRect = () =>
      ({
        left: 300,
        top: 300,
        width: 240,
        height: 60,
        right: 540,
        bottom: 360,
        x: 300,
        y: 300,
      }) as DOMRect;
    const pill = screen.getByRole('button', { name: /Expand Casebook panel/ });
    fireEvent.pointerDown(pill, {
      button: 0,
      isPrimary: true,
      pointerId: 2,
      clientX: 310,
      clientY: 310,
    });
    fireEvent.pointerMove(pill, { pointerId: 2, clientX: 250, clientY: 280 });
    fireEvent.pointerUp(pill, { pointerId: 2, clientX: 250, clientY: 280 });
    fireEvent.click(pill);
    expect(p.onPositionChange).toHaveBeenCalledWith({ x: 240, y: 270 });
    expect(p.onCollapsedChange).not.toHaveBeenCalled();
    // A later click (or Enter) still expands.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    fireEvent.click(pill);
    expect(p.onCollapsedChange).toHaveBeenCalledWith(false);
  });

  it('docked: full height at the side, resizable; collapsed to a rail with progress and the next clock', () => {
    const run = startRun();
    const onLayoutChange = vi.fn();
    const layout = { mode: 'docked' as const, side: 'right' as const, width: 400 };
    const { rerender } = render(<Panel {...props(run, T0, { layout, onLayoutChange })} />);
    const root = document.querySelector('.cb-root') as HTMLElement;
    expect(root.dataset.layout).toBe('docked');
    expect(root.style.width).toBe('400px');
    expect(root.style.right).toBe('0px');
    const handle = screen.getByRole('separator', { name: 'Resize Casebook panel' });
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(onLayoutChange).toHaveBeenLastCalledWith({ ...layout, width: 420 }, true);
    fireEvent.click(screen.getByRole('button', { name: 'Float Casebook over the page' }));
    expect(onLayoutChange).toHaveBeenLastCalledWith({ ...layout, mode: 'floating' }, true);

    rerender(
      <Panel {...props(run, T0 + 72 * 60_000, { layout, onLayoutChange, collapsed: true })} />,
    );
    const rail = screen.getByRole('button', { name: /Expand Casebook panel/ });
    expect(root.style.width).toBe('72px');
    expect(rail.querySelector('[data-testid="rail-progress"]')?.textContent).toMatch(/^0\/\d+/);
    expect(rail.querySelector('.cb-rail-clock-label')?.textContent).toBe('Breached');
    // The state once, the time short: the rest is in the hover text.
    expect(rail.querySelector('.cb-rail-clock-detail')?.textContent).not.toMatch(/breached|\(/i);
  });

  it('by default sits bottom-right, above a send button in its way', () => {
    const run = startRun();
    const { innerWidth: w, innerHeight: h } = window;
    const { rerender } = render(<Panel {...props(run, T0)} />);
    const root = screen.getByRole('complementary', { name: 'Casebook' });
    expect(root.style.right).toBe('16px');
    expect(root.style.bottom).toBe('16px');
    const sendButton = { top: h - 60, left: w - 120, width: 90, height: 36 };
    rerender(<Panel {...props(run, T0, { avoidRect: sendButton })} />);
    expect(root.style.bottom).toBe(`${60 + 12}px`);
    // A stored position wins over the default.
    rerender(<Panel {...props(run, T0, { avoidRect: sendButton, position: { x: 20, y: 30 } })} />);
    expect(root.style.left).toBe('20px');
    expect(root.style.top).toBe('30px');
    expect(root.style.bottom).toBe('');
  });

  it('moves with Alt+arrow keys on the header button', () => {
    const run = startRun();
    const p = props(run, T0, { position: { x: 100, y: 100 } });
    render(<Panel {...p} />);
    const root = screen.getByRole('complementary', { name: 'Casebook' });
    root.getBoundingClientRect = () =>
      ({
        left: 100,
        top: 100,
        width: 360,
        height: 400,
        right: 460,
        bottom: 500,
        x: 100,
        y: 100,
      }) as DOMRect;
    const button = screen.getByRole('button', { name: 'Collapse Casebook panel' });
    fireEvent.keyDown(button, { key: 'ArrowLeft', altKey: true });
    expect(p.onPositionChange).toHaveBeenLastCalledWith({ x: 76, y: 100 });
    fireEvent.keyDown(button, { key: 'ArrowDown', altKey: true });
    expect(p.onPositionChange).toHaveBeenLastCalledWith({ x: 100, y: 124 });
    // Without Alt, or from inside a step, arrows are left alone.
    fireEvent.keyDown(button, { key: 'ArrowLeft' });
    fireEvent.keyDown(stepRow('acknowledge').querySelector('button')!, {
      key: 'ArrowLeft',
      altKey: true,
    });
    expect(p.onPositionChange).toHaveBeenCalledTimes(2);
  });

  it('reports a broken connection as an alert', () => {
    const run = startRun();
    render(<Panel {...props(run, T0, { connection: 'error', error: 'extension was updated' })} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Casebook is not connected: extension was updated',
    );
  });
});

describe('SLA reminder line', () => {
  it('says nothing while every clock is on track', () => {
    render(<Panel {...props(startRun(), T0 + 10 * 60_000)} />);
    expect(document.querySelector('.cb-reminders')).toBeNull();
  });

  it('reminds at 75 % of the target, then says the breach, in words above the steps', () => {
    const run = startRun();
    const p = props(run, T0);
    const { rerender } = render(<Panel {...p} />);
    // 50 of 60 business minutes: past 75 %.
    rerender(<Panel {...p} now={T0 + 50 * 60_000} />);
    const line = document.querySelector('.cb-reminder[data-clock-id="first-response"]')!;
    expect(line.textContent).toMatch(/^Reminder: First response due in 10 business min \(/);
    // What to do about it, not the chip again.
    expect(line.textContent).toMatch(/\. Reply to the customer to meet it\.$/);
    expect(line.className).toContain('cb-reminder--warn');
    rerender(<Panel {...p} now={T0 + 72 * 60_000} />);
    const breached = document.querySelector('.cb-reminder[data-clock-id="first-response"]')!;
    expect(breached.textContent).toBe(
      'Breached: First response breached 12m ago. Reply to the customer now.',
    );
    expect(breached.className).toContain('cb-reminder--danger');
  });
});
