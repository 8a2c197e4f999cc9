/**
 * Every request type's handler. Each domain adds its map here; `satisfies
 * HandlerMap` fails to compile while any request type in the protocol has
 * no handler.
 */
import type { HandlerMap } from '../../../lib/messaging/protocol';
import type { ServerPortMessage } from '../../../lib/messaging/sync';
import { runsToCsv } from '../../../lib/settings/csv';
import type { CasebookDB } from '../db/db';
import { allRunsWithViews } from '../db/repo/data';
import { getActiveTemplate, latestTemplates, saveTemplate } from '../db/repo/templates';
import { actionHandlers } from '../actions';
import { createSettingsHandlers } from '../settings/handlers';
import { secretStore } from '../settings/secrets';
import { attachmentHandlers } from './attachments';
import { conversationHandlers } from './conversation';
import type { HandlerContext } from './context';
import { dataHandlers } from './data';
import { harHandlers } from './har';
import { healthHandlers } from './health';
import { createReportHandlers } from './report';
import { runHandlers } from './runs';
import { templateHandlers } from './templates';
import { createTeamHandlers, withTeamCatchUp } from '../team/handlers';
import type { TeamSync } from '../team/sync';

export interface HandlerDeps {
  db: CasebookDB;
  now: () => number;
  publish: (message: ServerPortMessage) => void;
  team: TeamSync;
}

export function createHandlers({ db, now, publish, team }: HandlerDeps) {
  return {
    ...runHandlers,
    ...withTeamCatchUp(runHandlers, team),
    ...createTeamHandlers(team),
    ...templateHandlers,
    ...attachmentHandlers,
    ...dataHandlers,
    ...actionHandlers,
    ...harHandlers,
    ...healthHandlers,
    ...conversationHandlers,
    ...createReportHandlers(team),
    ...createSettingsHandlers({
      now,
      publish,
      saveTemplate: (template) => saveTemplate(db, template, now()),
      latestTemplates: () => latestTemplates(db),
      activeTemplate: () => getActiveTemplate(db, now()),
      exportRunsCsv: async () => runsToCsv(await allRunsWithViews(db, now())),
      secrets: secretStore(db),
    }),
  } satisfies HandlerMap<HandlerContext>;
}
