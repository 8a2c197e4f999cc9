import { STEP_WORDS } from '../../lib/workflow/step-words';

/** The id step text inputs point `aria-describedby` at. */
export function stepWordsHintId(stepNumber: number): string {
  return `cb-step-words-${stepNumber}`;
}

/**
 * Which variables step text may use: the panel fills them for the ticket at
 * hand. Message bodies have their own placeholders and are not filled here.
 */
export function StepWordsHint({ stepNumber }: { stepNumber: number }) {
  return (
    <p className="cb-hint cb-step-words" id={stepWordsHintId(stepNumber)}>
      In titles, guidance, field labels and help:{' '}
      {STEP_WORDS.map((w, i) => (
        <span key={w.name}>
          {i > 0 ? '; ' : null}
          <code>{`{{${w.name}}}`}</code> {w.means}
        </span>
      ))}
      . Anything else in double braces shows as typed.
    </p>
  );
}
