/**
 * What every request handler gets. Handlers are thin: validate nothing
 * (the router did), call the repo, then report committed changes through
 * `effects` so views are told and clocks rescheduled.
 */
import type { Browser } from '#imports';
import type { HandlersFor, RequestType } from '../../../lib/messaging/protocol';
import type { Run, WorkflowTemplate } from '../../../lib/workflow/schema';
import type { RunView } from '../../../lib/workflow/view';
import type { CasebookDB } from '../db/db';
import type { RunExtras } from '../../../lib/messaging/run-extras';
import type { RunExtrasOf } from '../run-extras';
import type { ViewSender } from '../same-view';

/** Side effects after a committed change. They never throw into the handler. */
export interface Effects {
  /**
   * A run was written: push it (with its extras) to its subscribers and tell the
   * open-runs list, reschedule clocks.
   */
  runChanged(
    change: { run: Run; view: RunView; template: WorkflowTemplate },
    /**
     * The change's requester has the result in its reply (`extras` worked out
     * already): its own view gets no push.
     */
    answered?: { extras: RunExtras | undefined; requester: ViewSender },
  ): void;
  /** Runs were deleted (wipe). */
  runsRemoved(runIds: string[]): void;
  /** Settings were written: push `settings-changed`. */
  settingsChanged(): void;
}

export interface HandlerContext {
  db: CasebookDB;
  now: () => number;
  sender: Browser.runtime.MessageSender;
  effects: Effects;
  /** What views show beside a run (drafts, paging, team), for replies that carry a run. */
  extras: RunExtrasOf;
}

/** One domain's handlers; `handlers/index.ts` checks the union covers every request type. */
export type DomainHandlers<T extends RequestType> = HandlersFor<T, HandlerContext>;
