// @vitest-environment happy-dom
// The expected times below are written in UTC; one test reads them in New York.
process.env.TZ = 'UTC';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftActions } from '../../../lib/actions/drafts';
import type { PageState } from '../../../lib/actions/pagerduty-delivery';
import type { PagingReadiness } from '../../../lib/messaging/actions';
import { DEFAULT_TEMPLATE } from '../../../lib/workflow/default-template';
import { deriveRunView } from '../../../lib/workflow/derive';
import { applyMutation, createRun } from '../../../lib/workflow/engine';
import type { Actor, FieldValue, Run } from '../../../lib/workflow/schema';
import type { StepView } from '../../../lib/workflow/view';
import { NowContext } from '../now';
import { StepActions, type ActionSettings, type StepActionsProps } from './StepActions';

const ANA: Actor = { name: 'Ana Agent' };
const T0 = Date.UTC(2026, 2, 8, 8, 0, 0);
const READY: PagingReadiness = {
  routingKeySet: true,
  endpointHost: 'events.pagerduty.com',
  permissionGranted: true,
};
const IDLE: PageState = { status: 'idle', pagesAccepted: 0 };
const SETTINGS: ActionSettings = {
  tracker: { kind: 'jira', site: 'acme.atlassian.net', projectId: '10001', issueTypeId: '10004' },
  sentrySearchUrl:
    'https://sentry.io/organizations/acme/issues/?query=workspace_id:{workspaceId}&start={start}&end={end}',
  datadogSearchUrl: '',
  statusPageAdminUrl: 'https://manage.statuspage.io/pages/abc',
  slackWorkspaceUrl: '',
  runbookUrl: '',
  escalationManager: '@eng-manager',
};

function runWith(values: Record<string, FieldValue>, at = T0): Run {
  let run = createRun(
    DEFAULT_TEMPLATE,
    {
      helpdesk: 'zendesk',
      ticketId: '12345',
      url: 'https://acme.zendesk.com/agent/tickets/12345',
      subject: 'Exports fail',
      requesterName: 'Grace',
      createdAt: T0,
    },
    ANA,
    at,
  ).run;
  for (const [key, value] of Object.entries(values)) {
    const [stepId, fieldId] = key.split('/') as [string, string];
    run = applyMutation(
      DEFAULT_TEMPLATE,
      run,
      { type: 'set-field', stepId, fieldId, value },
      ANA,
      at,
    ).run;
  }
  return run;
}

const SEV1 = {
  'verify-account/plan': 'enterprise',
  'assign-severity/severity': 'SEV1',
  'assign-severity/impact': 'All exports return HTTP 500',
};

/** What the background drafts for the run (`action.drafts`), as the container hands it in. */
const draftsFor = (run: Run, settings = SETTINGS) =>
  draftActions(DEFAULT_TEMPLATE, run, settings, 'Ana');

function setup(stepId: string, run: Run, overrides: Partial<StepActionsProps> = {}, now = T0) {
  const view = deriveRunView(DEFAULT_TEMPLATE, run, now);
  const step = view.sections.flatMap((s) => s.steps).find((s) => s.step.id === stepId) as StepView;
  const props: StepActionsProps = {
    step,
    view,
    template: DEFAULT_TEMPLATE,
    drafts: draftsFor(run, overrides.settings),
    settings: SETTINGS,
    page: { state: IDLE, readiness: READY },
    onInsertText: vi.fn(async () => ({ path: 'execCommand' })),
    onCopy: vi.fn(async () => undefined),
    onOpenUrl: vi.fn(),
    onPage: vi.fn(async () => undefined),
    onRecordAction: vi.fn(async () => undefined),
    onSetField: vi.fn(async () => undefined),
    ...overrides,
  };
  render(
    <NowContext.Provider value={now}>
      <StepActions {...props} />
    </NowContext.Provider>,
  );
  return props;
}

afterEach(cleanup);

const insertButton = () =>
  screen.getByRole('button', { name: 'Insert into reply' }) as HTMLButtonElement;

