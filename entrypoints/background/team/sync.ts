/**
 * Team sync in the background. Nothing here is authoritative: the outbox,
 * the cursor and the events are in IndexedDB, so a worker that was stopped
 * starts, catches up by cursor (`ready`), and only then answers a view
 * (`beforeRunView`). While the worker lives, a server-sent-events stream
 * brings others' events at once and every committed change is pushed.
 */
import type { RunFilter } from '../../../lib/report/filter';
import type { TeamReportRequest } from '../../../lib/team/client';
import { createTeamClient, TeamServerError, type TeamClient } from '../../../lib/team/client';
import { conflictsLostBy, type FieldConflict } from '../../../lib/team/fold';
import type {
  AgentInfo,
  Presence,
  ServerEvent,
  StreamMessage,
  TeamRunSummary,
} from '../../../lib/team/protocol';
import type { WorkflowTemplate } from '../../../lib/workflow/schema';
import type { CasebookDB } from '../db/db';
import { ACTIVE_TEMPLATE_KEY } from '../db/repo';
import { DEFAULT_PRIVACY, type PrivacyPolicy } from './privacy';
import {
  applyServerEvents,
  clearOutbox,
  markPushed,
  missingTemplates,
  outboxBatch,
  outboxSize,
  readCursor,
  requeueHistory,
  runConflicts,
  storeTemplates,
  type Refolded,
} from './store';
import { errorMessage } from '../../../lib/errors';

export const CONNECTION_KEY = 'team.connection';
const PUSH_BATCH = 200;
const VIEW_WAIT_MS = 2_500;
const RETRY_MS = [500, 1_000, 2_000, 4_000];

export interface TeamConnection {
  url: string;
  token: string;
  agent: AgentInfo;
}

export type TeamState = 'off' | 'connecting' | 'live' | 'offline';

export interface TeamStatus {
  state: TeamState;
  url?: string;
  agent?: AgentInfo;
  message?: string;
  pending: number;
}

export interface TeamRunStatus {
  shared: boolean;
  others: string[];
  conflicts: FieldConflict[];
}

export interface TeamSyncDeps {
  db: CasebookDB;
  now: () => number;
  /** Runs refolded from team events: tell their views. */
  runsChanged: (changes: Refolded[]) => void;
  fetch?: typeof fetch;
}

