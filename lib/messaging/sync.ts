/**
 * Live sync over runtime ports. A view opens a port named `casebook-sync`,
 * subscribes to topics, and the background pushes a message after every
 * committed change. Each push carries all a view shows of what changed: a
 * run with its view and extras (drafts, paging and team state), the open-runs
 * list with its counts. No view asks again after a push.
 */
import { z } from 'zod';
import { runSchema } from '../workflow/schema';
import { runExtrasSchema } from './run-extras';
import { openRunCountsSchema, openRunSummarySchema, runViewSchema } from './runs';
import type { SERVER_PUSH_TYPES } from './wire';

export { SYNC_PORT_NAME } from './wire';

export const topicSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run'), runId: z.string().min(3).max(200) }),
  z.object({ kind: z.literal('open-runs') }),
  z.object({ kind: z.literal('settings') }),
]);
export type Topic = z.infer<typeof topicSchema>;

export { topicKey } from './wire';

/** View → background. */
export const clientPortMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), topic: topicSchema }),
  z.object({ type: z.literal('unsubscribe'), topic: topicSchema }),
]);
export type ClientPortMessage = z.infer<typeof clientPortMessageSchema>;

/** Background → view. */
export const serverPortMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run-changed'),
    run: runSchema,
    view: runViewSchema,
    /** Absent when the background could not work them out: the view keeps what it has. */
    extras: runExtrasSchema.optional(),
  }),
  /** The run is gone (data wiped); sent to its subscribers. */
  z.object({ type: z.literal('run-removed'), runId: z.string().min(3).max(200) }),
  z.object({
    type: z.literal('open-runs-changed'),
    /** The first `OPEN_RUNS_PAGE` open runs and the counts, so the list needs no request. */
    list: z
      .object({ items: z.array(openRunSummarySchema), counts: openRunCountsSchema })
      .optional(),
  }),
  z.object({ type: z.literal('settings-changed') }),
]);
export type ServerPortMessage = z.infer<typeof serverPortMessageSchema>;
// The zod-free list the content scripts check pushes against names every push, and only those.
type _PushTypesListed = [ServerPortMessage['type']] extends [(typeof SERVER_PUSH_TYPES)[number]]
  ? [(typeof SERVER_PUSH_TYPES)[number]] extends [ServerPortMessage['type']]
    ? true
    : never
  : never;
const _pushTypesListed: _PushTypesListed = true;
void _pushTypesListed;

/** Which topic a push belongs to, so a subscriber only sees its own. */
export function topicKeyOf(message: ServerPortMessage): string {
  switch (message.type) {
    case 'run-changed':
      return `run:${message.run.id}`;
    case 'run-removed':
      return `run:${message.runId}`;
    case 'open-runs-changed':
      return 'open-runs';
    case 'settings-changed':
      return 'settings';
  }
}
