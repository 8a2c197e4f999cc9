// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftActions } from '../../lib/actions/drafts';
import type { ComposerLocation, HelpdeskAdapter } from '../../lib/adapters/types';
import { defaultSettings } from '../../lib/settings/schema';
import { DEFAULT_TEMPLATE } from '../../lib/workflow/default-template';
import { deriveRunView } from '../../lib/workflow/derive';
import { applyMutation, createRun } from '../../lib/workflow/engine';
import type { Actor, Run } from '../../lib/workflow/schema';
import type { StepView } from '../../lib/workflow/view';
import { answerAsBackground, type FakeBackground } from '../messaging/testing';
import { useStepActions, type StepActionsBridgeInput } from './useStepActions';
import { runExtrasSchema, type RunExtras } from '../../lib/messaging/run-extras';

const ANA: Actor = { name: 'Ana Agent' };
const T0 = Date.UTC(2026, 2, 8, 8, 0, 0);

function sev1Run(): Run {
  let run = createRun(
    DEFAULT_TEMPLATE,
    {
      helpdesk: 'zendesk',
      ticketId: '12345',
      url: 'https://acme.zendesk.com/agent/tickets/12345',
      requesterName: 'Grace',
    },
    ANA,
    T0,
  ).run;
  for (const [fieldId, value] of [
    ['severity', 'SEV1'],
    ['impact', 'All exports fail'],
  ] as const) {
    run = applyMutation(
      DEFAULT_TEMPLATE,
      run,
      { type: 'set-field', stepId: 'assign-severity', fieldId, value },
      ANA,
      T0,
    ).run;
  }
  return run;
}

/**
 * Answers the requests the bridge makes, as the background would (replies checked
 * against the protocol's schemas), and records them.
 */
const SETTINGS = defaultSettings();
SETTINGS.agent.name = 'Ana';

function fakeBackground(current: () => Run = sev1Run) {
  const settings = SETTINGS;
  const background = answerAsBackground({
    'settings.get': () => ({
      settings,
      secrets: { pagerDuty: { set: true, masked: '••••••••5678' } },
      activeHosts: [],
    }),
    'action.pageStatus': () => ({
      state: { status: 'idle', pagesAccepted: 0 },
      readiness: {
        routingKeySet: true,
        endpointHost: 'events.pagerduty.com',
        permissionGranted: true,
      },
    }),
    'action.pageOnCall': () => ({
      state: {
        status: 'accepted',
        dedupKey: 'casebook-zendesk-12345',
        acceptedAt: T0,
        attempts: 1,
        pagesAccepted: 1,
        lastAcceptedAt: T0,
      },
    }),
    'action.drafts': () => draftActions(DEFAULT_TEMPLATE, current(), settings.integrations, 'Ana'),
    'run.mutate': () => ({ run: sev1Run(), view: deriveRunView(DEFAULT_TEMPLATE, sev1Run(), T0) }),
  });
  backgrounds.push(background);
  return background.requests;
}

const backgrounds: FakeBackground[] = [];

function Harness(props: StepActionsBridgeInput & { stepId: string }) {
  const render = useStepActions(props);
  const step = props.view?.sections
    .flatMap((s) => s.steps)
    .find((s) => s.step.id === props.stepId) as StepView;
  return <div>{render ? render(step) : 'loading'}</div>;
}

function setup(stepId: string, composer: Partial<ComposerLocation> = {}) {
  const requests = fakeBackground();
  const run = sev1Run();
  const root = document.createElement('div');
  document.body.append(root);
  const adapter = {
    findComposer: () => ({
      editor: null,
      editorKind: 'unknown',
      fileInputs: [],
      dropTarget: null,
      sendButton: null,
      ...composer,
    }),
  } as unknown as HelpdeskAdapter;
  const onSetField = vi.fn(async () => undefined);
  render(
    <Harness
      stepId={stepId}
      adapter={adapter}
      root={root}
      runId={run.id}
      run={run}
      view={deriveRunView(DEFAULT_TEMPLATE, run, T0)}
      template={DEFAULT_TEMPLATE}
      settings={SETTINGS.integrations}
      actor={ANA}
      agentName={ANA.name}
      onSetField={onSetField}
    />,
  );
  return { requests, run, onSetField };
}

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  // Every request the views sent was valid and answered with schema-valid data.
  for (const background of backgrounds.splice(0)) expect(background.problems).toEqual([]);
  fakeBrowser.reset();
});

