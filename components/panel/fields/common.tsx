/**
 * What every field editor shares: ids that bind labels to inputs, the message
 * line (local pre-validation first, then a failed save, then the engine's own
 * validation from the view) and a save wrapper that turns a rejected save into
 * an inline message instead of an unhandled rejection.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Field, FieldValue } from '../../../lib/workflow/schema';
import type { FieldView } from '../../../lib/workflow/view';
import type { PanelCallbacks } from '../types';

export interface FieldEditorProps {
  stepId: string;
  view: FieldView;
  /** Done/skipped/not-applicable steps are read-only until reopened. */
  readOnly: boolean;
  onSetField: PanelCallbacks['onSetField'];
  onUploadFiles: PanelCallbacks['onUploadFiles'];
  /** The customer's zone the page shows, offered on customer-time fields. */
  suggestedZone?: string;
}

export function fieldDomId(stepId: string, fieldId: string, suffix = 'input'): string {
  return `cb-${stepId}--${fieldId}--${suffix}`;
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === 'string' && e) return e;
  return 'Could not save.';
}

/** Saves and remembers the last failure; a later successful save clears it. */
export function useFieldSave(props: FieldEditorProps) {
  const { stepId, view, onSetField } = props;
  const fieldId = view.field.id;
  const [saveError, setSaveError] = useState<string | undefined>();
  const seq = useRef(0);
  /** Resolves false when the save failed (the message is already shown). */
  const save = useCallback(
    async (value: FieldValue): Promise<boolean> => {
      const mine = ++seq.current;
      try {
        await onSetField(stepId, fieldId, value);
        if (mine === seq.current) setSaveError(undefined);
        return true;
      } catch (e) {
        if (mine === seq.current) setSaveError(errorMessage(e));
        return false;
      }
    },
    [onSetField, stepId, fieldId],
  );
  return { save, saveError, setSaveError };
}

/**
 * The typed draft of a text-like editor (text, paragraph, URL, number): it
 * follows the stored value unless the agent is typing here, and `send` saves
 * a value only when its text differs from the last one sent.
 */
export function useDraft(stored: string, save: (value: FieldValue) => Promise<boolean>) {
  const [draft, setDraft] = useState(stored);
  const focused = useRef(false);
  const lastSent = useRef(stored);

  // Another tab or the background changed the value: show it unless the agent is typing here.
  useEffect(() => {
    if (!focused.current) {
      setDraft(stored);
      lastSent.current = stored;
    }
  }, [stored]);

  /** `text` is the value as the input shows it, the key that deduplicates sends. */
  const send = (text: string, value: FieldValue) => {
    if (text === lastSent.current) return;
    const previous = lastSent.current;
    lastSent.current = text;
    void save(value).then((ok) => {
      // A failed save may be retried with the same text.
      if (!ok && lastSent.current === text) lastSent.current = previous;
    });
  };

  return { draft, setDraft, focused, send };
}

export interface ShellProps {
  stepId: string;
  view: FieldView;
  /** Group editors (radio, checkbox lists) use fieldset/legend instead of a label. */
  group?: boolean;
  localError?: string;
  saveError?: string;
  children: ReactNode;
  /** Extra line under the input (e.g. the UTC equivalent). */
  note?: ReactNode;
}

/** The message shown under a field; the engine's "required" is shown only once a value was touched. */
export function visibleError(
  view: FieldView,
  localError?: string,
  saveError?: string,
): string | undefined {
  return localError ?? saveError ?? (view.state !== undefined ? view.error : undefined);
}

export function describedBy(
  stepId: string,
  field: Field,
  error: string | undefined,
): string | undefined {
  const ids = [
    field.help ? fieldDomId(stepId, field.id, 'help') : undefined,
    error ? fieldDomId(stepId, field.id, 'error') : undefined,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldShell({
  stepId,
  view,
  group,
  localError,
  saveError,
  children,
  note,
}: ShellProps) {
  const { field } = view;
  const error = visibleError(view, localError, saveError);
  const label = (
    <>
      {field.label}
      {field.required ? <span className="cb-required"> (required)</span> : null}
    </>
  );
  const body = (
    <>
      {field.help ? (
        <p className="cb-help" id={fieldDomId(stepId, field.id, 'help')}>
          {field.help}
        </p>
      ) : null}
      {children}
      {note}
      {error ? (
        <p className="cb-field-error" id={fieldDomId(stepId, field.id, 'error')} role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
  if (group) {
    return (
      <fieldset className="cb-field" data-field-id={field.id} data-field-type={field.type}>
        <legend className="cb-label">{label}</legend>
        {body}
      </fieldset>
    );
  }
  return (
    <div className="cb-field" data-field-id={field.id} data-field-type={field.type}>
      <label className="cb-label" htmlFor={fieldDomId(stepId, field.id)}>
        {label}
      </label>
      {body}
    </div>
  );
}
