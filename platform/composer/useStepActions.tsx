/**
 * The browser side of the panel's step actions, for the helpdesk content
 * scripts: gives `renderActions(step)` for `<Panel>`, wiring StepActions'
 * callbacks to the reply editor (insert.ts), the clipboard, new tabs, and the
 * background (paging, record-action). The action drafts (texts, links,
 * refusals) and the page's delivery state come with the run (its extras, in
 * the `run.open` reply and every run-changed push); they are asked for only
 * when the background could not send them.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { StepActions, type ActionSettings } from '../../components/panel/actions/StepActions';
import type { ActionDrafts } from '../../lib/actions/drafts';
import type { PageState } from '../../lib/actions/pagerduty-delivery';
import type { HelpdeskAdapter } from '../../lib/adapters/types';
import type { PagingReadiness } from '../../lib/messaging/actions';
import type { RunExtras } from '../../lib/messaging/run-extras';
import type { Actor, FieldValue, Run, WorkflowTemplate } from '../../lib/workflow/schema';
import type { RunView, StepView } from '../../lib/workflow/view';
import { send } from '../messaging/content-client';
import { insertIntoComposer, trackComposerSelection } from './insert';

export interface StepActionsBridgeInput {
  adapter: HelpdeskAdapter;
  /** The ticket's root element (where the adapter looks for the composer); null until rendered. */
  root: Element | null;
  runId: string | undefined;
  run: Run | undefined;
  view: RunView | undefined;
  template: WorkflowTemplate | undefined;
  /** What the background sent with the run; undefined while loading or if it could not. */
  extras?: RunExtras | undefined;
  /** The integrations settings, from the panel's one copy; undefined until read. */
  settings: ActionSettings | undefined;
  actor: Actor;
  /** The agent's name when known (settings or the signed-in agent on the page). */
  agentName?: string;
  onSetField(stepId: string, fieldId: string, value: FieldValue): Promise<void>;
}

type PageInfo = { state: PageState; readiness: PagingReadiness };

export function useStepActions(
  input: StepActionsBridgeInput,
): ((step: StepView) => ReactNode) | undefined {
  const {
    adapter,
    root,
    runId,
    run,
    view,
    template,
    extras,
    settings,
    actor,
    agentName,
    onSetField,
  } = input;
  const [asked, setAsked] = useState<{ runId: string; page?: PageInfo; drafts?: ActionDrafts }>();
  // The page state a paging click answered with, until the run's next extras come.
  const [paged, setPaged] = useState<{ from: RunExtras | undefined; state: PageState }>();
  const latest = useRef({ adapter, root, actor });
  latest.current = { adapter, root, actor };

  // The agent's cursor in the reply editor, kept while they click in the panel.
  const tracker = useRef<ReturnType<typeof trackComposerSelection>>(undefined);
  useEffect(() => {
    const t = trackComposerSelection(document, () => {
      const { adapter: a, root: r } = latest.current;
      return r ? a.findComposer(r, document).editor : null;
    });
    tracker.current = t;
    return () => t.stop();
  }, []);

  // Only when the run came without its extras (the background could not work them out).
  const revision = run?.revision;
  const missing = runId !== undefined && run !== undefined && extras === undefined;
  useEffect(() => {
    if (!runId || !missing) return;
    let live = true;
    send({ type: 'action.pageStatus', runId })
      .then((page) => {
        if (live) setAsked((a) => ({ ...(a?.runId === runId ? a : {}), runId, page }));
      })
      .catch((error: unknown) => console.warn('[casebook] could not read the page state', error));
    send({ type: 'action.drafts', runId })
      .then((drafts) => {
        if (live) setAsked((a) => ({ ...(a?.runId === runId ? a : {}), runId, drafts }));
      })
      .catch((error: unknown) => console.warn('[casebook] could not draft the actions', error));
    return () => {
      live = false;
    };
  }, [runId, revision, missing]);
  const fallback = asked?.runId === runId ? asked : undefined;
  const basePage = extras?.page ?? fallback?.page;
  const page: PageInfo | undefined =
    basePage && paged && paged.from === extras ? { ...basePage, state: paged.state } : basePage;

  const onInsertText = useCallback(async (text: string) => {
    const { adapter: a, root: r } = latest.current;
    const location = r ? a.findComposer(r, document) : undefined;
    return insertIntoComposer(location?.editor, text, {
      kind: location?.editorKind ?? 'unknown',
      range: tracker.current?.range() ?? null,
    });
  }, []);

  const onCopy = useCallback((text: string) => navigator.clipboard.writeText(text), []);
  const onOpenUrl = useCallback((url: string) => {
    window.open(url, '_blank', 'noopener,noreferrer');
  }, []);

  // Another ticket's drafts are never shown while this one's load.
  const shownDrafts = extras?.drafts ?? fallback?.drafts;
  // One function per change of what the actions show: the panel's step list
  // is memoized on it, so a new function every render would re-render every
  // step.
  const ready = runId && run && view && template && settings && shownDrafts;
  const renderActions = useCallback(
    (step: StepView) => {
      if (!runId || !view || !template || !settings || !shownDrafts) return null;
      if (step.step.actions.length === 0) return null;
      const stepId = step.step.id;
      return (
        <StepActions
          step={step}
          view={view}
          template={template}
          drafts={shownDrafts}
          settings={settings}
          page={page}
          onInsertText={onInsertText}
          onCopy={onCopy}
          onOpenUrl={onOpenUrl}
          onPage={async (repage) => {
            const reply = await send({
              type: 'action.pageOnCall',
              runId,
              actor: latest.current.actor,
              repage,
              stepId,
            });
            setPaged({ from: extras, state: reply.state });
            return reply.notice ? { notice: reply.notice } : undefined;
          }}
          onRecordAction={async (action, note, data, done) => {
            await send({
              type: 'run.mutate',
              runId,
              actor: latest.current.actor,
              mutation: {
                type: 'record-action',
                stepId,
                action,
                ...(note ? { note } : {}),
                ...(data ? { data } : {}),
                ...(done ? { done: true } : {}),
              },
            });
          }}
          onSetField={onSetField}
          {...(agentName ? { agentName } : {})}
          onRememberAgentName={async (name) => {
            await send({ type: 'settings.update', patch: { agent: { name } } });
          }}
        />
      );
    },
    [
      runId,
      view,
      template,
      settings,
      shownDrafts,
      page,
      extras,
      onInsertText,
      onCopy,
      onOpenUrl,
      onSetField,
      agentName,
    ],
  );
  return ready ? renderActions : undefined;
}
