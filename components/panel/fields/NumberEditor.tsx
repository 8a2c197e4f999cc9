import { useState } from 'react';
import type { Field } from '../../../lib/workflow/schema';
import { useDebouncedCallback } from '../../ui/useDebouncedCallback';
import { TEXT_SAVE_DELAY_MS } from './TextEditors';
import {
  describedBy,
  FieldShell,
  fieldDomId,
  useDraft,
  useFieldSave,
  visibleError,
  type FieldEditorProps,
} from './common';

type NumberField = Extract<Field, { type: 'number' }>;

/** Parses the input's text; returns the number to save, null for empty, or a message. */
export function parseNumberInput(
  field: NumberField,
  text: string,
): { value: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { error: 'Enter a number.' };
  if (field.integer && !Number.isInteger(n)) return { error: 'Enter a whole number.' };
  const { min, max } = field;
  if (min !== undefined && max !== undefined && (n < min || n > max)) {
    return { error: `Enter a number from ${min} to ${max}.` };
  }
  if (min !== undefined && n < min) return { error: `Enter ${min} or more.` };
  if (max !== undefined && n > max) return { error: `Enter ${max} or less.` };
  return { value: n };
}

/** Saved like text (debounced, flushed on blur); out-of-range input is explained and not sent. */
export function NumberEditor(props: FieldEditorProps & { field: NumberField }) {
  const { stepId, view, field, readOnly } = props;
  const stored = typeof view.state?.value === 'number' ? String(view.state.value) : '';
  const [localError, setLocalError] = useState<string | undefined>();
  const { save, saveError } = useFieldSave(props);
  const { draft, setDraft, focused, send } = useDraft(stored, save);

  const commit = (text: string) => {
    const parsed = parseNumberInput(field, text);
    if ('error' in parsed) {
      setLocalError(parsed.error);
      return;
    }
    setLocalError(undefined);
    send(parsed.value === null ? '' : String(parsed.value), parsed.value);
  };

  const debounced = useDebouncedCallback(commit, TEXT_SAVE_DELAY_MS);

  const error = visibleError(view, localError, saveError);
  return (
    <FieldShell stepId={stepId} view={view} localError={localError} saveError={saveError}>
      <input
        className="cb-input cb-input-number"
        type="number"
        id={fieldDomId(stepId, field.id)}
        inputMode={field.integer ? 'numeric' : 'decimal'}
        min={field.min}
        max={field.max}
        step={field.integer ? 1 : 'any'}
        value={draft}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(stepId, field, error)}
        aria-required={field.required || undefined}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={(e) => {
          focused.current = false;
          debounced.cancel();
          commit(e.currentTarget.value);
        }}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const parsed = parseNumberInput(field, text);
          setLocalError('error' in parsed ? parsed.error : undefined);
          debounced.call(text);
        }}
      />
    </FieldShell>
  );
}
