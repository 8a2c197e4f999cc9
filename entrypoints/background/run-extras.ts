/**
 * Works out a run's extras (lib/messaging/run-extras.ts) once per change, for
 * every view at once: the actions' drafts from the run and settings, the
 * page's delivery state, the team status. A failure leaves them out (the
 * views keep what they had) rather than failing the change.
 */
import { draftActions } from '../../lib/actions/drafts';
import type { RunExtras } from '../../lib/messaging/run-extras';
import type { Run, WorkflowTemplate } from '../../lib/workflow/schema';
import type { PageService } from './actions/pagerduty';
import { readSettings } from './settings/store';
import type { TeamSync } from './team/sync';

export type RunExtrasOf = (run: Run, template: WorkflowTemplate) => Promise<RunExtras | undefined>;

export function createRunExtras(
  pages: () => Pick<PageService, 'status'>,
  team: Pick<TeamSync, 'runStatus'>,
): RunExtrasOf {
  return async (run, template) => {
    try {
      const [settings, page, teamStatus] = await Promise.all([
        readSettings(),
        pages().status(run.id),
        team.runStatus(run.id),
      ]);
      const agentName = settings.agent.name || undefined;
      return {
        drafts: draftActions(template, run, settings.integrations, agentName),
        page,
        team: teamStatus,
      };
    } catch (error) {
      console.warn('[casebook] could not work out the run’s actions', error);
      return undefined;
    }
  };
}
