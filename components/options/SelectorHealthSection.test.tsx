// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthRow } from '../../lib/messaging/health';
import { lastDays, SelectorHealthSection } from './SelectorHealthSection';

afterEach(cleanup);

const days = lastDays(Date.UTC(2026, 11, 3, 12), 3);
const row = (day: string, fact: string, strategy: string, count: number): HealthRow => ({
  day,
  helpdesk: 'zendesk',
  fact,
  strategy,
  count,
});

describe('SelectorHealthSection', () => {
  it('lists the last days', () => {
    expect(days).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
  });

  it('shows per fact and day which strategy read it, and marks drift and misses', () => {
    render(
      <SelectorHealthSection
        days={days}
        rows={[
          row('2026-12-01', 'plan', 'api', 9),
          row('2026-12-02', 'plan', 'api', 4),
          row('2026-12-03', 'plan', 'labels', 6),
          row('2026-12-03', 'plan', 'missing', 1),
          row('2026-12-03', 'subject', 'api', 7),
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Zendesk' });
    const plan = within(table).getByRole('row', { name: /plan/ });
    const cells = within(plan).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['api 9', 'api 4', 'labels 6, missing 1']);
    expect(cells[2]!.className).toContain('cb-health--drift');
    expect(cells[2]!.className).toContain('cb-health--missing');
    expect(cells[1]!.className).toBe('');
    expect(screen.queryByRole('table', { name: 'Intercom' })).toBeNull();
  });

  it('says when there is nothing yet', () => {
    render(<SelectorHealthSection days={days} rows={[]} />);
    expect(screen.getByText('No ticket has been opened in the last 3 days.')).toBeTruthy();
  });
});
