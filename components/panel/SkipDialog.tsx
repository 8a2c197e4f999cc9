import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { errorMessage } from './fields/common';

/**
 * Inline "why are you skipping this?" form. A skip without a reason is not
 * sent: the record must say why a step of the workflow was not followed.
 */
export function SkipDialog({
  stepId,
  stepTitle,
  onSkip,
  onCancel,
  submitLabel = 'Skip step',
}: {
  submitLabel?: string;
  stepId: string;
  stepTitle: string;
  onSkip(reason: string): Promise<void>;
  onCancel(): void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = `cb-${stepId}--skip-reason`;
  const errorId = `${id}-error`;
  const headingId = `${id}-heading`;

  useEffect(() => {
    textarea.current?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError('Give a reason for skipping this step.');
      textarea.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSkip(trimmed);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Handled here: Escape closes this form, not the whole panel.
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      className="cb-skip"
      role="group"
      aria-labelledby={headingId}
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
      noValidate
    >
      <p className="cb-skip-title" id={headingId}>
        Skip “{stepTitle}”
      </p>
      <label className="cb-label" htmlFor={id}>
        Reason for skipping <span className="cb-required">(required)</span>
      </label>
      <textarea
        ref={textarea}
        id={id}
        className="cb-input"
        rows={2}
        value={reason}
        maxLength={2000}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          if (error && e.currentTarget.value.trim()) setError(undefined);
        }}
      />
      {error ? (
        <p className="cb-field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      <div className="cb-row">
        <button type="submit" className="cb-button cb-button-primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="cb-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
