// @vitest-environment happy-dom
// The expected times below are written in UTC; one test reads them in New York.
process.env.TZ = 'UTC';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageState } from '../../../lib/actions/pagerduty-delivery';
import { fillGaps, IDLE, READY, runWith, setup, SEV1, T0 } from './testing/step-actions';

afterEach(cleanup);

/** A page PagerDuty took at T0. */
const ACCEPTED: PageState = {
  status: 'accepted',
  dedupKey: 'casebook-zendesk-12345',
  acceptedAt: T0,
  attempts: 1,
  pagesAccepted: 1,
  lastAcceptedAt: T0,
};

describe('paging', () => {
  it('pages on click when ready', async () => {
    const p = setup('page-sev1', runWith(SEV1));
    expect(screen.getByText('Not paged yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Page on-call (PagerDuty)' }));
    await waitFor(() => expect(p.onPage).toHaveBeenCalledWith(false));
  });

  it('shows why nothing was sent when the background declined a click', async () => {
    setup('page-sev1', runWith(SEV1), {
      onPage: vi.fn(async () => ({
        notice: 'The page is already on its way; Casebook keeps retrying it.',
      })),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Page on-call (PagerDuty)' }));
    expect(
      await screen.findByText('The page is already on its way; Casebook keeps retrying it.'),
    ).toBeTruthy();
  });

  it('shows a pending page and does not offer a second send', () => {
    setup('page-sev1', runWith(SEV1), {
      page: {
        readiness: READY,
        state: {
          status: 'retry-scheduled',
          dedupKey: 'casebook-zendesk-12345',
          attempt: 1,
          retryAt: T0 + 30_000,
          repage: false,
          lastError: { status: 429, message: 'PagerDuty is rate-limiting (429)' },
          pagesAccepted: 0,
        },
      },
    });
    expect(
      (screen.getByRole('button', { name: 'Page on-call (PagerDuty)' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
    expect(
      screen.getByText(
        /Page pending — PagerDuty is rate-limiting \(429\)\. Retrying at 08:00 UTC \(in 1 min\)/,
      ),
    ).toBeTruthy();
  });

  it('shows a failed page as an alert and offers to try again', () => {
    setup('page-sev1', runWith(SEV1), {
      page: {
        readiness: READY,
        state: {
          status: 'failed',
          dedupKey: 'k',
          at: T0,
          error: {
            status: 400,
            message: 'PagerDuty rejected the event (400): Event object is invalid',
          },
          attempts: 1,
          pagesAccepted: 0,
        },
      },
    });
    expect(screen.getByRole('alert').textContent).toContain(
      'The page failed: PagerDuty rejected the event (400)',
    );
    expect(
      (screen.getByRole('button', { name: 'Try paging again' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });

  it('says what configuration is missing', () => {
    setup('page-sev1', runWith(SEV1), {
      page: { state: IDLE, readiness: { ...READY, routingKeySet: false } },
    });
    expect(
      (screen.getByRole('button', { name: 'Page on-call (PagerDuty)' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
    expect(screen.getByText(/Add the PagerDuty routing key/)).toBeTruthy();
  });

  it("says when PagerDuty accepted the page in the agent's own time zone", () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      setup('page-sev1', runWith(SEV1), {
        page: {
          readiness: READY,
          state: ACCEPTED,
        },
      });
      expect(screen.getByText(/accepted the page at 04:00 EDT/)).toBeTruthy();
    } finally {
      process.env.TZ = zone;
    }
  });

  it('an accepted page is not sent again from the page button', () => {
    setup('page-sev1', runWith(SEV1), {
      page: {
        readiness: READY,
        state: ACCEPTED,
      },
    });
    // No second page button (step 13 after step 4): the accepted page is shown instead.
    expect(screen.queryByRole('button', { name: 'Page on-call (PagerDuty)' })).toBeNull();
    expect(
      screen.getByText(/accepted the page at 08:00 UTC \(dedup key casebook-zendesk-12345\)/),
    ).toBeTruthy();
  });

  it('once the bug is filed, offers to send its link to the accepted page (same dedup key)', async () => {
    setup('escalation-page', runWith(SEV1), { page: { readiness: READY, state: ACCEPTED } });
    expect(screen.queryByRole('button', { name: 'Send the bug link to the page' })).toBeNull();
    cleanup();
    const p = setup(
      'escalation-page',
      runWith({ ...SEV1, 'file-bug/bug-url': 'https://acme.atlassian.net/browse/ENG-42' }),
      { page: { readiness: READY, state: ACCEPTED } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send the bug link to the page' }));
    await waitFor(() => expect(p.onRecordAction).toHaveBeenCalled());
    expect(p.onPage).toHaveBeenCalledWith(true);
    expect(p.onRecordAction).toHaveBeenCalledWith(
      'page-on-call',
      'Sent the bug link to the open page: https://acme.atlassian.net/browse/ENG-42',
    );
  });

  it('SEV3 pages through a Slack mention', async () => {
    const p = setup('escalation-page', runWith({ ...SEV1, 'assign-severity/severity': 'SEV3' }));
    expect(screen.queryByRole('button', { name: /Page on-call/ })).toBeNull();
    expect(screen.getByText(/SEV3: page the on-call with a Slack mention/)).toBeTruthy();
    fillGaps();
    fireEvent.click(screen.getByRole('button', { name: 'Copy Slack mention for the on-call' }));
    await waitFor(() => expect(p.onRecordAction).toHaveBeenCalled());
    expect(p.onCopy).toHaveBeenCalledWith(
      expect.stringMatching(
        /^@oncall SEV3 escalation from support ticket 12345: All exports return HTTP 500/,
      ),
    );
  });

  it('copies the incident channel name', async () => {
    const p = setup('page-sev1', runWith(SEV1));
    fireEvent.click(screen.getByRole('button', { name: 'Copy #incident-12345' }));
    await waitFor(() => expect(p.onCopy).toHaveBeenCalledWith('#incident-12345'));
    expect(p.onRecordAction).toHaveBeenCalledWith(
      'copy-incident-channel',
      'Copied the incident channel name #incident-12345',
      // The run fills the channel field from it (lib/workflow/recorded-facts.ts).
      { channel: '#incident-12345' },
    );
  });
});

describe('holding for engineering', () => {
  it('re-page needs an accepted page first', () => {
    setup('hold-for-engineering', runWith(SEV1));
    expect(
      (screen.getByRole('button', { name: 'Re-page on-call' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(screen.getByText('No page has been accepted yet: page on-call first.')).toBeTruthy();
  });

  it('re-pages and records which escalation was used', async () => {
    const p = setup('hold-for-engineering', runWith(SEV1), {
      page: { state: ACCEPTED, readiness: READY },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Re-page on-call' }));
    await waitFor(() => expect(p.onSetField).toHaveBeenCalled());
    expect(p.onPage).toHaveBeenCalledWith(true);
    expect(p.onRecordAction).toHaveBeenCalledWith('re-page', expect.any(String));
    expect(p.onSetField).toHaveBeenCalledWith('hold-for-engineering', 'escalated', 're-paged');
  });

  it('escalates to the manager named in settings', async () => {
    const p = setup(
      'hold-for-engineering',
      runWith({ ...SEV1, 'file-bug/bug-url': 'https://acme.atlassian.net/browse/ENG-7' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Escalate to @eng-manager' }));
    await waitFor(() =>
      expect(p.onSetField).toHaveBeenCalledWith(
        'hold-for-engineering',
        'escalated',
        'escalated-to-manager',
      ),
    );
    expect(p.onCopy).toHaveBeenCalledWith(
      expect.stringContaining('Bug: https://acme.atlassian.net/browse/ENG-7'),
    );
    expect(p.onRecordAction).toHaveBeenCalledWith(
      'escalate-to-manager',
      'Escalated to @eng-manager',
    );
  });
});
