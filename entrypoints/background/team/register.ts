/**
 * Team sync's place in the background: start it, tell views about runs the
 * team changed, keep presence fresh for the runs views show, and wake up on
 * an alarm so a stopped worker that missed the stream still pushes its
 * outbox and catches up.
 */
import { browser } from '#imports';
import type { Effects } from '../handlers/context';
import type { SyncHub } from '../sync';
import { createTeamSync, type TeamSync } from './sync';

export const TEAM_ALARM = 'casebook-team-sync';
const HEARTBEAT_MS = 20_000;

export function registerTeamSync(
  db: Parameters<typeof createTeamSync>[0]['db'],
  now: () => number,
  effects: Effects,
  hub: Pick<SyncHub, 'subscribedKeys'>,
): TeamSync {
  const team = createTeamSync({
    db,
    now,
    runsChanged: (changes) => {
      for (const c of changes) effects.runChanged(c);
    },
  });
  const viewedRuns = () =>
    hub
      .subscribedKeys()
      .filter((k) => k.startsWith('run:'))
      .map((k) => k.slice(4));
  setInterval(() => {
    const runIds = viewedRuns();
    if (runIds.length) team.heartbeat(runIds).catch(() => undefined);
  }, HEARTBEAT_MS);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_ALARM) team.changed();
  });
  void browser.alarms.create(TEAM_ALARM, { periodInMinutes: 1 });
  return team;
}
