/** Test helpers for the store. Imported by tests only. */
import { openRequiredSteps } from '../../../lib/workflow/close-rules';
import { closingStepId } from '../../../lib/workflow/derive';
import type { Actor } from '../../../lib/workflow/schema';
import { CALENDAR_TEMPLATE } from '../../../lib/workflow/testing';
import type { CasebookDB } from './db';
import { getRun, mutateRun } from './repo/runs';

/** Skip, with a reason, every required step still open: what a run needs before it can close. */
export async function skipOpenSteps(
  db: CasebookDB,
  runId: string,
  actor: Actor,
  at: number,
): Promise<void> {
  const { run, template } = await getRun(db, runId);
  for (const open of openRequiredSteps(template, run, closingStepId(template))) {
    await mutateRun(
      db,
      runId,
      { type: 'set-step-status', stepId: open.stepId, status: 'skipped', skipReason: 'Not needed' },
      actor,
      at,
    );
  }
}

/**
 * Store the calendar-time template as the default (it takes the default's
 * id), so clocks count plain minutes: round numbers for keys and alarms.
 */
export function seedCalendarTemplate(db: CasebookDB): Promise<unknown> {
  return db.templates.add({
    id: CALENDAR_TEMPLATE.id,
    version: CALENDAR_TEMPLATE.version,
    savedAt: 0,
    template: CALENDAR_TEMPLATE,
  });
}
