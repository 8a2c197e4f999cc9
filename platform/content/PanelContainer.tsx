/**
 * The panel's container in a helpdesk page: everything the pure view
 * (`components/panel/Panel`) needs from the browser. Opens the ticket's run,
 * follows it over the sync port (reconnect + catch-up), ticks `now`, keeps
 * collapse and position per helpdesk in `storage.local`, answers the
 * keyboard shortcut and the popup, and keeps clear of the composer's send
 * button.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { browser } from '#imports';
import { Panel } from '../../components/panel/Panel';
import { NowContext } from '../../components/panel/now';
import type {
  AvoidRect,
  ConnectionState,
  PanelLayout,
  PanelPosition,
} from '../../components/panel/types';
import { clampDockWidth, DEFAULT_LAYOUT, dockRoom } from '../../components/panel/dock';
import { applyDock } from './dock-layout';
import type { HelpdeskAdapter } from '../../lib/adapters/types';
import { bytesToBase64, ownBytes } from '../../lib/messaging/base64';
import type {
  Actor,
  FieldValue,
  Run,
  TicketInfo,
  WorkflowTemplate,
} from '../../lib/workflow/schema';
import { mergeTicketInfo } from '../../lib/workflow/ticket-merge';
import { runIdFor } from '../../lib/workflow/vocabulary';
import { send, subscribe } from '../messaging/content-client';
import { useStepActions } from '../composer/useStepActions';
import type { RunView } from '../../lib/workflow/view';
import type { PanelStore } from './panel-store';
import { useConversationReport } from './conversation-report';
import { sameTicketInfo } from './ticket-watcher';
import { useTeamStatus } from './team-status';
import type { RunExtras } from '../../lib/messaging/run-extras';
import { useMissingFacts } from './useMissingFacts';
import { usePanelSettings, type PanelSettings, type PanelSettingsSource } from './panel-settings';
import { receivePanelFiles, reviewPanelFiles, type PanelFile } from '../har/panel-files';
import { fieldDomId } from '../../components/panel/fields/common';
import { errorMessage } from '../../lib/errors';
import { usePageFacts } from './page-facts';

const FALLBACK_ACTOR: Actor = { name: 'Agent' };
const NONE_MISSING: never[] = [];

interface PanelPrefs {
  collapsed: boolean;
  /** Where the floating panel was moved to. */
  position: PanelPosition | null;
  /** Docked (default, the page makes room) or floating; side and width. */
  layout: PanelLayout;
}
const DEFAULT_PREFS: PanelPrefs = { collapsed: false, position: null, layout: DEFAULT_LAYOUT };

export function prefsKey(helpdesk: string): string {
  return `panel:${helpdesk}`;
}

function parsePrefs(value: unknown): PanelPrefs {
  if (typeof value !== 'object' || value === null) return DEFAULT_PREFS;
  const v = value as Record<string, unknown>;
  const p = v.position as Record<string, unknown> | null | undefined;
  const position =
    p &&
    typeof p.x === 'number' &&
    typeof p.y === 'number' &&
    Number.isFinite(p.x) &&
    Number.isFinite(p.y)
      ? { x: p.x, y: p.y }
      : null;
  return { collapsed: v.collapsed === true, position, layout: parseLayout(v.layout) };
}

/** A stored layout, or the default docked one; unknown values fall back field by field. */
export function parseLayout(value: unknown): PanelLayout {
  if (typeof value !== 'object' || value === null) return DEFAULT_LAYOUT;
  const v = value as Record<string, unknown>;
  return {
    mode: v.mode === 'floating' ? 'floating' : 'docked',
    side: v.side === 'left' ? 'left' : 'right',
    width: clampDockWidth(typeof v.width === 'number' ? v.width : DEFAULT_LAYOUT.width),
  };
}