/** Answer every gap the preview asks for, as the agent would. */
function fillGaps(value = 'filled by the agent') {
  for (const field of document.querySelectorAll('[data-placeholder]'))
    fireEvent.change(field, { target: { value } });
}

describe('composer messages', () => {
  it('previews the first-touch reply, lets the agent edit it, inserts and records it', async () => {
    const p = setup('acknowledge', runWith({ 'verify-account/plan': 'paid' }));
    fireEvent.click(screen.getByRole('button', { name: 'Insert first-touch reply' }));
    const box = screen.getByRole('textbox', { name: /First-touch reply/ }) as HTMLTextAreaElement;
    expect(box.value).toMatch(/^Hi Grace,/);
    expect(box.value).toContain('within 1 hour');
    fireEvent.change(box, { target: { value: `${box.value}\nPS` } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert into reply' }));
    await waitFor(() => expect(p.onRecordAction).toHaveBeenCalled());
    expect(p.onInsertText).toHaveBeenCalledWith(expect.stringMatching(/Ana\nPS$/));
    expect(p.onRecordAction).toHaveBeenCalledWith(
      'insert-first-touch',
      'First-touch reply: inserted into the reply',
    );
    expect((await screen.findByRole('status')).textContent).toContain('Inserted into the reply.');
  });

  it('the preview follows the run until the agent edits it', () => {
    const p = setup('fix-shipped', runWith({}));
    cleanup();
    const at = (run: Run) => (
      <StepActions {...p} view={deriveRunView(DEFAULT_TEMPLATE, run, T0)} drafts={draftsFor(run)} />
    );
    const { rerender } = render(at(runWith({})));
    fireEvent.click(screen.getByRole('button', { name: 'Insert fix-shipped note' }));
    const box = () => screen.getByRole('textbox', { name: /Fix shipped/ }) as HTMLTextAreaElement;
    expect(box().value).toContain('{{fix-shipped.release-tag}}');
    // The release tag is saved while the preview is open.
    rerender(at(runWith({ 'fix-shipped/release-tag': 'v9' })));
    expect(box().value).toContain('release v9.');
    // What the run still lacks is asked for in the preview; Insert waits for it.
    expect(screen.getByLabelText('Visible at (fix shipped)')).toBeTruthy();
    expect(insertButton().disabled).toBe(true);
    fireEvent.change(box(), { target: { value: 'My own words, v9.' } });
    rerender(at(runWith({ 'fix-shipped/release-tag': 'v10' })));
    expect(box().value).toBe('My own words, v9.');
    expect(screen.queryByLabelText('Visible at (fix shipped)')).toBeNull();
    expect(insertButton().disabled).toBe(false);
  });

  it('says so when the text went to the clipboard instead', async () => {
    const p = setup('acknowledge', runWith({}), {
      onInsertText: vi.fn(async () => ({ path: 'clipboard' })),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Insert first-touch reply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Insert into reply' }));
    expect(await screen.findByText(/text is on the clipboard/)).toBeTruthy();
    expect(p.onRecordAction).toHaveBeenCalledWith(
      'insert-first-touch',
      'First-touch reply: copied to the clipboard',
    );
  });

  it('lists placeholders still to fill (ETA update) and shows an insertion error', async () => {
    setup('eta-update', runWith(SEV1), {
      onInsertText: vi.fn(async () => Promise.reject(new Error('No reply editor on the page'))),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Insert ETA update' }));
    const asked = screen
      .getAllByRole('textbox')
      .map((el) => el.getAttribute('data-placeholder'))
      .filter(Boolean);
    expect(asked).toEqual(expect.arrayContaining(['update', 'bug.id', 'eta']));
    expect(insertButton().disabled).toBe(true);
    fillGaps();
    expect(insertButton().disabled).toBe(false);
    fireEvent.click(insertButton());
    expect((await screen.findByRole('alert')).textContent).toContain('No reply editor on the page');
  });
});

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
          state: {
            status: 'accepted',
            dedupKey: 'casebook-zendesk-12345',
            acceptedAt: T0,
            attempts: 1,
            pagesAccepted: 1,
            lastAcceptedAt: T0,
          },
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
        state: {
          status: 'accepted',
          dedupKey: 'casebook-zendesk-12345',
          acceptedAt: T0,
          attempts: 1,
          pagesAccepted: 1,
          lastAcceptedAt: T0,
        },
      },
    });
    // No second page button (step 13 after step 4): the accepted page is shown instead.
    expect(screen.queryByRole('button', { name: 'Page on-call (PagerDuty)' })).toBeNull();
    expect(
      screen.getByText(/accepted the page at 08:00 UTC \(dedup key casebook-zendesk-12345\)/),
    ).toBeTruthy();
  });

  it('once the bug is filed, offers to send its link to the accepted page (same dedup key)', async () => {
    const accepted: PageState = {
      status: 'accepted',
      dedupKey: 'casebook-zendesk-12345',
      acceptedAt: T0,
      attempts: 1,
      pagesAccepted: 1,
      lastAcceptedAt: T0,
    };
    setup('escalation-page', runWith(SEV1), { page: { readiness: READY, state: accepted } });
    expect(screen.queryByRole('button', { name: 'Send the bug link to the page' })).toBeNull();
    cleanup();
    const p = setup(
      'escalation-page',
      runWith({ ...SEV1, 'file-bug/bug-url': 'https://acme.atlassian.net/browse/ENG-42' }),
      { page: { readiness: READY, state: accepted } },
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
    );
  });
});

