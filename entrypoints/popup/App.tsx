/**
 * The popup's container: finds the ticket in the target tab, keeps its run
 * and the open-runs list live over the sync ports, and turns the view's
 * callbacks into requests. The target tab is the active tab of the window
 * the popup belongs to, or — when popped out into its own window — the tab
 * named by `?tab=<id>`.
 */
import '../../lib/zod-jitless';
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from '#imports';
import { detectTicket } from '../../lib/adapters/registry';
import type { TicketRef } from '../../lib/adapters/types';
import { OPEN_RUNS_PAGE, type OpenRunSummary } from '../../lib/messaging/runs';
import {
  runIdFor,
  type Actor,
  type PlanTier,
  type Run,
  type Severity,
  type WorkflowTemplate,
} from '../../lib/workflow/schema';
import type { RunView } from '../../lib/workflow/view';
import { OPEN_RUNS_PAINTED_MARK, severityChangeMessage } from '../../components/popup/format';
import { PopupView, type OpenRunsState, type TicketState } from '../../components/popup/PopupView';
import { ACKNOWLEDGE_STEP } from '../../components/popup/TicketTriage';
import { useSecondClock } from '../../components/ui/useSecondClock';
import { send, settle, subscribe } from '../../platform/messaging/client';
import { takeFirstPage } from './first-page';
import { TeamRunsSection } from './TeamRunsSection';
import { FIRST_PAGE } from './first-requests';
import { setAgentTimeZone } from '../../components/panel/clock-format';
import { paintedFirstPage } from './first-paint';
import type { PanelStatus } from '../../platform/content/tab-messages';
import { errorMessage } from '../../lib/errors';