/** Per-helpdesk collapse and position, persisted; other tabs follow changes. */
function usePanelPrefs(helpdesk: string) {
  const key = prefsKey(helpdesk);
  const [prefs, setPrefs] = useState<PanelPrefs>(DEFAULT_PREFS);
  const latest = useRef(prefs);
  latest.current = prefs;

  useEffect(() => {
    let live = true;
    void browser.storage.local.get(key).then((stored) => {
      if (live) setPrefs(parsePrefs(stored[key]));
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[key];
      if (area === 'local' && change) setPrefs(parsePrefs(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [key]);

  const update = useCallback(
    (patch: Partial<PanelPrefs>, persist = true) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setPrefs(next);
      if (persist) void browser.storage.local.set({ [key]: next });
    },
    [key],
  );
  return [prefs, update] as const;
}

/** Who this browser's changes are recorded as: the options page's agent, else what the page showed. */
function useActor(adapter: HelpdeskAdapter, reply: PanelSettings | undefined): Actor {
  const [seen, setSeen] = useState<Actor>();
  const configured = reply?.settings.agent;
  const suggested = reply?.agentSuggestion;
  const unconfigured = reply !== undefined && !configured?.name;
  useEffect(() => {
    if (!unconfigured) return;
    // Offer the signed-in agent the page shows to the options page.
    const agent = adapter.readAgent?.(document);
    if (!agent?.name) return;
    setSeen({ name: agent.name, ...(agent.email ? { email: agent.email } : {}) });
    send({
      type: 'settings.suggestAgent',
      name: agent.name,
      ...(agent.email ? { email: agent.email } : {}),
      helpdesk: adapter.id,
    }).catch((error: unknown) =>
      console.warn(`[casebook:${adapter.id}] could not offer the agent to settings`, error),
    );
  }, [adapter, unconfigured]);
  const name = configured?.name || suggested?.name || seen?.name;
  const email = configured?.name
    ? configured.email
    : suggested?.name
      ? suggested.email
      : seen?.email;
  return useMemo(
    () => (name ? { name, ...(email ? { email } : {}) } : FALLBACK_ACTOR),
    [name, email],
  );
}

function useViewportWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

/**
 * Gives the page room for the docked panel while it is shown (its width, or
 * the rail's collapsed), and takes it back when it goes.
 */
function usePageRoom(shown: boolean, layout: PanelLayout, collapsed: boolean): void {
  const viewportWidth = useViewportWidth();
  const room = shown ? dockRoom(layout, collapsed, viewportWidth) : 0;
  useLayoutEffect(() => {
    applyDock(document, room > 0 ? { side: layout.side, width: room } : null);
  }, [room, layout.side]);
  useEffect(() => () => applyDock(document, null), []);
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // The clock chips count down by the second; the timer lives only while mounted.
    const id = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/**
 * Provides the ticking clock to the panel below it. Its children are the
 * container's element, unchanged by a tick, so each second re-renders only
 * the components that read the clock (chips, paging status), not the
 * container, the panel or its steps.
 */
function Ticking({ children }: { children: ReactNode }) {
  return <NowContext.Provider value={useNow()}>{children}</NowContext.Provider>;
}

function sameRect(a: AvoidRect | undefined, b: AvoidRect | undefined): boolean {
  return (
    a === b ||
    (!!a &&
      !!b &&
      a.top === b.top &&
      a.left === b.left &&
      a.width === b.width &&
      a.height === b.height)
  );
}

interface RunState {
  runId: string;
  run: Run;
  template: WorkflowTemplate;
  /**
   * The run's derived state, as the background computed it with the run (it
   * sends one with every run it replies with or pushes): the content script
   * renders it and carries no engine of its own.
   */
  view: RunView;
  /** Drafts, paging and team state the background sent with the run; kept until newer ones come. */
  extras?: RunExtras;
}

export interface PanelContainerProps {
  adapter: HelpdeskAdapter;
  store: PanelStore;
  /** The panel's one copy of the settings (read once, again on change). */
  settingsSource: PanelSettingsSource;
  /** Settles once the settings say whether this helpdesk is on; no run is opened before. */
  enabled: Promise<boolean>;
}

/** Retries of a failed `run.open` (the worker may still be starting). */
const OPEN_RETRY_MS = [250, 1_000, 3_000];

export function PanelContainer({ adapter, store, settingsSource, enabled }: PanelContainerProps) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const notices = useSyncExternalStore(store.subscribe, store.notices);
  const [prefs, updatePrefs] = usePanelPrefs(adapter.id);
  const settings = usePanelSettings(settingsSource);
  const actor = useActor(adapter, settings);
  const [runState, setRunState] = useState<RunState | undefined>();
  const [connection, setConnection] = useState<ConnectionState>('connected');
  const [error, setError] = useState<string | undefined>();
  const [avoidRect, setAvoidRect] = useState<AvoidRect | undefined>();

  const ticket = state?.snapshot.ticket;
  const ticketId = state?.ref.ticketId;
  const runId = ticketId ? runIdFor(adapter.id, ticketId) : undefined;
  const actorRef = useRef(actor);
  actorRef.current = actor;
  const ticketRef = useRef(ticket);
  ticketRef.current = ticket;
  useConversationReport(runId, runState?.runId === runId, state?.snapshot.messages, actorRef);

  // Open the run when the ticket changes, then follow it. A run pushed by
  // the background replaces ours only if it is newer (revision).
  useEffect(() => {
    if (!runId) return;
    let live = true;
    setRunState((s) => (s?.runId === runId ? s : undefined));
    setError(undefined);
    const accept = (run: Run, view: RunView, template?: WorkflowTemplate, extras?: RunExtras) => {
      if (!live) return;
      setRunState((s) => {
        const same = s?.runId === runId ? s : undefined;
        const base = template ?? same?.template;
        if (!base) return s;
        if (same && same.run.revision > run.revision && !template) return s;
        const kept = extras ?? same?.extras;
        return { runId, run, template: base, view, ...(kept ? { extras: kept } : {}) };
      });
    };
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = async (attempt = 0) => {
      const current = ticketRef.current;
      if (!current || !(await enabled) || !live) return;
      try {
        const reply = await send({ type: 'run.open', ticket: current, actor: actorRef.current });
        if (!reply.view) throw new Error('The background sent the run without its view.');
        accept(reply.run, reply.view, reply.template, reply.extras);
        if (live) {
          setConnection('connected');
          setError(undefined);
        }
      } catch (e) {
        if (!live) return;
        setConnection('error');
        setError(errorMessage(e));
        const delay = OPEN_RETRY_MS[attempt];
        if (delay !== undefined) retry = setTimeout(() => void open(attempt + 1), delay);
      }
    };
    void open();
    const unsubscribe = subscribe(
      { kind: 'run', runId },
      (pushed) => {
        // A push without its view (not one the background sends): re-read the run.
        if (pushed.type === 'run-changed') {
          if (pushed.view) accept(pushed.run, pushed.view, undefined, pushed.extras);
          else void open();
        }
        if (pushed.type === 'run-removed') void open();
      },
      {
        // Changes made while the port was down arrive by re-reading the run.
        onReconnect: () => void open(),
        onDisconnect: () => live && setConnection('reconnecting'),
        onGiveUp: () => {
          if (!live) return;
          setConnection('error');
          setError('Casebook was updated or removed; reload this page.');
        },
      },
    );
    return () => {
      live = false;
      if (retry !== undefined) clearTimeout(retry);
      unsubscribe();
    };
  }, [runId, enabled]);

  // The page's metadata came in or changed after the run was opened: record
  // what the page shows now. Fields the page stopped showing keep their value.
  const run = runState && runState.runId === runId ? runState.run : undefined;
  const extras = runState && runState.runId === runId ? runState.extras : undefined;
  const team = useTeamStatus(runId, extras?.team);
  const found = state?.snapshot.found ?? false;
  const shown = useMemo(
    () => (ticket ? mergeTicket(run?.ticket, ticket) : undefined),
    [run?.ticket, ticket],
  );
  useEffect(() => {
    if (!run || !shown || !runId || !found) return;
    if (sameTicketInfo(run.ticket, shown)) return;
    void send({
      type: 'run.mutate',
      runId,
      mutation: { type: 'update-ticket', ticket: shown },
      actor: actorRef.current,
    }).catch((e: unknown) => setError(errorMessage(e)));
  }, [run, shown, runId, found]);

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

  // The composer's send button moves as the page lays out (Help Scout creates
  // its editor only after Reply): re-measure with the clock tick and on resize.
  const root = state?.root ?? null;
  const measure = useCallback(() => {
    if (!root?.isConnected) {
      setAvoidRect((r) => (r === undefined ? r : undefined));
      return;
    }
    let rect: DOMRect | undefined;
    try {
      rect = adapter.findComposer(root, document).sendButton?.getBoundingClientRect();
    } catch {
      rect = undefined;
    }
    const next =
      rect && rect.width > 0 && rect.height > 0
        ? { top: rect.top, left: rect.left, width: rect.width, height: rect.height }
        : undefined;
    setAvoidRect((r) => (sameRect(r, next) ? r : next));
  }, [adapter, root]);
  // The send button moves with the composer (opened, resized, scrolled): checked every second.
  useEffect(() => {
    measure();
    const id = setInterval(measure, 1_000);
    return () => clearInterval(id);
  }, [measure]);
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);

  const recordTicket = useCallback(
    async (next: TicketInfo) => {
      if (runId)
        await send({
          type: 'run.mutate',
          runId,
          mutation: { type: 'update-ticket', ticket: next },
          actor: actorRef.current,
        });
    },
    [runId],
  );
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

  const mutate = useCallback(
    async (mutation: Parameters<typeof send<'run.mutate'>>[0]['mutation']) => {
      if (!runId) throw new Error('No ticket is open.');
      const reply = await send({ type: 'run.mutate', runId, mutation, actor: actorRef.current });
      const { run: next, view: nextView } = reply;
      // Without its view the reply is not applied; the run-changed push carries both.
      if (!nextView) return;
      setRunState((s) =>
        s?.runId === runId && s.run.revision < next.revision
          ? { ...s, run: next, view: nextView }
          : s,
      );
    },
    [runId],
  );

  const onSetField = useCallback(
    (stepId: string, fieldId: string, value: FieldValue) =>
      mutate({ type: 'set-field', stepId, fieldId, value }),
    [mutate],
  );
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
  const onSetStatus = useCallback(
    (stepId: string, status: 'pending' | 'done' | 'skipped', skipReason?: string) =>
      mutate({ type: 'set-step-status', stepId, status, ...(skipReason ? { skipReason } : {}) }),
    [mutate],
  );
  const onUploadFiles = useCallback(
    async (stepId: string, fieldId: string, files: Array<File | PanelFile>) => {
      if (!runId) throw new Error('No ticket is open.');
      // One request per file: the background appends each to the field and
      // records who attached it; the run comes back over the sync port.
      // Files the panel got itself (not through the page-world guard) get the same review.
      const chosen = files.filter((item): item is File => !isPanelFile(item));
      let reviewed: PanelFile[] = files.filter(isPanelFile);
      if (chosen.length) {
        const review = reviewPanelFiles(chosen);
        const out = review ? await review : chosen.map((file) => ({ file }));
        if (!out) throw new Error('Not attached: the file guard blocked it (the notice says why).');
        reviewed = [...reviewed, ...out];
      }
      for (const { file, sanitized } of reviewed) {
        const dataBase64 = bytesToBase64(await ownBytes(file));
        await send({
          type: 'attachment.put',
          runId,
          stepId,
          fieldId,
          name: file.name,
          mimeType: file.type,
          dataBase64,
          ...(sanitized ? { sanitized } : {}),
          actor: actorRef.current,
        });
      }
    },
    [runId],
  );

  // The agent's choice in the panel's own file field reaches it through the file
  // guard (a HAR sanitized on the way, with its count), never as a page event.
  useEffect(
    () =>
      receivePanelFiles((inputId, files) => {
        const target = template
          ? allFileFields(template).find((f) => fieldDomId(f.stepId, f.fieldId) === inputId)
          : undefined;
        if (!target) return;
        onUploadFiles(target.stepId, target.fieldId, files).catch((error: unknown) =>
          store.notify({
            id: `upload:${inputId}`,
            tone: 'error',
            text: `The file was not attached: ${errorMessage(error)}`,
          }),
        );
      }),
    [template, onUploadFiles, store],
  );
  const onLoadHistory = useCallback(
    async (stepId: string) => {
      if (!runId) return [];
      return (await send({ type: 'run.events', runId, stepId })).events;
    },
    [runId],
  );
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

/** What the page shows, over what the run recorded before (a revisit shows the subject at once). */
function mergeTicket(recorded: TicketInfo | undefined, page: TicketInfo): TicketInfo {
  if (recorded?.ticketId === page.ticketId) return mergeTicketInfo(recorded, page).merged;
  return mergeTicketInfo({ helpdesk: page.helpdesk, ticketId: page.ticketId, url: page.url }, page)
    .merged;
}

/** Every file field of the template, by step. */
function allFileFields(template: WorkflowTemplate): Array<{ stepId: string; fieldId: string }> {
  return template.sections.flatMap((section) =>
    section.steps.flatMap((step) =>
      step.fields.filter((f) => f.type === 'file').map((f) => ({ stepId: step.id, fieldId: f.id })),
    ),
  );
}

function isPanelFile(item: File | PanelFile): item is PanelFile {
  return typeof (item as Partial<PanelFile>).file === 'object' && (item as PanelFile).file !== null;
}
