/** What the message actions are called, and which of them show their draft with the step. */
import type { ComposerAction } from '../../../lib/actions/composer-text';

export const MESSAGE_BUTTON: Record<ComposerAction, string> = {
  'insert-first-touch': 'Insert first-touch reply',
  'insert-eta-update': 'Insert ETA update',
  'insert-fix-shipped': 'Insert fix-shipped note',
  'insert-confirmation-request': 'Insert confirmation request',
  'insert-closing-note': 'Insert closing note',
  'draft-incident-summary': 'Draft incident summary',
};

/**
 * Messages whose sending is the step's own work (the first touch, the ETA
 * update, the fix-shipped note): the draft is shown as soon as the step is
 * open, instead of behind a button. Messages that help a step along (the
 * confirmation request, the closing note, the incident summary) wait for the
 * agent to ask.
 */
export const SHOWN_WITH_STEP: ReadonlySet<ComposerAction> = new Set([
  'insert-first-touch',
  'insert-eta-update',
  'insert-fix-shipped',
]);
