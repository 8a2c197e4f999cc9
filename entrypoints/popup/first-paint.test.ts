// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { COUNTING, OPEN_RUNS_PAINTED_MARK } from '../../components/popup/format';
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
const items = [item(1, now - 60_000), item(2, now + 3_600_000), item(3)];
const counts = { open: 40, breached: 1, dueSoon: 0 };
const replies = (
  page: Promise<unknown>,
  countsReply: Promise<unknown> = new Promise(() => {}),
) => ({
  page,
  counts: countsReply,
});
const ok = (data: unknown) => Promise.resolve({ ok: true, data });

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<main id="root"></main>';
  root = document.getElementById('root')!;
  performance.clearMarks();
});

describe('the popup’s first paint before React', () => {
  it('does not draw a reply it does not recognise, an error reply, or after React mounted', async () => {
    await paintFirstPage(root, replies(ok({ items: [{}] })), () => false);
    await paintFirstPage(
      root,
      replies(ok({ items: [{ ...items[0], helpdesk: 'jira' }] })),
      () => false,
    );
    await paintFirstPage(
      root,
      replies(ok({ items: [{ ...items[0], nextDueAt: '1' }] })),
      () => false,
    );
    await paintFirstPage(root, replies(ok({ items, counts: { open: 1.5 } })), () => false);
    await paintFirstPage(root, replies(ok({ items: {} })), () => false);
    await paintFirstPage(
      root,
      replies(Promise.resolve({ ok: 'yes', data: { items } })),
      () => false,
    );
    await paintFirstPage(
      root,
      replies(Promise.resolve({ ok: false, error: { code: 'internal', message: 'x' } })),
      () => false,
    );
    await paintFirstPage(root, replies(Promise.reject(new Error('no answer'))), () => false);
    await paintFirstPage(root, replies(ok({ items })), () => true);
    expect(root.childElementCount).toBe(0);
    expect(paintedFirstPage()).toBeUndefined();
  });

  it('draws the validated rows, focuses search, and resolves after the marked frame without waiting for the counts', async () => {
    // The counts never answer: the rows are drawn all the same.
    await paintFirstPage(root, replies(ok({ items })), () => false);
    expect(paintedFirstPage()).toEqual({ items });
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
    expect(root.querySelector('[data-testid=open-counts]')!.textContent).toBe(COUNTING);
    expect(root.textContent).not.toContain('most urgent of');
    expect(document.activeElement).toBe(root.querySelector('input.cb-search'));
    expect(performance.getEntriesByName(OPEN_RUNS_PAINTED_MARK)).toHaveLength(1);
  });

  it('fills in the counts and the hint when their reply arrives', async () => {
    let answer!: (reply: unknown) => void;
    const late = new Promise((resolve) => (answer = resolve));
    await paintFirstPage(root, replies(ok({ items }), late), () => false);
    answer({ ok: true, data: counts });
    await late;
    await Promise.resolve();
    expect(root.querySelector('[data-testid=open-counts]')!.textContent).toBe(
      '1 urgent (1 breached, 0 due ≤ 15 min) · 40 open',
    );
    expect(root.textContent).toContain('Showing the 3 most urgent of 40');
    expect(paintedFirstPage()).toEqual({ items, counts });
  });

  it('draws counts that arrived first with the rows, and ignores malformed counts', async () => {
    await paintFirstPage(root, replies(ok({ items, counts })), () => false);
    expect(root.querySelector('[data-testid=open-counts]')!.textContent).toContain('40 open');

    root.replaceChildren();
    await paintFirstPage(root, replies(ok({ items }), ok({ open: -1 })), () => false);
    await new Promise((done) => setTimeout(done, 0));
    expect(root.querySelector('[data-testid=open-counts]')!.textContent).toBe(COUNTING);
  });

  it('leaves the counts to React once it has mounted', async () => {
    let mounted = false;
    let answer!: (reply: unknown) => void;
    const late = new Promise((resolve) => (answer = resolve));
    await paintFirstPage(root, replies(ok({ items }), late), () => mounted);
    mounted = true;
    answer({ ok: true, data: counts });
    await new Promise((done) => setTimeout(done, 0));
    expect(root.querySelector('[data-testid=open-counts]')!.textContent).toBe(COUNTING);
  });
});