describe('useStepActions', () => {
  it('returns the same render function across re-renders until what it shows changes', async () => {
    fakeBackground();
    const run = sev1Run();
    const input: StepActionsBridgeInput = {
      adapter: {} as HelpdeskAdapter,
      root: null,
      runId: run.id,
      run,
      view: deriveRunView(DEFAULT_TEMPLATE, run, T0),
      template: DEFAULT_TEMPLATE,
      settings: SETTINGS.integrations,
      actor: ANA,
      onSetField: vi.fn(async () => undefined),
    };
    const seen: Array<ReturnType<typeof useStepActions>> = [];
    function Probe(props: StepActionsBridgeInput & { tick: number }) {
      seen.push(useStepActions(props));
      return <span>{props.tick}</span>;
    }
    const { rerender } = render(<Probe {...input} tick={0} />);
    await waitFor(() => expect(seen.at(-1)).toBeTypeOf('function'));
    const first = seen.at(-1);
    // The panel re-renders every second for its clocks: nothing else changed.
    rerender(<Probe {...input} tick={1} />);
    rerender(<Probe {...input} tick={2} />);
    expect(seen.at(-1)).toBe(first);
    const view = deriveRunView(DEFAULT_TEMPLATE, run, T0 + 1);
    rerender(<Probe {...input} view={view} tick={3} />);
    expect(seen.at(-1)).not.toBe(first);
  });

  it('pages through the background with the step and actor, and records nothing else itself', async () => {
    const { requests } = setup('page-sev1');
    const button = await screen.findByRole('button', { name: 'Page on-call (PagerDuty)' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    expect(await screen.findByText(/PagerDuty accepted the page at 08:00 UTC/)).toBeTruthy();
    expect(requests.find((r) => r.type === 'action.pageOnCall')).toEqual({
      type: 'action.pageOnCall',
      runId: 'zendesk:12345',
      actor: ANA,
      repage: false,
      stepId: 'page-sev1',
    });
  });

  it("inserts into the adapter's editor and records the action on the step", async () => {
    const editor = document.createElement('div');
    editor.contentEditable = 'true';
    document.body.append(editor);
    const pasted: string[] = [];
    editor.addEventListener('paste', (e) => {
      e.preventDefault();
      pasted.push(e.clipboardData?.getData('text/plain') ?? '');
    });
    const { requests } = setup('acknowledge', { editor, editorKind: 'ckeditor5' });
    // The first touch is the step's own message: its draft is shown with the step.
    const insert = (await screen.findByRole('button', {
      name: 'Insert into reply',
    })) as HTMLButtonElement;
    // The page did not show the subject: asked for in the preview, Insert waits for it.
    expect(insert.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Subject (ticket)'), {
      target: { value: 'Exports fail' },
    });
    expect(insert.disabled).toBe(false);
    fireEvent.click(insert);
    expect(await screen.findByText('Inserted into the reply.')).toBeTruthy();
    expect(pasted).toHaveLength(1);
    expect(pasted[0]).toMatch(/^Hi Grace,[\s\S]*Exports fail[\s\S]*Ana$/);
    expect(pasted[0]).not.toContain('{{');
    expect(requests.find((r) => r.type === 'run.mutate')).toMatchObject({
      runId: 'zendesk:12345',
      actor: ANA,
      mutation: {
        type: 'record-action',
        stepId: 'acknowledge',
        action: 'insert-first-touch',
        note: 'First-touch reply: inserted into the reply',
      },
    });
  });

  /**
   * The fix-shipped preview across a change of its release tag, with or without the
   * extras the background sends with each run; returns the requests the bridge made.
   */
  async function previewFollowsTheRun(extrasOf?: (r: Run) => RunExtras) {
    let run = sev1Run();
    const requests = fakeBackground(() => run);
    const adapter = { findComposer: () => ({ editor: null }) } as unknown as HelpdeskAdapter;
    const at = (r: Run) => (
      <Harness
        stepId="fix-shipped"
        adapter={adapter}
        root={null}
        runId={r.id}
        run={r}
        view={deriveRunView(DEFAULT_TEMPLATE, r, T0)}
        template={DEFAULT_TEMPLATE}
        {...(extrasOf ? { extras: runExtrasSchema.parse(extrasOf(r)) } : {})}
        settings={SETTINGS.integrations}
        actor={ANA}
        onSetField={async () => undefined}
      />
    );
    const { rerender } = render(at(run));
    await screen.findByRole('textbox', { name: /Fix shipped/ });
    const box = () => screen.getByRole('textbox', { name: /Fix shipped/ }) as HTMLTextAreaElement;
    expect(box().value).toContain('{{fix-shipped.release-tag}}');
    run = applyMutation(
      DEFAULT_TEMPLATE,
      run,
      { type: 'set-field', stepId: 'fix-shipped', fieldId: 'release-tag', value: 'v9' },
      ANA,
      T0,
    ).run;
    rerender(at(run));
    await waitFor(() => expect(box().value).toContain('release v9.'));
    return requests;
  }

  it('without the run’s extras (the background could not work them out) asks for drafts per change', async () => {
    const requests = await previewFollowsTheRun();
    expect(requests.filter((r) => r.type === 'action.drafts')).toEqual([
      { type: 'action.drafts', runId: 'zendesk:12345' },
      { type: 'action.drafts', runId: 'zendesk:12345' },
    ]);
  });

  it('with the run’s extras it asks nothing: the preview follows the drafts pushed with the run', async () => {
    const requests = await previewFollowsTheRun((r) => ({
      drafts: draftActions(DEFAULT_TEMPLATE, r, SETTINGS.integrations, 'Ana'),
      page: {
        state: { status: 'idle', pagesAccepted: 0 },
        readiness: {
          routingKeySet: true,
          endpointHost: 'events.pagerduty.com',
          permissionGranted: true,
        },
      },
      team: { shared: false, others: [], conflicts: [] },
    }));
    expect(requests).toEqual([]);
  });
});
