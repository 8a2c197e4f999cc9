/**
 * What every request handler gets. Handlers are thin: validate nothing
 * (the router did), call the repo, then report committed changes through
 * `effects` so views are told and clocks rescheduled.
 */
import type { Browser } from '#imports';
import type { HandlersFor, RequestType } from '../../../lib/messaging/protocol';
import type { Run } from '../../../lib/workflow/schema';
import type { RunView } from '../../../lib/workflow/view';
import type { CasebookDB } from '../db/db';

/** Side effects after a committed change. They never throw into the handler. */
export interface Effects {
  /** A run was written: push it to its subscribers and the open-runs list, reschedule clocks. */
  runChanged(run: Run, view: RunView): void;
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
}

/** One domain's handlers; `handlers/index.ts` checks the union covers every request type. */
export type DomainHandlers<T extends RequestType> = HandlersFor<T, HandlerContext>;
