/**
 * The messages the panel puts into the helpdesk composer, filled from the run
 * with the engine's `fillMessage` (message templates are part of the
 * editable workflow template). A placeholder without a value stays visible as
 * `{{name}}` and is listed in `missing`, so the agent sees what to write.
 */
import { fillMessage } from '../workflow/messages';
import { messageByPurpose, type MessagePurpose } from '../workflow/roles';
import type { Run, StepAction, WorkflowTemplate } from '../workflow/schema';
import type { Refusal } from './bug-report';

/** The purpose of the message each composer action fills. */
export const COMPOSER_MESSAGES = {
  'insert-first-touch': 'first-touch',
  'insert-eta-update': 'eta-update',
  'insert-fix-shipped': 'fix-shipped',
  'insert-confirmation-request': 'confirmation-request',
  'insert-closing-note': 'closing-note',
  'draft-incident-summary': 'incident-summary',
} as const satisfies Partial<Record<StepAction, MessagePurpose>>;

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
  /** The customer's zone when the page shows it; else the run's customer-time fields name it. */
  customerTimeZone?: string;
}

export function composeMessage(
  template: WorkflowTemplate,
  run: Run,
  action: ComposerAction,
  context: ComposeContext = {},
): ComposedMessage | Refusal {
  const purpose = COMPOSER_MESSAGES[action];
  const message = messageByPurpose(template, purpose);
  if (!message) {
    return {
      ok: false,
      reason: `This workflow has no message template for "${purpose}"; give one that purpose in the template editor.`,
    };
  }
  const messageId = message.id;
  const filled = fillMessage(
    template,
    messageId,
    run,
    { 'agent.name': context.agentName?.trim() || undefined, ...context.extra },
    { customerTimeZone: context.customerTimeZone },
  );
  return { ok: true, messageId, label: message.label, text: filled.text, missing: filled.missing };
}
