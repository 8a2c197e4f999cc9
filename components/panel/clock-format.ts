/**
 * Clock chip wording. The view is derived at some instant but the container
 * ticks `now` every second without re-deriving, so remaining time and the
 * running → due-soon → breached transition are recomputed here from `dueAt`.
 */
import { countedMs } from '../../lib/time/business-hours';
import { formatUtc, instantToZoned, isValidTimeZone } from '../../lib/time/zoned';
import type { ClockState, ClockView } from '../../lib/workflow/view';

export type ChipTone = 'ok' | 'warn' | 'danger' | 'muted';

export interface ChipText {
  state: ClockState;
  tone: ChipTone;
  /** Short state word, so the chip never relies on colour alone. */
  stateLabel: string;
  /** e.g. "42:10 left", "breached 12m ago", "met". */
  detail: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Under an hour mm:ss; under a day "3h 05m"; beyond "2d 4h". */
export function formatRemaining(ms: number): string {
  const t = Math.max(0, ms);
  if (t < HOUR) {
    const totalSeconds = Math.floor(t / 1000);
    return `${pad2(Math.floor(totalSeconds / 60))}:${pad2(totalSeconds % 60)}`;
  }
  if (t < DAY) {
    const minutes = Math.floor(t / MINUTE);
    return `${Math.floor(minutes / 60)}h ${pad2(minutes % 60)}m`;
  }
  const hours = Math.floor(t / HOUR);
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** "just now", "12m", "2h 5m", "3d 1h". */
export function formatAgo(ms: number): string {
  const t = Math.max(0, ms);
  if (t < MINUTE) return 'just now';
  const minutes = Math.floor(t / MINUTE);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${minutes % 60}m ago`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h ago`;
}

/** The state as of `now`: a running clock whose due time has passed is breached. */
export function effectiveClockState(
  clock: ClockView,
  now: number,
  leadMinutes: number,
): ClockState {
  if ((clock.state === 'running' || clock.state === 'due-soon') && clock.dueAt !== undefined) {
    const remaining = clock.dueAt - now;
    if (remaining <= 0) return 'breached';
    // SLA-policy clocks warn at a share of the target (75 %); older ones by the lead time.
    if (clock.warnAt !== undefined ? now >= clock.warnAt : remaining <= leadMinutes * MINUTE)
      return 'due-soon';
    return 'running';
  }
  return clock.state;
}

let chosenZone: string | undefined;

/**
 * The zone the agent chose in options (settings `agent.timeZone`), or
 * undefined for the browser's. The panel and the popup set it when their
 * settings arrive and again when they change; one place, so every time they
 * show follows it.
 */
export function setAgentTimeZone(zone: string | undefined): void {
  chosenZone = zone && isValidTimeZone(zone) ? zone : undefined;
}

/** The agent's own zone (the one chosen in options, else the browser's), where times are shown. */
export function agentTimeZone(): string {
  return chosenZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** "2026-12-04 13:10": a moment in the record, to the minute, in `timeZone` (the agent's). */
export function formatMinute(at: number, timeZone: string = agentTimeZone()): string {
  return instantToZoned(Math.floor(at / 60_000) * 60_000, timeZone).local.replace('T', ' ');
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon 10:00" in the agent's zone; "Mon 14 Dec 10:00" when it is a week or more away. */
export function formatDueWall(dueAt: number, now: number, timeZone: string): string {
  const far = Math.abs(dueAt - now) >= 6 * DAY;
  const key = `${timeZone}|${far}`;
  let f = wallFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(far ? { day: 'numeric', month: 'short' } : {}),
    });
    wallFormats.set(key, f);
  }
  const parts = f.formatToParts(new Date(dueAt));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  const date = far ? ` ${get('day')} ${get('month')}` : '';
  return `${get('weekday')}${date} ${get('hour')}:${get('minute')}`;
}

/**
 * The hover text for a time shown in the agent's zone: the wall time there,
 * then UTC for logs and colleagues elsewhere ("Fri 13:10 your time · 2026-12-04 18:10 UTC").
 */
export function timeTitle(at: number, now: number, timeZone: string = agentTimeZone()): string {
  return `${formatDueWall(at, now, timeZone)} your time · ${formatUtc(at)}`;
}

/** A clock's hover text: its state, and when it is or was due (agent zone, then UTC). */
export function clockTitle(
  clock: ClockView,
  text: ChipText,
  now: number,
  timeZone: string = agentTimeZone(),
): string {
  const head = `${clock.label}: ${text.stateLabel}`;
  return clock.dueAt === undefined ? head : `${head}, due ${timeTitle(clock.dueAt, now, timeZone)}`;
}

/** "45 business min", "2 business hours", "3 business hours 20 min". */
export function formatBusinessDuration(ms: number): string {
  const minutes = Math.max(0, Math.ceil(ms / MINUTE));
  if (minutes < 60) return `${minutes} business min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} business hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} min` : ''}`;
}

/** What is left, the way the clock counts: business time on its schedule, else wall time. */
function leftText(clock: ClockView, now: number, timeZone: string): string | undefined {
  if (clock.dueAt === undefined) return undefined;
  if (clock.time === 'business' && clock.schedule) {
    const left = countedMs(clock.schedule, now, clock.dueAt);
    return `due in ${formatBusinessDuration(left)} (${formatDueWall(clock.dueAt, now, timeZone)})`;
  }
  const left = clock.dueAt - now;
  return left >= HOUR
    ? `${formatRemaining(left)} left (${formatDueWall(clock.dueAt, now, timeZone)})`
    : `${formatRemaining(left)} left`;
}

/**
 * A chip's detail for the 72 px rail, under its state label: the state word is
 * not repeated and the wall time stays in the hover text ("breached, 16m late
 * (due Tue 24 Nov 15:03)" → "16m late").
 */
export function railClockDetail(detail: string): string {
  return detail
    .replace(/^(breached|paused),?\s+/i, '')
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/^due\s+/i, '');
}

export function clockChipText(
  clock: ClockView,
  now: number,
  leadMinutes: number,
  timeZone: string = agentTimeZone(),
): ChipText {
  const state = effectiveClockState(clock, now, leadMinutes);
  switch (state) {
    case 'running':
      return {
        state,
        tone: 'ok',
        stateLabel: 'On track',
        detail: leftText(clock, now, timeZone) ?? 'running',
      };
    case 'due-soon':
      return {
        state,
        tone: 'warn',
        stateLabel: 'Due soon',
        detail: leftText(clock, now, timeZone) ?? 'due soon',
      };
    case 'breached': {
      if (clock.stoppedAt !== undefined && clock.dueAt !== undefined) {
        // Stopped late: the record keeps that it breached, and by how much.
        const late = formatAgo(clock.stoppedAt - clock.dueAt).replace(/ ago$/, '');
        return {
          state,
          tone: 'danger',
          stateLabel: 'Breached',
          detail: `breached, ${late === 'just now' ? 'under a minute' : late} late (due ${formatDueWall(clock.dueAt, now, timeZone)})`,
        };
      }
      const since = clock.dueAt !== undefined ? now - clock.dueAt : -(clock.remainingMs ?? 0);
      const ago = formatAgo(since);
      return { state, tone: 'danger', stateLabel: 'Breached', detail: `breached ${ago}` };
    }
    case 'paused':
      return {
        state,
        tone: 'muted',
        stateLabel: 'Paused',
        // A paused clock does not count down: show what was left when it paused.
        detail:
          clock.remainingMs === undefined
            ? 'paused'
            : clock.time === 'business'
              ? `paused, ${formatBusinessDuration(clock.remainingMs)} left`
              : `paused, ${formatRemaining(clock.remainingMs)} left`,
      };
    case 'met':
      return { state, tone: 'ok', stateLabel: 'Met', detail: 'met' };
    case 'stopped':
      return { state, tone: 'muted', stateLabel: 'Stopped', detail: 'stopped' };
  }
}

const RANK: Record<ClockState, number> = {
  breached: 0,
  'due-soon': 1,
  running: 2,
  paused: 3,
  met: 4,
  stopped: 5,
};

/** The chip the collapsed pill shows: breached first, then the soonest due. */
export function mostUrgentClock(
  clocks: ClockView[],
  now: number,
  leadMinutes: number,
): ClockView | undefined {
  let best: { clock: ClockView; rank: number; due: number } | undefined;
  for (const clock of clocks) {
    const rank = RANK[effectiveClockState(clock, now, leadMinutes)];
    const due = clock.dueAt ?? Number.POSITIVE_INFINITY;
    if (!best || rank < best.rank || (rank === best.rank && due < best.due)) {
      best = { clock, rank, due };
    }
  }
  return best?.clock;
}
