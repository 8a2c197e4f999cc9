/**
 * The report the page opens on is asked for before React and the views are
 * even evaluated: `main.tsx` sends it, the background computes while this
 * thread loads the app, and the app takes the raw reply (`settle` in the
 * report client). This module stays tiny on purpose: anything imported here
 * delays the request.
 */
import { browser } from '#imports';
import type { PeriodChoice } from '../../components/report/ReportView';
import { thisMonth } from '../../lib/report/period';

export const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the page's address (a link from the popup, a reload), else this month. */
export function initialPeriod(now: number, search: string): PeriodChoice {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  const unit = params.get('unit') === 'month' ? 'month' : 'week';
  if (from && to && DAY_RE.test(from) && DAY_RE.test(to)) return { from, to, unit };
  return { ...thisMonth(now, timeZone), unit };
}

export const computeRequest = (period: PeriodChoice) =>
  ({ type: 'report.compute', ...period, timeZone }) as const;

let early: { period: PeriodChoice; reply: Promise<unknown> } | undefined;

/** Send the first screen's report request; returns the period it asked for. */
export function requestFirstReport(now: number, search: string): PeriodChoice {
  const period = initialPeriod(now, search);
  const reply = browser.runtime.sendMessage(computeRequest(period));
  // Settled by whoever takes it; never an unhandled rejection meanwhile.
  reply.catch(() => undefined);
  early = { period, reply };
  return period;
}

/** The early request's raw reply if it asked for this period, once: later reads ask again. */
export function takeFirstReport(period: PeriodChoice): Promise<unknown> | undefined {
  const taken = early;
  early = undefined;
  const same =
    taken?.period.from === period.from &&
    taken.period.to === period.to &&
    taken.period.unit === period.unit;
  return same ? taken.reply : undefined;
}