export function createTeamSync({ db, now, runsChanged, fetch: doFetch }: TeamSyncDeps) {
  let connection: TeamConnection | undefined;
  let client: TeamClient | undefined;
  let state: TeamState = 'off';
  let message: string | undefined;
  let stream: AbortController | undefined;
  let retry = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const presence = new Map<string, Presence>();
  let privacy: PrivacyPolicy = DEFAULT_PRIVACY;
  // One queue for everything that writes team data, so applies keep their order.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  function fail(error: unknown): void {
    state = 'offline';
    message = errorMessage(error);
  }

  async function apply(events: ServerEvent[], cursor: number | undefined): Promise<void> {
    if (!client) return;
    const c = client;
    await serially(async () => {
      const missing = await missingTemplates(db, events);
      const templates: WorkflowTemplate[] = [];
      for (const ref of missing) {
        templates.push((await c.template(ref.id, ref.version)).template);
      }
      if (templates.length) await storeTemplates(db, templates, now());
      const changed = await applyServerEvents(db, events, cursor, now());
      if (changed.length) runsChanged(changed);
    });
  }

  async function pull(): Promise<void> {
    if (!client) return;
    for (;;) {
      const page = await client.pull(await readCursor(db));
      await apply(page.events, page.cursor);
      if (!page.more) return;
    }
  }

  let pushing: Promise<void> | undefined;
  let pushAgain = false;
  async function pushOutbox(): Promise<void> {
    if (!client) return;
    for (;;) {
      const batch = await outboxBatch(db, privacy, PUSH_BATCH);
      if (batch.events.length === 0) return;
      const reply = await client.push(batch);
      const changed = await serially(() => markPushed(db, reply.accepted, now()));
      if (changed.length) runsChanged(changed);
      if (reply.needsHistory.length) await requeueHistory(db, reply.needsHistory);
      else if (reply.accepted.length === 0) return;
    }
  }

  /** Push now (coalesced: a push asked for during one runs right after it). */
  function push(): Promise<void> {
    if (!client) return Promise.resolve();
    if (pushing) {
      pushAgain = true;
      return pushing;
    }
    pushing = (async () => {
      try {
        do {
          pushAgain = false;
          await pushOutbox();
        } while (pushAgain);
      } catch (error) {
        fail(error);
        scheduleReconnect();
      } finally {
        pushing = undefined;
      }
    })();
    return pushing;
  }

  async function loadPolicy(): Promise<void> {
    if (!client) return;
    privacy = (await client.policy()).privacy;
  }

  function onStream(m: StreamMessage): void {
    switch (m.type) {
      case 'events':
        void apply(m.events, m.cursor).catch(fail);
        break;
      case 'presence':
        presence.set(m.presence.runId, m.presence);
        break;
      case 'template':
        void adoptTemplate(m.template.template).catch(fail);
        break;
      case 'ready':
        state = 'live';
        message = undefined;
        retry = 0;
        void push();
        break;
    }
  }

  /** A published template: stored with its version, and active for new runs. Running runs keep theirs. */
  async function adoptTemplate(template: WorkflowTemplate): Promise<void> {
    await storeTemplates(db, [template], now());
    await db.settings.put({ key: ACTIVE_TEMPLATE_KEY, value: template.id });
  }

  function scheduleReconnect(): void {
    if (!connection || retryTimer) return;
    const delay = RETRY_MS[Math.min(retry, RETRY_MS.length - 1)]!;
    retry++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void openStream();
    }, delay);
  }

  async function openStream(): Promise<void> {
    if (!client) return;
    stream?.abort();
    const controller = new AbortController();
    stream = controller;
    if (state !== 'live') state = 'connecting';
    try {
      await loadPolicy();
      for (const p of (await client.publishedTemplates()).published)
        await adoptTemplate(p.template);
      await pull();
      await client.stream(await readCursor(db), onStream, controller.signal);
      if (!controller.signal.aborted) fail(new Error('The team server closed the live stream.'));
    } catch (error) {
      if (controller.signal.aborted) return;
      fail(error);
    }
    if (!controller.signal.aborted) scheduleReconnect();
  }

  function stop(): void {
    stream?.abort();
    stream = undefined;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  function use(next: TeamConnection | undefined): void {
    stop();
    connection = next;
    client = next
      ? createTeamClient({ url: next.url, token: next.token, fetch: doFetch })
      : undefined;
    state = next ? 'connecting' : 'off';
    message = undefined;
    retry = 0;
    presence.clear();
    if (next) void openStream();
  }

  async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  const ready: Promise<void> = (async () => {
    const row = await db.settings.get(CONNECTION_KEY);
    const stored = row?.value as TeamConnection | undefined;
    if (stored?.url && stored.token && stored.agent) use(stored);
    // A restarted worker catches up before it answers a view (bounded: offline work goes on).
    if (client) await withTimeout(pull().catch(fail), VIEW_WAIT_MS);
  })().catch((error: unknown) => console.error('[casebook] team start failed', error));

  return {
    ready,

    /** Check the token against the server, keep the connection, start sharing from now. */
    async connect(url: string, token: string): Promise<TeamStatus> {
      const probe = createTeamClient({ url, token, fetch: doFetch });
      let agent: AgentInfo;
      try {
        agent = (await probe.me()).agent;
      } catch (error) {
        if (error instanceof TeamServerError && error.status === 401) {
          throw new Error('The team server does not know this access token (or it was revoked).');
        }
        throw error;
      }
      const next: TeamConnection = { url: probe.url, token, agent };
      const previous = connection;
      if (previous?.url !== next.url || previous.agent.team !== agent.team) {
        await clearOutbox(db);
        await db.settings.put({ key: 'team.cursor', value: 0 });
      }
      await db.settings.put({ key: CONNECTION_KEY, value: next });
      use(next);
      return this.status();
    },

    async disconnect(): Promise<TeamStatus> {
      await db.settings.delete(CONNECTION_KEY);
      use(undefined);
      return this.status();
    },

    async status(): Promise<TeamStatus> {
      return {
        state,
        ...(connection ? { url: connection.url, agent: connection.agent } : {}),
        ...(message ? { message } : {}),
        pending: await outboxSize(db),
      };
    },

    /** A committed local change: push it. */
    changed(): void {
      if (client) void push();
    },

    /** Before a view gets a run: catch up, follow the run and get its history (bounded wait). */
    async beforeRunView(runId: string): Promise<void> {
      await ready;
      if (!client) return;
      const c = client;
      await withTimeout(
        (async () => {
          await pull();
          const opened = await c.openRun(runId);
          presence.set(runId, opened.presence);
          await apply(opened.events, undefined);
        })().catch(fail),
        VIEW_WAIT_MS,
      );
    },

    /** Keep "has it open" fresh for runs a view shows. */
    async heartbeat(runIds: readonly string[]): Promise<void> {
      if (!client) return;
      for (const runId of runIds) presence.set(runId, await client.presence(runId, true));
    },

    async runStatus(runId: string): Promise<TeamRunStatus> {
      const { conflicts, shared } = await runConflicts(db, runId);
      const me = connection?.agent;
      const others = (presence.get(runId)?.agents ?? [])
        .filter((a) => a.agentId !== me?.id)
        .map((a) => a.name);
      return {
        shared: !!client && shared,
        others,
        conflicts: me ? conflictsLostBy(conflicts, { name: me.name, email: me.email }) : [],
      };
    },

    async teamRuns(scope: 'team' | 'mine'): Promise<TeamRunSummary[]> {
      if (!client) throw new Error('Not connected to a team server.');
      return (await client.runs(scope)).runs;
    },

    /** The team report from the server; undefined when not connected (the report is this browser's). */
    async report(request: TeamReportRequest) {
      await ready;
      return client ? client.report(request) : undefined;
    },

    async reportRuns(filter: RunFilter, limit?: number) {
      if (!client) throw new Error('Not connected to a team server.');
      return client.reportRuns(filter, limit);
    },

    async publish(template: WorkflowTemplate): Promise<WorkflowTemplate> {
      if (!client) throw new Error('Not connected to a team server.');
      const published = await client.publish(template);
      await adoptTemplate(published.template);
      return published.template;
    },

    async setPrivacy(policy: PrivacyPolicy): Promise<PrivacyPolicy> {
      if (!client) throw new Error('Not connected to a team server.');
      privacy = (await client.setPolicy(policy)).privacy;
      return privacy;
    },

    privacy: () => privacy,
    stop,
  };
}

export type TeamSync = ReturnType<typeof createTeamSync>;