/** Enough rows to scroll through; the rest are reached by search. */
const FALLBACK_ACTOR: Actor = { name: 'Agent' };

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function boundTabId(): number | undefined {
  const raw = new URLSearchParams(location.search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

async function targetTab() {
  const bound = boundTabId();
  if (bound !== undefined) return browser.tabs.get(bound).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The URL names the ticket; if it does not (an SPA URL we cannot parse), ask the tab's panel. */
async function ticketInTab(
  tab: { id?: number; url?: string },
  hosts: string[],
): Promise<TicketRef | null> {
  if (tab.url) {
    const found = detectTicket(tab.url, hosts);
    if (found) return found.ref;
  }
  if (tab.id === undefined) return null;
  const status = (await browser.tabs
    .sendMessage(tab.id, { type: 'panel.ping' })
    .catch(() => undefined)) as PanelStatus | { ok: true; data: PanelStatus } | undefined;
  const data = status && 'ok' in status ? status.data : status;
  if (!data?.ticketId || !tab.url) return null;
  return { helpdesk: data.helpdesk, ticketId: data.ticketId, url: tab.url };
}

export function PopupApp({ initialQuery = '' }: { initialQuery?: string } = {}) {
  const now = useSecondClock();
  const [tabId, setTabId] = useState<number | undefined>();
  const [ticket, setTicket] = useState<TicketState>({ kind: 'none' });
  const [actor, setActor] = useState<Actor>(FALLBACK_ACTOR);
  const [agentHint, setAgentHint] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'info' | 'error'; text: string }>();
  const [query, setQuery] = useState(initialQuery);
  // The first screen may already be on the page, drawn before React loaded.
  const preloaded = useRef(paintedFirstPage());
  const drawnBeforeReact = useRef(preloaded.current !== undefined).current;
  const [runs, setRuns] = useState<OpenRunsState>(() => {
    const page = preloaded.current;
    return page
      ? { status: 'ready', items: page.items as OpenRunSummary[], counts: page.counts }
      : { status: 'loading', items: [] };
  });
  const templateRef = useRef<WorkflowTemplate | undefined>(undefined);
  const actorRef = useRef(actor);
  actorRef.current = actor;

  // --- Open runs: a limited page plus counts, re-read on every change -----
  const paintedRef = useRef(false);
  const queryRef = useRef(query);
  queryRef.current = query;
  const loadRuns = useCallback(async () => {
    const asked = queryRef.current;
    try {
      // The entry sent the first screen's requests before the app loaded.
      const early = paintedRef.current || asked.trim() ? undefined : takeFirstPage();
      const [page, counts] = early
        ? await Promise.all([
            settle('runs.listOpen', early.page),
            settle('runs.countOpen', early.counts),
          ])
        : await send({
            type: 'runs.listOpen',
            limit: paintedRef.current ? OPEN_RUNS_PAGE : FIRST_PAGE,
            ...(asked.trim() ? { query: asked.trim() } : {}),
          }).then((reply) => [reply, reply.counts] as const);
      // A slower reply for an older query must not replace a newer one.
      if (asked !== queryRef.current) return;
      setRuns({ status: 'ready', items: page.items as OpenRunSummary[], counts });
    } catch (error) {
      setRuns((r) => ({
        ...r,
        status: 'error',
        error: `Could not load open runs: ${errorMessage(error)}`,
      }));
    }
  }, []);

  // The list is what the popup paints first: its request goes out before any
  // other (effects run in order), typing is debounced.
  useEffect(() => {
    if (!query) {
      // Already shown from the early request: the effect below reads the rest.
      if (preloaded.current) {
        preloaded.current = undefined;
        takeFirstPage();
        return;
      }
      void loadRuns();
      return;
    }
    const timer = setTimeout(() => void loadRuns(), 120);
    return () => clearTimeout(timer);
  }, [query, loadRuns]);

  // Local performance mark (never sent anywhere): when the first open-runs
  // list is on screen. `npm run bench popup` reads it.
  useEffect(() => {
    if (paintedRef.current || runs.status === 'loading') return;
    paintedRef.current = true;
    requestAnimationFrame(() => {
      // Unless the rows were drawn before React and marked then.
      if (performance.getEntriesByName(OPEN_RUNS_PAINTED_MARK).length === 0)
        performance.mark(OPEN_RUNS_PAINTED_MARK);
      // Rows drawn before React were checked only for what they draw: read
      // them again through the validating client, with the rest of the page
      // and the counts, now that the first screen is up.
      if (drawnBeforeReact || !runs.counts || runs.items.length < runs.counts.open) void loadRuns();
    });
  }, [runs, loadRuns, drawnBeforeReact]);

  useEffect(
    () =>
      subscribe(
        { kind: 'open-runs' },
        (pushed) => {
          // The push carries the unsearched list; a search asks for its own matches.
          if (pushed.type === 'open-runs-changed' && pushed.list && !queryRef.current.trim()) {
            paintedRef.current = true;
            setRuns({ status: 'ready', items: pushed.list.items, counts: pushed.list.counts });
          } else void loadRuns();
        },
        { onReconnect: () => void loadRuns() },
      ),
    [loadRuns],
  );

  // --- The ticket in the target tab and its run ---------------------------
  const accept = useCallback((run: Run, template: WorkflowTemplate | undefined, view: RunView) => {
    const t = template && template.version === run.templateVersion ? template : templateRef.current;
    if (!t || t.version !== run.templateVersion || t.id !== run.templateId) return false;
    templateRef.current = t;
    setTicket((current) =>
      current.kind === 'none'
        ? current
        : current.kind === 'ready' && current.run.revision > run.revision
          ? current
          : {
              kind: 'ready',
              ref: current.ref,
              run,
              template: t,
              view,
            },
    );
    return true;
  }, []);

  useEffect(() => {
    let live = true;
    let unsubscribe: (() => void) | undefined;
    void (async () => {
      let hosts: string[] = [];
      try {
        const s = await send({ type: 'settings.get' });
        // Times in the popup in the agent's chosen zone (the second clock re-renders them).
        setAgentTimeZone(s.settings.agent.timeZone);
        hosts = s.settings.zendeskHostMappings;
        const a = s.settings.agent.name ? s.settings.agent : s.agentSuggestion;
        if (a?.name) setActor({ name: a.name, ...(a.email ? { email: a.email } : {}) });
        else setAgentHint('Set your name in Options so the run record shows who did what.');
      } catch {
        // Settings are a nicety here; the ticket still works with defaults.
      }
      const tab = await targetTab();
      if (!live || !tab) return;
      setTabId(tab.id);
      const ref = await ticketInTab(tab, hosts);
      if (!live || !ref) return;
      setTicket({ kind: 'loading', ref });
      const runId = runIdFor(ref.helpdesk, ref.ticketId);
      const load = async () => {
        try {
          const reply = await send({ type: 'run.get', runId }).catch(async (error: unknown) => {
            // No run yet (the panel has not opened it): start it from the URL.
            if (errorCode(error) !== 'not-found') throw error;
            return send({
              type: 'run.open',
              ticket: {
                helpdesk: ref.helpdesk,
                ticketId: ref.ticketId,
                url: ref.url,
                ...(ref.displayId ? { displayId: ref.displayId } : {}),
              },
              actor: actorRef.current,
            });
          });
          if (live) accept(reply.run, reply.template, reply.view);
        } catch (error) {
          if (live)
            setTicket({
              kind: 'error',
              ref,
              message: `Could not load this ticket’s run: ${errorMessage(error)}`,
            });
        }
      };
      await load();
      if (!live) return;
      unsubscribe = subscribe(
        { kind: 'run', runId },
        (pushed) => {
          if (pushed.type === 'run-changed' && !accept(pushed.run, undefined, pushed.view))
            void load();
          if (pushed.type === 'run-removed') void load();
        },
        { onReconnect: () => void load() },
      );
    })();
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [accept]);

  // --- Triage --------------------------------------------------------------
  const mutate = async (
    mutation:
      | { type: 'set-step-status'; stepId: string; status: 'done' }
      | { type: 'set-field'; stepId: string; fieldId: string; value: string },
    describe: (before: RunView, after: RunView, template: WorkflowTemplate) => string,
  ) => {
    if (ticket.kind !== 'ready' || busy) return;
    setBusy(true);
    const before = ticket.view;
    try {
      const reply = await send({
        type: 'run.mutate',
        runId: ticket.run.id,
        mutation,
        actor: actorRef.current,
      });
      accept(reply.run, ticket.template, reply.view);
      setNotice({ tone: 'info', text: describe(before, reply.view, ticket.template) });
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const onAcknowledge = () =>
    void mutate(
      { type: 'set-step-status', stepId: ACKNOWLEDGE_STEP, status: 'done' },
      () => 'Acknowledged: the first-response clock stops when your reply appears on the ticket.',
    );
  // The template's policy says which fields hold the plan tier and severity.
  const planField = ticket.kind === 'ready' ? ticket.template.policy.planField : undefined;
  const severityField = ticket.kind === 'ready' ? ticket.template.policy.severityField : undefined;
  const onPlan = (plan: PlanTier) =>
    planField &&
    void mutate(
      { type: 'set-field', ...planField, value: plan },
      (_b, _a, t) => `Plan tier: ${t.policy.plans.find((p) => p.id === plan)?.label ?? plan}.`,
    );
  const onSeverity = (severity: Severity) =>
    severityField &&
    void mutate({ type: 'set-field', ...severityField, value: severity }, (before, after, t) =>
      severityChangeMessage(t, severity, before, after),
    );

  const onOpenPanel = async () => {
    if (tabId === undefined) return;
    try {
      await browser.tabs.sendMessage(tabId, { type: 'panel.show' });
    } catch {
      setNotice({
        tone: 'error',
        text: 'The panel is not running in this tab yet. Reload the ticket page and try again.',
      });
      return;
    }
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    if (boundTabId() === undefined) window.close();
  };

  const onChooseRun = async (runId: string) => {
    try {
      await send({ type: 'tabs.focusRun', runId });
      if (boundTabId() === undefined) window.close();
    } catch (error) {
      setRuns((r) => ({ ...r, error: errorMessage(error), status: 'error' }));
    }
  };

  // A popup closes when it loses focus; popping out keeps triage beside the ticket.
  const onPopOut =
    boundTabId() === undefined && tabId !== undefined
      ? async () => {
          await browser.windows.create({
            // This page's own URL, bound to the tab.
            url: `${location.origin}${location.pathname}?tab=${tabId}`,
            type: 'popup',
            width: 440,
            height: 640,
          });
          window.close();
        }
      : undefined;

  return (
    <>
      <PopupView
        now={now}
        ticket={ticket}
        busy={busy}
        notice={notice}
        onAcknowledge={onAcknowledge}
        onPlan={onPlan}
        onSeverity={onSeverity}
        onOpenPanel={() => void onOpenPanel()}
        query={query}
        onQuery={setQuery}
        runs={runs}
        onChooseRun={(id) => void onChooseRun(id)}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
        onOpenReport={() =>
          void browser.tabs.create({ url: browser.runtime.getURL('/report.html') })
        }
        {...(onPopOut ? { onPopOut: () => void onPopOut() } : {})}
        {...(agentHint ? { agentHint } : {})}
      />
      <TeamRunsSection />
    </>
  );
}
