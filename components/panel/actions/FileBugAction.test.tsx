// @vitest-environment happy-dom
// The expected times below are written in UTC; one test reads them in New York.
process.env.TZ = 'UTC';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runWith, SETTINGS, setup, SEV1 } from './testing/step-actions';

afterEach(cleanup);

describe('filing the bug', () => {
  it('refuses without a request ID and says why', () => {
    setup('file-bug', runWith(SEV1));
    expect(
      (screen.getByRole('button', { name: 'File the bug' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(
      screen.getByText(
        'A bug filed without a request ID gets bounced back: add the request ID in step 5 first.',
      ),
    ).toBeTruthy();
  });

  it('opens a prefilled Jira issue and records it', async () => {
    const p = setup('file-bug', runWith({ ...SEV1, 'collect-repro/request-id': 'req_1' }));
    fireEvent.click(screen.getByRole('button', { name: 'File in Jira' }));
    await waitFor(() => expect(p.onRecordAction).toHaveBeenCalled());
    const url = new URL((p.onOpenUrl as ReturnType<typeof vi.fn>).mock.calls[0]?.[0] as string);
    expect(url.pathname).toBe('/secure/CreateIssueDetails!init.jspa');
    expect(url.searchParams.get('summary')).toBe('[SEV1] All exports return HTTP 500');
    expect(p.onCopy).not.toHaveBeenCalled();
    expect(p.onRecordAction).toHaveBeenCalledWith('file-bug', 'Opened a prefilled Jira issue');
  });

  it('copies the full report first when the link would pass 8 KB', async () => {
    const p = setup(
      'file-bug',
      runWith({
        ...SEV1,
        'collect-repro/request-id': 'req_1',
        'collect-repro/repro-steps': 'Click export & wait\n'.repeat(600),
      }),
      { settings: { ...SETTINGS, tracker: { kind: 'linear', teamKey: 'ENG' } } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'File in Linear' }));
    expect(await screen.findByText(/too long for a link/)).toBeTruthy();
    expect((p.onCopy as ReturnType<typeof vi.fn>).mock.calls[0]?.[0]).toContain(
      'Click export & wait',
    );
    expect(
      ((p.onOpenUrl as ReturnType<typeof vi.fn>).mock.calls[0]?.[0] as string).length,
    ).toBeLessThanOrEqual(8000);
  });
});
