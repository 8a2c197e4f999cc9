/**
 * The messages the panel puts into the helpdesk composer, filled from the run
 * with the engine's `fillMessage` (message templates are part of the
 * editable workflow template). A placeholder without a value stays visible as
 * `{{name}}` and is listed in `missing`, so the agent sees what to write.
 */
import { DEFAULT_IDS } from '../workflow/default-ids';
import { fillMessage } from '../workflow/messages';
import type { Run, StepAction, WorkflowTemplate } from '../workflow/schema';
import type { Refusal } from './bug-report';

/** Which message each composer action fills. */
export const COMPOSER_MESSAGES = {
  'insert-first-touch': DEFAULT_IDS.messages.firstTouch,
  'insert-eta-update': DEFAULT_IDS.messages.etaUpdate,
  'insert-fix-shipped': DEFAULT_IDS.messages.fixShipped,
  'insert-confirmation-request': DEFAULT_IDS.messages.confirmationRequest,
  'insert-closing-note': DEFAULT_IDS.messages.closingNote,
  'draft-incident-summary': DEFAULT_IDS.messages.incidentSummary,
} as const satisfies Partial<Record<StepAction, string>>;

export type ComposerAction = keyof typeof COMPOSER_MESSAGES;

export function isComposerAction(action: string): action is ComposerAction {
  return Object.hasOwn(COMPOSER_MESSAGES, action);
}

export interface ComposedMessage {
  ok: true;
  messageId: string;
  /** The message template's label, e.g. "Fix shipped". */
  label: string;
  text: string;
  missing: string[];
}

export interface ComposeContext {
  /** The agent's name for the signature (`{{agent.name}}`). */
  agentName?: string;
  /** More placeholder values, e.g. `update` and `eta` for the ETA update. */
  extra?: Record<string, string | undefined>;
}

export function composeMessage(
  template: WorkflowTemplate,
  run: Run,
  action: ComposerAction,
  context: ComposeContext = {},
): ComposedMessage | Refusal {
  const messageId = COMPOSER_MESSAGES[action];
  const message = template.messages.find((m) => m.id === messageId);
  if (!message) {
    return {
      ok: false,
      reason: `This workflow has no "${messageId}" message template; add one in the template editor.`,
    };
  }
  const filled = fillMessage(template, messageId, run, {
    'agent.name': context.agentName?.trim() || undefined,
    ...context.extra,
  });
  return { ok: true, messageId, label: message.label, text: filled.text, missing: filled.missing };
}
