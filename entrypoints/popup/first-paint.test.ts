// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { OPEN_RUNS_PAINTED_MARK } from '../../components/popup/format';
import { paintFirstPage, paintedFirstPage } from './first-paint';

const now = Date.now();
const item = (i: number, nextDueAt?: number) => ({
  runId: `zendesk:${i}`,
  helpdesk: 'zendesk' as const,
  ticketId: String(i),
  subject: `Subject ${i}`,
  url: `https://acme.zendesk.com/agent/tickets/${i}`,
  severity: 'SEV2' as const,
  progress: { done: 1, applicable: 10, percent: 10 },
  ...(nextDueAt === undefined ? {} : { nextDueAt, nextClockLabel: 'First response' }),
  breached: false,
  dueSoon: false,
  updatedAt: now,
});
const page = {
  items: [item(1, now - 60_000), item(2, now + 3_600_000), item(3)],
  counts: { open: 40, breached: 1, dueSoon: 0 },
};

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<main id="root"></main>';
  root = document.getElementById('root')!;
  performance.clearMarks();
});

describe('the popup’s first paint before React', () => {
  it('does not draw a reply that fails validation, an error reply, or after React mounted', async () => {
    await paintFirstPage(root, Promise.resolve({ ok: true, data: { items: [{}] } }), () => false);
    await paintFirstPage(
      root,
      Promise.resolve({ ok: false, error: { code: 'internal', message: 'x' } }),
      () => false,
    );
    await paintFirstPage(root, Promise.reject(new Error('no answer')), () => false);
    await paintFirstPage(root, Promise.resolve({ ok: true, data: page }), () => true);
    expect(root.childElementCount).toBe(0);
    expect(paintedFirstPage()).toBeUndefined();
  });

  it('draws the validated rows, counts and hint, focuses search, and resolves after the marked frame', async () => {
    await paintFirstPage(root, Promise.resolve({ ok: true, data: page }), () => false);
    expect(paintedFirstPage()).toEqual(page);
    const rows = [...root.querySelectorAll('[role=option]')];
    expect(rows.map((r) => r.getAttribute('data-run-id'))).toEqual([
      'zendesk:1',
      'zendesk:2',
      'zendesk:3',
    ]);
    expect(rows[0]!.className).toContain('cb-run--breached');
    expect(rows[0]!.textContent).toContain('Zendesk #1');
    expect(rows[0]!.textContent).toContain('First response breached');
    expect(rows[2]!.textContent).toContain('No clock running');
    expect(root.querySelector('[data-testid=open-counts]')!.textContent).toBe(
      '1 urgent (1 breached, 0 due ≤ 15 min) · 40 open',
    );
    expect(root.textContent).toContain('Showing the 3 most urgent of 40');
    expect(document.activeElement).toBe(root.querySelector('input.cb-search'));
    expect(performance.getEntriesByName(OPEN_RUNS_PAINTED_MARK)).toHaveLength(1);
  });
});
