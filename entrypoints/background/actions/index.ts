/**
 * The paging service bound to the extension: the run store is the database
 * (through the repo), configuration comes from settings and the secrets in
 * the database,
 * retries are `browser.alarms`, and sends go through `fetch` only to the
 * endpoint the user configured, only with its host permission granted.
 */
import { browser } from '#imports';
import { draftActions } from '../../../lib/actions/drafts';
import { originPatternFor } from '../../../lib/messaging/settings';
import { isLoopbackEndpoint } from '../../../lib/settings/pagerduty-access';
import type { CasebookDB } from '../db/db';
import { getRun, getRunWithEvents, listOpenRuns, mutateRun } from '../db/repo';
import type { DomainHandlers, Effects } from '../handlers/context';
import { secretStore } from '../settings/secrets';
import { readSettings } from '../settings/store';
import {
  createPageService,
  pageRetryAlarmName,
  runIdOfPageRetryAlarm,
  type PageConfig,
  type PageService,
} from './pagerduty';

/** Serializes page calls per run for the worker's life (a lock; the state is in the DB). */
const pageLocks = new Map<string, Promise<unknown>>();

async function pageConfig(db: CasebookDB): Promise<PageConfig> {
  const [settings, secrets] = await Promise.all([readSettings(), secretStore(db).read()]);
  const routingKey = secrets.pagerDutyRoutingKey;
  const endpoint = settings.integrations.pagerDuty.endpoint;
  let permissionGranted = false;
  if (isLoopbackEndpoint(endpoint)) {
    permissionGranted = true;
  } else {
    try {
      const url = new URL(endpoint);
      permissionGranted =
        url.protocol === 'https:' &&
        (await browser.permissions
          .contains({ origins: [originPatternFor(url.hostname)] })
          .catch(() => false));
    } catch {
      permissionGranted = false;
    }
  }
  return { routingKey, endpoint, permissionGranted };
}

export function pageServiceFor(db: CasebookDB, effects: Effects, now: () => number): PageService {
  return createPageService(
    {
      fetch: (input, init) => fetch(input, init),
      now,
      config: () => pageConfig(db),
      store: {
        load: (runId) => getRunWithEvents(db, runId),
        async append(runId, { record, note, stepId }, actor, at) {
          const change = await mutateRun(
            db,
            runId,
            {
              type: 'record-action',
              action: record.type,
              note,
              data: record,
              ...(stepId !== undefined ? { stepId } : {}),
            },
            actor,
            at,
          );
          effects.runChanged(change);
        },
      },
      alarms: {
        async schedule(runId, at) {
          await browser.alarms.create(pageRetryAlarmName(runId), { when: at });
        },
        async clear(runId) {
          await browser.alarms.clear(pageRetryAlarmName(runId));
        },
      },
    },
    pageLocks,
  );
}

export const actionHandlers = {
  'action.pageOnCall': async ({ runId, actor, repage, stepId }, ctx) =>
    pageServiceFor(ctx.db, ctx.effects, ctx.now).page({ runId, actor, repage, stepId }),
  'action.pageStatus': async ({ runId }, ctx) =>
    pageServiceFor(ctx.db, ctx.effects, ctx.now).status(runId),
  'action.drafts': async ({ runId }, ctx) => {
    const [{ run, template }, settings] = await Promise.all([
      getRun(ctx.db, runId),
      readSettings(),
    ]);
    return draftActions(template, run, settings.integrations, settings.agent.name || undefined);
  },
} satisfies DomainHandlers<'action.pageOnCall' | 'action.pageStatus' | 'action.drafts'>;

/**
 * Register the retry alarm listener (call synchronously at worker start, next
 * to the other listeners) and re-sync pending pages from the database:
 * Firefox drops alarms on restart, and a retry may have come due while the
 * worker was stopped.
 */
export function registerPageRetries(
  db: CasebookDB,
  effects: Effects,
  now: () => number = Date.now,
) {
  const service = pageServiceFor(db, effects, now);
  browser.alarms.onAlarm.addListener((alarm) => {
    const runId = runIdOfPageRetryAlarm(alarm.name);
    if (!runId) return;
    service.resume(runId).catch((error: unknown) => {
      console.error('[casebook] page retry failed', error);
    });
  });
  void (async () => {
    const { items } = await listOpenRuns(db, now(), { limit: 500 });
    for (const item of items) await service.resume(item.runId);
  })().catch((error: unknown) => {
    console.error('[casebook] page re-sync failed', error);
  });
}
