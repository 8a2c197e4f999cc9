/**
 * The run as the panel holds it: opened when the ticket changes, followed
 * over the sync port (reconnect + catch-up), and changed through the
 * background, whose replies and pushes replace it when they are newer.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { ConnectionState } from '../../components/panel/types';
import { errorMessage } from '../../lib/errors';
import type { RunExtras } from '../../lib/messaging/run-extras';
import type {
  Actor,
  FieldValue,
  Run,
  TicketInfo,
  WorkflowTemplate,
} from '../../lib/workflow/schema';
import type { RunView } from '../../lib/workflow/view';
import { send, subscribe } from '../messaging/content-client';

export interface RunState {
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

/** Retries of a failed `run.open` (the worker may still be starting). */
const OPEN_RETRY_MS = [250, 1_000, 3_000];

/** The run of `runId` and the state of the connection to the background. */
export function usePanelRun(
  runId: string | undefined,
  enabled: Promise<boolean>,
  ticketRef: RefObject<TicketInfo | undefined>,
  actorRef: RefObject<Actor>,
) {
  const [runState, setRunState] = useState<RunState | undefined>();
  const [connection, setConnection] = useState<ConnectionState>('connected');
  const [error, setError] = useState<string | undefined>();

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
        if (pushed.type === 'run-changed')
          accept(pushed.run, pushed.view, undefined, pushed.extras);
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
  }, [runId, enabled, ticketRef, actorRef]);

  return { runState, setRunState, connection, error, setError };
}

/** The panel's requests that change the run or read its record. */
export function useRunRequests(
  runId: string | undefined,
  actorRef: RefObject<Actor>,
  setRunState: (update: (s: RunState | undefined) => RunState | undefined) => void,
) {
  const mutate = useCallback(
    async (mutation: Parameters<typeof send<'run.mutate'>>[0]['mutation']) => {
      if (!runId) throw new Error('No ticket is open.');
      const reply = await send({ type: 'run.mutate', runId, mutation, actor: actorRef.current });
      const { run: next, view: nextView } = reply;
      // The messenger also hands the reply to this view's run subscription
      // (the background pushes only to other views); applied here as well in
      // case the subscription is not up yet. Older revisions never win.
      setRunState((s) =>
        s?.runId === runId && s.run.revision < next.revision
          ? { ...s, run: next, view: nextView }
          : s,
      );
    },
    [runId, actorRef, setRunState],
  );

  const onSetField = useCallback(
    (stepId: string, fieldId: string, value: FieldValue) =>
      mutate({ type: 'set-field', stepId, fieldId, value }),
    [mutate],
  );
  const onSetStatus = useCallback(
    (stepId: string, status: 'pending' | 'done' | 'skipped', skipReason?: string) =>
      mutate({ type: 'set-step-status', stepId, status, ...(skipReason ? { skipReason } : {}) }),
    [mutate],
  );
  const onLoadHistory = useCallback(
    async (stepId: string) => {
      if (!runId) return [];
      return (await send({ type: 'run.events', runId, stepId })).events;
    },
    [runId],
  );
  return { onSetField, onSetStatus, onLoadHistory };
}
