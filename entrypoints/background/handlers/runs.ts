import { browser } from '#imports';
import { ProtocolFailure } from '../../../lib/messaging/envelope';
import { deriveRunView } from '../../../lib/workflow/derive';
import {
  runToAuditJson,
  runToBugMarkdown,
  runToHandoffMarkdown,
} from '../../../lib/workflow/export';
import type { Run, WorkflowTemplate } from '../../../lib/workflow/schema';
import type { RunView } from '../../../lib/workflow/view';
import { stepWordValues, wordTemplate } from '../../../lib/workflow/step-words';
import { readSettings } from '../settings/store';
import { countOpenRuns, listOpenRuns } from '../db/repo/open-runs';
import {
  getRun,
  getRunWithEvents,
  listEvents,
  migrateRunTo,
  mutateRun,
  openRun,
} from '../db/repo/runs';
import type { CasebookDB } from '../db/db';
import type { DomainHandlers, HandlerContext } from './context';

/** `zendesk-12345-handoff.md`: safe on every OS, recognisable in Downloads. */
export function exportFilename(run: Run, suffix: string, extension: string): string {
  const ticket = (run.ticket.displayId ?? run.ticketId).replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${run.helpdesk}-${ticket.replace(/^-+|-+$/g, '') || 'ticket'}-${suffix}.${extension}`;
}

/** Tabs showing the ticket: same origin and path, ignoring query and hash. */
export function showsTicket(tabUrl: string | undefined, ticketUrl: string): boolean {
  if (!tabUrl) return false;
  try {
    const a = new URL(tabUrl);
    const b = new URL(ticketUrl);
    return (
      a.origin === b.origin && a.pathname.replace(/\/+$/, '') === b.pathname.replace(/\/+$/, '')
    );
  } catch {
    return false;
  }
}

/** Bring forward a tab showing the run's ticket, or open the ticket's URL. */
export async function focusRunTab(
  db: CasebookDB,
  runId: string,
): Promise<{ tabId?: number; opened: boolean }> {
  const { run } = await getRun(db, runId);
  const url = run.ticket.url;
  const tab = (await browser.tabs.query({})).find((t) => showsTicket(t.url, url));
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return { tabId: tab.id, opened: false };
  }
  if (!/^https:\/\//.test(url)) {
    throw new ProtocolFailure('invalid-value', `The ticket's URL "${url}" cannot be opened.`);
  }
  const created = await browser.tabs.create({ url });
  return { tabId: created.id, opened: true };
}

export const runHandlers = {
  'run.open': async ({ ticket, actor }, ctx) => {
    const result = await openRun(ctx.db, ticket, actor, ctx.now());
    if (result.changed) ctx.effects.runChanged(result);
    const extras = await ctx.extras(result.run, result.template);
    return {
      run: result.run,
      template: result.template,
      view: result.view,
      ...(extras ? { extras } : {}),
    };
  },

  'run.get': async ({ runId }, ctx) => {
    const { run, template } = await getRun(ctx.db, runId);
    const extras = await ctx.extras(run, template);
    return {
      run,
      template,
      view: deriveRunView(template, run, ctx.now()),
      ...(extras ? { extras } : {}),
    };
  },

  'run.events': async ({ runId, stepId }, ctx) => ({
    events: await listEvents(ctx.db, runId, stepId),
  }),

  // The requester gets the run, its view and extras in the reply; every other view by push.
  'run.mutate': async ({ runId, mutation, actor }, ctx) => {
    const change = await mutateRun(ctx.db, runId, mutation, actor, ctx.now());
    return answerChange(change, ctx);
  },

  'run.migrate': async ({ runId, toVersion, actor }, ctx) => {
    const change = await migrateRunTo(ctx.db, runId, toVersion, actor, ctx.now());
    return answerChange(change, ctx);
  },

  'run.export': async ({ runId, format }, ctx) => {
    const stored = await getRunWithEvents(ctx.db, runId);
    const { run, events } = stored;
    // Step titles and answers' labels read as in the panel ({{helpdesk}}, {{tracker}}).
    const tracker = (await readSettings()).integrations.tracker.kind;
    const template = wordTemplate(stored.template, stepWordValues(run.helpdesk, tracker));
    switch (format) {
      case 'handoff-md':
        return {
          text: runToHandoffMarkdown(template, run, events, ctx.now()),
          filename: exportFilename(run, 'handoff', 'md'),
        };
      case 'bug-md':
        return {
          text: runToBugMarkdown(template, run),
          filename: exportFilename(run, 'bug', 'md'),
        };
      case 'audit-json':
        return {
          text: runToAuditJson(template, run, events),
          filename: exportFilename(run, 'audit', 'json'),
        };
    }
  },

  'runs.listOpen': async ({ query, limit, counts }, ctx) =>
    listOpenRuns(ctx.db, ctx.now(), { query, limit, counts }),

  'runs.countOpen': async (_request, ctx) => countOpenRuns(ctx.db, ctx.now()),

  'tabs.focusRun': async ({ runId }, ctx) => focusRunTab(ctx.db, runId),
} satisfies DomainHandlers<
  | 'run.open'
  | 'run.get'
  | 'run.events'
  | 'run.mutate'
  | 'run.migrate'
  | 'run.export'
  | 'runs.listOpen'
  | 'runs.countOpen'
  | 'tabs.focusRun'
>;

async function answerChange(
  change: { run: Run; view: RunView; template: WorkflowTemplate },
  ctx: HandlerContext,
) {
  const extras = await ctx.extras(change.run, change.template);
  ctx.effects.runChanged(change, { extras, requester: ctx.sender });
  return { run: change.run, view: change.view, ...(extras ? { extras } : {}) };
}
