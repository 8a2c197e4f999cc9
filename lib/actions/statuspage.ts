/**
 * The public status-page incident for a SEV1: its state machine, the drafted
 * update for each state, and when the next update is due.
 *
 * States follow Atlassian Statuspage's realtime incidents:
 * investigating → identified → monitoring → resolved. An update may move
 * forward (skipping ahead is allowed: a fix found at once goes straight to
 * monitoring) or repeat the current state (a fresh "still investigating"
 * update); it never moves backwards. Resolved is final unless the incident
 * is explicitly reopened, which starts again at investigating.
 */
import { messageByPurpose, type MessagePurpose } from '../workflow/roles';
import { fillMessage, fillText, messageValues, type FilledMessage } from '../workflow/messages';
import type { Run, Severity, StatusPageState, WorkflowTemplate } from '../workflow/schema';
import { STATUS_PAGE_STATES } from '../workflow/vocabulary';

export const STATUS_PAGE_LABELS: Record<StatusPageState, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/**
 * Statuspage's own default update text, used when the workflow template has
 * no message for a state.
 */
export const ATLASSIAN_DEFAULT_WORDING: Record<StatusPageState, string> = {
  investigating: 'We are currently investigating this issue.',
  identified: 'The issue has been identified and a fix is being implemented.',
  monitoring: 'A fix has been implemented and we are monitoring the results.',
  resolved: 'This incident has been resolved.',
};

const rank = (s: StatusPageState): number => STATUS_PAGE_STATES.indexOf(s);

export function isStatusPageState(value: unknown): value is StatusPageState {
  return typeof value === 'string' && (STATUS_PAGE_STATES as readonly string[]).includes(value);
}

export type StatusTransition =
  { ok: true; state: StatusPageState; reopened: boolean } | { ok: false; reason: string };

/** States an update may post next from `current` (undefined: no incident posted yet). */
export function allowedNextStates(
  current: StatusPageState | undefined,
  reopen = false,
): StatusPageState[] {
  if (current === undefined) return ['investigating'];
  if (current === 'resolved') return reopen ? ['investigating'] : [];
  return STATUS_PAGE_STATES.filter((s) => rank(s) >= rank(current));
}

export function transitionStatusPage(
  current: StatusPageState | undefined,
  next: StatusPageState,
  options: { reopen?: boolean } = {},
): StatusTransition {
  if (!isStatusPageState(next)) {
    return { ok: false, reason: `"${String(next)}" is not a status-page state.` };
  }
  if (allowedNextStates(current, options.reopen).includes(next)) {
    return { ok: true, state: next, reopened: current === 'resolved' };
  }
  if (current === undefined) {
    return { ok: false, reason: 'A status-page incident starts as Investigating.' };
  }
  if (current === 'resolved') {
    return {
      ok: false,
      reason: options.reopen
        ? 'A reopened incident starts again as Investigating.'
        : 'The incident is resolved. Reopen it to post another update.',
    };
  }
  return {
    ok: false,
    reason: `The incident is already ${STATUS_PAGE_LABELS[current]}; updates do not go back to ${STATUS_PAGE_LABELS[next]}.`,
  };
}

/** The state the next drafted update is in: the one after the current, or investigating to start. */
export function suggestedNextState(
  current: StatusPageState | undefined,
): StatusPageState | undefined {
  if (current === undefined) return 'investigating';
  if (current === 'resolved') return undefined;
  return STATUS_PAGE_STATES[rank(current) + 1];
}

/** The message purpose that drafts each state's update. */
const STATUS_PAGE_PURPOSES = {
  investigating: 'status-investigating',
  identified: 'status-identified',
  monitoring: 'status-monitoring',
  resolved: 'status-resolved',
} as const satisfies Record<StatusPageState, MessagePurpose>;

export interface StatusDraft extends FilledMessage {
  state: StatusPageState;
  /** Which text was used: the workflow's message or Statuspage's default. */
  source: 'template' | 'atlassian-default';
}

/** The drafted update for `state`, filled from the run. */
export function draftStatusUpdate(
  template: WorkflowTemplate,
  run: Run,
  state: StatusPageState,
  extra: Record<string, string | undefined> = {},
): StatusDraft {
  const message = messageByPurpose(template, STATUS_PAGE_PURPOSES[state]);
  if (message) {
    return { ...fillMessage(template, message.id, run, extra), state, source: 'template' };
  }
  return {
    ...fillText(
      ATLASSIAN_DEFAULT_WORDING[state],
      messageValues(template, run, extra, { reader: 'public' }),
    ),
    state,
    source: 'atlassian-default',
  };
}

/** Minutes between public updates for a severity, from the policy (settings are applied to it). */
export function statusPageCadenceMinutes(
  template: WorkflowTemplate,
  severity: Severity | undefined,
): number | undefined {
  if (!severity) return undefined;
  return template.policy.severities.find((s) => s.id === severity)?.statusPageCadenceMinutes;
}

/**
 * When the next update is due: a cadence after the last one posted (or after
 * the incident started, before any was posted). Undefined once resolved or
 * without a cadence.
 */
export function nextStatusUpdateDue(input: {
  state: StatusPageState | undefined;
  lastPostedAt: number | undefined;
  startedAt: number;
  cadenceMinutes: number | undefined;
}): number | undefined {
  if (input.state === 'resolved' || !input.cadenceMinutes) return undefined;
  return (input.lastPostedAt ?? input.startedAt) + input.cadenceMinutes * 60_000;
}