describe('holding for engineering', () => {
  const accepted: PageState = {
    status: 'accepted',
    dedupKey: 'k',
    acceptedAt: T0,
    attempts: 1,
    pagesAccepted: 1,
    lastAcceptedAt: T0,
  };

  it('re-page needs an accepted page first', () => {
    setup('hold-for-engineering', runWith(SEV1));
    expect(
      (screen.getByRole('button', { name: 'Re-page on-call' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(screen.getByText('No page has been accepted yet: page on-call first.')).toBeTruthy();
  });

  it('re-pages and records which escalation was used', async () => {
    const p = setup('hold-for-engineering', runWith(SEV1), {
      page: { state: accepted, readiness: READY },
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

describe('status page', () => {
  it('starts as Investigating with a drafted update and records the post', async () => {
    const p = setup('page-sev1', runWith(SEV1));
    const box = within(document.querySelector('[data-action="draft-status-page"]') as HTMLElement);
    const select = box.getByRole('combobox', { name: 'Update state' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['investigating']);
    expect(
      (box.getByRole('textbox', { name: 'Drafted update' }) as HTMLTextAreaElement).value,
    ).toContain('All exports return HTTP 500');
    fireEvent.click(box.getByRole('button', { name: 'I posted it' }));
    // The record carries the state: the run sets the fields (engine recorded-facts).
    await waitFor(() =>
      expect(p.onRecordAction).toHaveBeenCalledWith(
        'status-page-update',
        expect.stringMatching(/^Posted "Investigating": /),
        { state: 'investigating' },
      ),
    );
    expect(p.onSetField).not.toHaveBeenCalled();
    fireEvent.click(box.getByRole('button', { name: 'Open status page' }));
    expect(p.onOpenUrl).toHaveBeenCalledWith('https://manage.statuspage.io/pages/abc');
  });

  it('moves forward only, suggesting the next state', () => {
    setup(
      'status-page-updates',
      runWith({ ...SEV1, 'status-page-updates/last-update': 'identified' }),
    );
    const select = screen.getByRole('combobox', { name: 'Update state' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual([
      'identified',
      'monitoring',
      'resolved',
    ]);
    expect(select.value).toBe('monitoring');
    expect(
      (screen.getByRole('textbox', { name: 'Drafted update' }) as HTMLTextAreaElement).value,
    ).toMatch(/^Monitoring/);
    fireEvent.change(select, { target: { value: 'resolved' } });
    expect(
      (screen.getByRole('textbox', { name: 'Drafted update' }) as HTMLTextAreaElement).value,
    ).toMatch(/^Resolved/);
  });
});

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

it('renders nothing for a step without actions', () => {
  setup('verify-account', runWith({}));
  expect(document.querySelector('.cb-step-actions')).toBeNull();
});
