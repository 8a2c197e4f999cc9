/** The changes a run accepts, and what applying one returns (engine.ts applies them). */
import type {
  Actor,
  ConversationMessage,
  FieldValue,
  Run,
  RunEvent,
  TicketInfo,
  WorkflowTemplate,
} from './schema';

export type Mutation =
  | { type: 'set-field'; stepId: string; fieldId: string; value: FieldValue }
  | {
      type: 'set-step-status';
      stepId: string;
      status: 'pending' | 'done' | 'skipped';
      skipReason?: string;
    }
  | { type: 'pause-clock'; clockId: string; reason?: string }
  | { type: 'resume-clock'; clockId: string }
  | { type: 'update-ticket'; ticket: TicketInfo }
  /** Messages the page shows in the conversation (SLA clocks follow them). */
  | { type: 'observe-conversation'; messages: ConversationMessage[] }
  | {
      type: 'record-action';
      stepId?: string;
      action: string;
      note?: string;
      data?: unknown;
      /**
       * Also mark the step done, in the same revision, once the action's
       * recorded facts are in ("Insert and mark done"): refused like any
       * Mark done when the step still lacks something.
       */
      done?: boolean;
    };

export interface MutationResult {
  run: Run;
  events: RunEvent[];
}

/** Applies one kind of mutation to a run of `template`, recorded as done by `by` at `now`. */
export type MutationStep<T extends Mutation['type']> = (
  template: WorkflowTemplate,
  run: Run,
  m: Extract<Mutation, { type: T }>,
  by: Actor,
  now: number,
) => MutationResult;

/** The next revision's bookkeeping: every change bumps the revision, time never goes back. */
export function touch(run: Run, now: number): Pick<Run, 'updatedAt' | 'revision'> {
  return { updatedAt: Math.max(now, run.updatedAt), revision: run.revision + 1 };
}
