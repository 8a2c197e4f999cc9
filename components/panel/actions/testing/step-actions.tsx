/** A run on the default template and the step actions rendered for one of its steps, for the action tests. */
import { render, fireEvent, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { draftActions } from '../../../../lib/actions/drafts';
import type { PageState } from '../../../../lib/actions/pagerduty-delivery';
import type { PagingReadiness } from '../../../../lib/messaging/actions';
import { DEFAULT_TEMPLATE } from '../../../../lib/workflow/default-template';
import { deriveRunView } from '../../../../lib/workflow/derive';
import { applyMutation, createRun } from '../../../../lib/workflow/engine';
import type { Actor, FieldValue, Run } from '../../../../lib/workflow/schema';
import type { StepView } from '../../../../lib/workflow/view';
import { NowContext } from '../../now';
import type { StepActionsProps } from '../props';
import { StepActions, type ActionSettings } from '../StepActions';

export const ANA: Actor = { name: 'Ana Agent' };
export const T0 = Date.UTC(2026, 2, 8, 8, 0, 0);
export const READY: PagingReadiness = {
  routingKeySet: true,
  endpointHost: 'events.pagerduty.com',
  permissionGranted: true,
};
export const IDLE: PageState = { status: 'idle', pagesAccepted: 0 };
export const SETTINGS: ActionSettings = {
  tracker: { kind: 'jira', site: 'acme.atlassian.net', projectId: '10001', issueTypeId: '10004' },
  sentrySearchUrl:
    'https://sentry.io/organizations/acme/issues/?query=workspace_id:{workspaceId}&start={start}&end={end}',
  datadogSearchUrl: '',
  statusPageAdminUrl: 'https://manage.statuspage.io/pages/abc',
  slackWorkspaceUrl: '',
  runbookUrl: '',
  escalationManager: '@eng-manager',
};

export function runWith(values: Record<string, FieldValue>, at = T0): Run {
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

export const SEV1 = {
  'verify-account/plan': 'enterprise',
  'assign-severity/severity': 'SEV1',
  'assign-severity/impact': 'All exports return HTTP 500',
};

/** What the background drafts for the run (`action.drafts`), as the container hands it in. */
export const draftsFor = (run: Run, settings = SETTINGS) =>
  draftActions(DEFAULT_TEMPLATE, run, settings, 'Ana');

export function setup(
  stepId: string,
  run: Run,
  overrides: Partial<StepActionsProps> = {},
  now = T0,
) {
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

export const insertButton = () =>
  screen.getByRole('button', { name: 'Insert into reply' }) as HTMLButtonElement;

/** Answer every gap the preview asks for, as the agent would. */
export function fillGaps(value = 'filled by the agent') {
  for (const field of document.querySelectorAll('[data-placeholder]'))
    fireEvent.change(field, { target: { value } });
}
