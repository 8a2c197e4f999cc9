/**
 * What a view shows beside a run that the background works out: the step
 * actions' drafts, the page's delivery state and the run's team status. It
 * travels with the run (in `run.open`/`run.get` replies and every
 * `run-changed` push), so one change costs one push and no view asks again.
 */
import { z } from 'zod';
import { actionReplySchemas } from './actions';
import { teamRunStatusSchema } from './team';

export const runExtrasSchema = z.object({
  drafts: actionReplySchemas['action.drafts'],
  page: actionReplySchemas['action.pageStatus'],
  team: teamRunStatusSchema,
});
export type RunExtras = z.infer<typeof runExtrasSchema>;
