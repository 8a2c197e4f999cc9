/**
 * SLA clocks in the background: notifications and the toolbar badge.
 *
 * Chrome allows an extension 500 alarms, fewer than a team's open runs, so
 * there is one alarm, set to the earliest wake-up time over all runs. Each
 * run's wake-up time (`alarmAt`, indexed) is derived from the engine's
 * `clockAlarmTimes` on every write. When the alarm fires, the due runs are
 * re-read and re-derived from the database, a notification is created for
 * each reminder or breach whose clock still runs, and the alarm moves to the
 * next wake-up time. Nothing lives in worker memory: on startup the same
 * pass re-syncs the alarm and the badge from the database.
 *
 * SLA warnings (75 % of a target) and breaches are recorded in the run by
 * the tick that notifies about them (`takeDueClocks`), keyed per clock
 * cycle, so each one notifies, and re-pages, exactly once.
 */
import { browser } from '#imports';
import type { CasebookDB } from './db/db';
import { countUrgentRuns, nextClockAlarm, takeDueClocks, type DueNotice } from './db/repo/clocks';

export const CLOCK_ALARM = 'casebook-clocks';
const NOTIFICATION_PREFIX = 'casebook-clock|';
/** More notices than this at once (e.g. after the browser was closed) become one summary. */
const MAX_SEPARATE_NOTIFICATIONS = 3;

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export function noticeTitle(notice: DueNotice): string {
  return notice.kind === 'due' ? `${notice.label}: overdue` : `${notice.label}: due soon`;
}

export function noticeMessage(notice: DueNotice, now: number): string {
  const ticket = notice.ticket.displayId ?? `#${notice.ticket.ticketId}`;
  const subject = notice.ticket.subject ? ` · ${notice.ticket.subject}` : '';
  const minutes = Math.round((notice.dueAt - now) / 60_000);
  const when =
    minutes > 0 ? `due in ${minutes} min` : minutes === 0 ? 'due now' : `${-minutes} min overdue`;
  return `${ticket}${subject} (${when})`;
}

export function notificationIdFor(notice: DueNotice): string {
  return `${NOTIFICATION_PREFIX}${notice.runId}|${notice.clockId}|${notice.kind}`;
}

/** The run a clock notification is about, for focusing its tab on click. */
export function runIdOfNotification(notificationId: string): string | undefined {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return undefined;
  return notificationId.slice(NOTIFICATION_PREFIX.length).split('|')[0] || undefined;
}

/** Chrome requires an icon on every notification; used while the manifest declares none. */
const FALLBACK_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAABB0lEQVR42u2ayxHDIAxEKSP39H9Lf04BiUGfXSHJMOOjzT6tB5DEGGeM8Xm/LsuTTrh0bAexiJbAlBIeDsISfgdSIup0NyzCVytPmBuaCa3LKBVCMoFVuBZEDSD5sEaYF0LlwuqDlsgi3BBDoMRbAVbzh0WfBTCFQIr3AJhcmL3oXV2Qq9OtC+joswD+usCIPgJA7EILAMZuywL4+Y0Y0UcBzLQdgMcAeJOabQAeiDQArCAcgBIAGSDEG1lWF7aehcIAsv5GqqQmowvqtDKTC6bEHp3UM8SLKhOZAUILW+HRR5cWUYc+U4G3dHG3RXm9fIOjRYupRZOvTZu1RaO7zVWDNpc9Mowv4rBTGXiCA4gAAAAASUVORK5CYII=';

function notificationIcon(): string {
  const icons = browser.runtime.getManifest().icons as Record<string, string> | undefined;
  const path = icons?.['128'] ?? icons?.['48'];
  return path ? browser.runtime.getURL(path as '/') : FALLBACK_ICON;
}

type BadgeApi = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor'>;

function badgeApi(): BadgeApi | undefined {
  // MV3 (Chrome) has `action`; the Firefox MV2 build has `browserAction`.
  const b = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return b.action ?? b.browserAction;
}

export interface Clocks {
  /** After any committed write: move the alarm and recount the badge. */
  refresh(): Promise<void>;
  /** The alarm fired, or the worker started: notify what came due, then refresh. */
  tick(): Promise<void>;
  onAlarm(alarm: { name: string }): Promise<void>;
}

export interface ClockEscalations {
  /** A re-paging target breached on a SEV1/SEV2 run: page on-call again (recorded once per breach). */
  repage(runId: string): Promise<unknown>;
}

export function createClocks(
  db: CasebookDB,
  now: () => number = () => Date.now(),
  escalations?: ClockEscalations,
): Clocks {
  // Serialize refreshes so an older count never lands after a newer one;
  // a burst of writes collapses into one trailing refresh.
  let running: Promise<void> | undefined;
  let again = false;

  async function refreshOnce(): Promise<void> {
    const t = now();
    const next = await nextClockAlarm(db);
    if (next === undefined) await browser.alarms.clear(CLOCK_ALARM);
    else await browser.alarms.create(CLOCK_ALARM, { when: Math.max(next, t) });
    const count = await countUrgentRuns(db, t);
    const badge = badgeApi();
    if (badge) {
      await badge.setBadgeText({ text: badgeText(count) });
      await badge.setBadgeBackgroundColor({ color: '#B42318' });
    }
  }

  function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await refreshOnce();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  async function notify(notices: DueNotice[]): Promise<void> {
    const t = now();
    if (notices.length > MAX_SEPARATE_NOTIFICATIONS) {
      const runs = new Set(notices.map((n) => n.runId)).size;
      await browser.notifications.create(`${NOTIFICATION_PREFIX}summary`, {
        type: 'basic',
        iconUrl: notificationIcon(),
        title: `${notices.length} SLA clocks need attention`,
        message: `Across ${runs} ticket${runs === 1 ? '' : 's'}. Open Casebook's popup for the list.`,
      });
      return;
    }
    for (const notice of notices) {
      await browser.notifications.create(notificationIdFor(notice), {
        type: 'basic',
        iconUrl: notificationIcon(),
        title: noticeTitle(notice),
        message: noticeMessage(notice, t),
        priority: notice.kind === 'due' ? 2 : 1,
      });
    }
  }

  async function tick(): Promise<void> {
    const { notices, repages } = await takeDueClocks(db, now());
    await notify(notices);
    for (const runId of repages) {
      // The breach is already on the record; a page that cannot go out
      // (no routing key, no permission) is recorded by the paging service.
      await escalations?.repage(runId).catch((error: unknown) => {
        console.error('[casebook] breach re-page failed', error);
      });
    }
    await refresh();
  }

  return {
    refresh,
    tick,
    async onAlarm(alarm) {
      if (alarm.name === CLOCK_ALARM) await tick();
    },
  };
}
