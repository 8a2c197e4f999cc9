/**
 * The team.* requests, and the run requests that must see the team's events
 * first: a view asking for a run waits (bounded) until this browser has
 * caught up with the server and follows that run.
 */
import type { HandlerMap } from '../../../lib/messaging/protocol';
import { runIdFor } from '../../../lib/workflow/schema';
import { getActiveTemplate } from '../db/repo/templates';
import type { DomainHandlers, HandlerContext } from '../handlers/context';
import type { TeamSync } from './sync';

export function createTeamHandlers(team: TeamSync) {
  return {
    'team.status': async () => ({ ...(await team.status()), privacy: team.privacy() }),
    'team.connect': async ({ url, token }) => team.connect(url, token),
    'team.disconnect': async () => team.disconnect(),
    'team.runStatus': async ({ runId }) => team.runStatus(runId),
    'team.runs': async ({ scope }) => ({ runs: await team.teamRuns(scope) }),
    'team.publishTemplate': async (_request, ctx) => ({
      template: await team.publish(await getActiveTemplate(ctx.db, ctx.now())),
    }),
    'team.setPrivacy': async ({ privacy }) => ({ privacy: await team.setPrivacy(privacy) }),
  } satisfies DomainHandlers<
    | 'team.status'
    | 'team.connect'
    | 'team.disconnect'
    | 'team.runStatus'
    | 'team.runs'
    | 'team.publishTemplate'
    | 'team.setPrivacy'
  >;
}

/** Run handlers that catch up with the team before they read. */
export function withTeamCatchUp(
  handlers: Pick<HandlerMap<HandlerContext>, 'run.open' | 'run.get'>,
  team: TeamSync,
): Pick<HandlerMap<HandlerContext>, 'run.open' | 'run.get'> {
  return {
    'run.open': async (request, ctx) => {
      await team.beforeRunView(runIdFor(request.ticket.helpdesk, request.ticket.ticketId));
      return handlers['run.open'](request, ctx);
    },
    'run.get': async (request, ctx) => {
      await team.ready;
      return handlers['run.get'](request, ctx);
    },
  };
}
