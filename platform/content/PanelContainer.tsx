/**
 * The panel's container in a helpdesk page: everything the pure view
 * (`components/panel/Panel`) needs from the browser. Opens the ticket's run,
 * follows it over the sync port (reconnect + catch-up), ticks `now`, keeps
 * collapse and position per helpdesk in `storage.local`, answers the
 * keyboard shortcut and the popup, and keeps clear of the composer's send
 * button. Each of those lives in its own hook beside this file.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { setAgentTimeZone } from '../../components/panel/clock-format';
import { Panel } from '../../components/panel/Panel';
import type { PanelLayout, PanelPosition } from '../../components/panel/types';
import type { HelpdeskAdapter } from '../../lib/adapters/types';
import type { WorkflowTemplate } from '../../lib/workflow/schema';
import { runIdFor } from '../../lib/workflow/vocabulary';
import { useStepActions } from '../composer/useStepActions';
import type { PanelStore } from './panel-store';
import { useConversationReport } from './conversation-report';
import { useTeamStatus } from './team-status';
import { useMissingFacts } from './useMissingFacts';
import { usePanelSettings, type PanelSettingsSource } from './panel-settings';
import { usePageFacts } from './page-facts';
import { FALLBACK_ACTOR, useActor } from './panel-actor';
import { usePanelPrefs } from './panel-prefs';
import { useAvoidRect, usePageRoom } from './page-room';
import { usePanelRun, useRunRequests } from './panel-run';
import { usePanelTicket } from './panel-ticket';
import { usePanelUploads } from './panel-uploads';
import { Ticking } from './ticking';

const NONE_MISSING: never[] = [];

export interface PanelContainerProps {
  adapter: HelpdeskAdapter;
  store: PanelStore;
  /** The panel's one copy of the settings (read once, again on change). */
  settingsSource: PanelSettingsSource;
  /** Settles once the settings say whether this helpdesk is on; no run is opened before. */
  enabled: Promise<boolean>;
}

export function PanelContainer({ adapter, store, settingsSource, enabled }: PanelContainerProps) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const notices = useSyncExternalStore(store.subscribe, store.notices);
  const [prefs, updatePrefs] = usePanelPrefs(adapter.id);
  const settings = usePanelSettings(settingsSource);
  // The panel's times in the agent's chosen zone (options), from the first settings on.
  setAgentTimeZone(settings?.settings.agent.timeZone);
  const actor = useActor(adapter, settings);

  const ticket = state?.snapshot.ticket;
  const ticketId = state?.ref.ticketId;
  const runId = ticketId ? runIdFor(adapter.id, ticketId) : undefined;
  const actorRef = useRef(actor);
  actorRef.current = actor;
  const ticketRef = useRef(ticket);
  ticketRef.current = ticket;
  const { runState, setRunState, connection, error, setError } = usePanelRun(
    runId,
    enabled,
    ticketRef,
    actorRef,
  );
  useConversationReport(runId, runState?.runId === runId, state?.snapshot.messages, actorRef);

  const run = runState && runState.runId === runId ? runState.run : undefined;
  const extras = runState && runState.runId === runId ? runState.extras : undefined;
  const team = useTeamStatus(runId, extras?.team);
  const found = state?.snapshot.found ?? false;
  const { shown, recordTicket } = usePanelTicket(runId, run, ticket, found, actorRef, setError);

  // Keyboard shortcut (via the background) and the popup's "show panel".
  useEffect(
    () =>
      store.onCommand((command) => {
        if (command === 'show') updatePrefs({ collapsed: false });
        else updatePrefs({ collapsed: !prefsRef.current.collapsed });
      }),
    [store, updatePrefs],
  );
  const prefsRef = useRef(prefs);
  prefsRef.current = prefs;

  const root = state?.root ?? null;
  const avoidRect = useAvoidRect(adapter, root);

  const missingFacts = useMissingFacts(
    adapter,
    state?.snapshot.missing ?? NONE_MISSING,
    shown,
    root,
    recordTicket,
  );

  const template = runState && runState.runId === runId ? runState.template : undefined;
  // While the next ticket's run loads, the header already shows that ticket
  // (from the page) over the last template seen, instead of a blank shell.
  const lastTemplate = useRef<WorkflowTemplate | undefined>(undefined);
  if (template) lastTemplate.current = template;
  const shownTemplate = template ?? lastTemplate.current;
  // Derived by the background when the run changed, not every tick: the clock
  // chips recompute remaining time and breaches from `now` themselves, and a
  // view that stays the same object lets the step list skip re-rendering.
  const view = runState && runState.runId === runId ? runState.view : undefined;

  const { onSetField, onSetStatus, onLoadHistory } = useRunRequests(runId, actorRef, setRunState);
  const renderActions = useStepActions({
    adapter,
    root,
    runId,
    run,
    view,
    template,
    extras,
    settings: settings?.settings.integrations,
    actor,
    ...(actor !== FALLBACK_ACTOR ? { agentName: actor.name } : {}),
    onSetField,
  });
  const onUploadFiles = usePanelUploads(runId, template, actorRef, store);
  const onCollapsedChange = useCallback(
    (collapsed: boolean) => updatePrefs({ collapsed }),
    [updatePrefs],
  );
  const onPositionChange = useCallback(
    (position: PanelPosition) => updatePrefs({ position }),
    [updatePrefs],
  );
  const onLayoutChange = useCallback(
    (layout: PanelLayout, final: boolean) => updatePrefs({ layout }, final),
    [updatePrefs],
  );
  usePageRoom(!!state && !!shown, prefs.layout, prefs.collapsed);
  // Until the settings answer, step text reads as if no tracker were chosen.
  const tracker = settings?.settings.integrations.tracker.kind;
  const pageFacts = usePageFacts(settings?.settings, state?.snapshot.links);

  if (!state || !shown) return null;
  if (!shownTemplate) {
    // The first run is one message away; until then say which ticket this is.
    return (
      <div className="cb-root cb-root--collapsed cb-loading" role="status" aria-label="Casebook">
        {connection === 'error'
          ? `Casebook is not connected: ${error ?? ''}`
          : 'Casebook: loading…'}
      </div>
    );
  }
  return (
    <Ticking>
      <Panel
        helpdesk={adapter.id}
        {...(tracker ? { tracker } : {})}
        ticket={shown}
        template={shownTemplate}
        run={run}
        view={view}
        missing={missingFacts.missing}
        onEnterFact={missingFacts.onEnterFact}
        onCopyDiagnostic={missingFacts.onCopyDiagnostic}
        connection={connection}
        {...(error ? { error } : {})}
        collapsed={prefs.collapsed}
        onCollapsedChange={onCollapsedChange}
        position={prefs.position}
        onPositionChange={onPositionChange}
        layout={prefs.layout}
        onLayoutChange={onLayoutChange}
        {...(avoidRect ? { avoidRect } : {})}
        onSetField={onSetField}
        onSetStatus={onSetStatus}
        onUploadFiles={onUploadFiles}
        onLoadHistory={onLoadHistory}
        {...(renderActions ? { renderActions } : {})}
        notices={notices}
        onDismissNotice={store.dismiss}
        {...(team ? { team } : {})}
        {...(pageFacts ? { pageFacts } : {})}
      />
    </Ticking>
  );
}
