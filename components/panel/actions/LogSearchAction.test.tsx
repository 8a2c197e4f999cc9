// @vitest-environment happy-dom
// The expected times below are written in UTC; one test reads them in New York.
process.env.TZ = 'UTC';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runWith, setup } from './testing/step-actions';

afterEach(cleanup);

describe('log search', () => {
  it('needs the customer time, then opens a ±15-minute Sentry search', async () => {
    setup('search-logs', runWith({ 'collect-repro/workspace-id': 'acme' }));
    expect(
      (screen.getByRole('button', { name: 'Search Sentry (±15 min)' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
    expect(screen.getByText(/when the customer saw the problem/)).toBeTruthy();
    cleanup();
    const p = setup(
      'search-logs',
      runWith({
        'collect-repro/workspace-id': 'acme',
        'collect-repro/occurred-at': { local: '2026-03-08T02:30', timeZone: 'America/New_York' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Search Sentry (±15 min)' }));
    await waitFor(() => expect(p.onOpenUrl).toHaveBeenCalled());
    const url = new URL((p.onOpenUrl as ReturnType<typeof vi.fn>).mock.calls[0]?.[0] as string);
    expect(url.searchParams.get('start')).toBe('2026-03-08T07:15:00Z');
    expect(url.searchParams.get('end')).toBe('2026-03-08T07:45:00Z');
  });
});
