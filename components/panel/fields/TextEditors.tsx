/**
 * Text, paragraph and URL fields: typed into a local draft, saved debounced
 * while typing and at once on blur. A value that fails local checks is not
 * sent (the engine would reject it) and the message says why; an emptied
 * field is saved as null.
 */
import { useState } from 'react';
import type { Field } from '../../../lib/workflow/schema';
import { useDebouncedCallback } from '../../ui/useDebouncedCallback';
import {
  describedBy,
  FieldShell,
  fieldDomId,
  useDraft,
  useFieldSave,
  visibleError,
  type FieldEditorProps,
} from './common';

type TextField = Extract<Field, { type: 'text' }>;
type ParagraphField = Extract<Field, { type: 'paragraph' }>;
type UrlField = Extract<Field, { type: 'url' }>;

export const TEXT_SAVE_DELAY_MS = 600;

function compile(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

export function validateText(field: TextField, value: string): string | undefined {
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return `At most ${field.maxLength} characters (now ${value.length}).`;
  }
  if (field.pattern && value) {
    const re = compile(field.pattern);
    if (re && !re.test(value)) return field.patternMessage ?? 'This does not look right.';
  }
  return undefined;
}

export function validateParagraph(field: ParagraphField, value: string): string | undefined {
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return `At most ${field.maxLength} characters (now ${value.length}).`;
  }
  if (field.minLength !== undefined && value && value.trim().length < field.minLength) {
    return `At least ${field.minLength} characters.`;
  }
  return undefined;
}

export function validateUrl(field: UrlField, value: string): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full address starting with https://';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'Only http and https addresses.';
  }
  if (field.allow && field.allow.length > 0) {
    const ok = field.allow.some((source) => compile(source)?.test(value));
    if (!ok) return field.allowMessage ?? 'This address is not one of the allowed kinds.';
  }
  return undefined;
}

interface DraftProps extends FieldEditorProps {
  multiline: boolean;
  inputType: 'text' | 'url';
  placeholder?: string;
  validate(value: string): string | undefined;
  /** Applied before validating and saving (URLs lose surrounding spaces). */
  normalize?(value: string): string;
}

function DraftTextEditor(props: DraftProps) {
  const { stepId, view, readOnly, multiline, inputType, placeholder, validate, normalize } = props;
  const { field } = view;
  const stored = typeof view.state?.value === 'string' ? view.state.value : '';
  const [localError, setLocalError] = useState<string | undefined>();
  const { save, saveError } = useFieldSave(props);
  const { draft, setDraft, focused, send } = useDraft(stored, save);

  const commit = (raw: string) => {
    const value = normalize ? normalize(raw) : raw;
    const problem = validate(value);
    setLocalError(problem);
    if (problem) return;
    send(value, value === '' ? null : value);
  };
  const debounced = useDebouncedCallback(commit, TEXT_SAVE_DELAY_MS);

  const error = visibleError(view, localError, saveError);
  const common = {
    id: fieldDomId(stepId, field.id),
    value: draft,
    readOnly,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(stepId, field, error),
    'aria-required': field.required || undefined,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: (e: { currentTarget: { value: string } }) => {
      focused.current = false;
      // Commit what is shown (deduplicated), which also retries a failed save.
      debounced.cancel();
      commit(e.currentTarget.value);
    },
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setDraft(value);
      // Show length/pattern problems while typing, but only send on pause or blur.
      setLocalError(validate(value));
      debounced.call(value);
    },
  };
  return (
    <FieldShell stepId={stepId} view={view} localError={localError} saveError={saveError}>
      {multiline ? (
        <textarea className="cb-input" rows={4} {...common} />
      ) : (
        <input className="cb-input" type={inputType} {...common} />
      )}
    </FieldShell>
  );
}

export function TextEditor(props: FieldEditorProps & { field: TextField }) {
  const { field } = props;
  return (
    <DraftTextEditor
      {...props}
      multiline={false}
      inputType="text"
      placeholder={field.placeholder}
      validate={(v) => validateText(field, v)}
    />
  );
}

export function ParagraphEditor(props: FieldEditorProps & { field: ParagraphField }) {
  const { field } = props;
  return (
    <DraftTextEditor
      {...props}
      multiline
      inputType="text"
      placeholder={field.placeholder}
      validate={(v) => validateParagraph(field, v)}
    />
  );
}

export function UrlEditor(props: FieldEditorProps & { field: UrlField }) {
  const { field } = props;
  return (
    <DraftTextEditor
      {...props}
      multiline={false}
      inputType="url"
      placeholder="https://"
      normalize={(v) => v.trim()}
      validate={(v) => validateUrl(field, v.trim())}
    />
  );
}
