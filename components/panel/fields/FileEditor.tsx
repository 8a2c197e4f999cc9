/**
 * Files go to the container (which sanitizes HARs and stores the bytes); the
 * field's value is the list of stored file references, removable one by one.
 */
import { useRef, useState } from 'react';
import type { Field, FileRef } from '../../../lib/workflow/schema';
import {
  describedBy,
  errorMessage,
  FieldShell,
  fieldDomId,
  useFieldSave,
  visibleError,
  type FieldEditorProps,
} from './common';

type FileField = Extract<Field, { type: 'file' }>;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function isFileRef(v: unknown): v is FileRef {
  return !!v && typeof v === 'object' && 'attachmentId' in v && 'name' in v;
}

export function FileEditor(props: FieldEditorProps & { field: FileField }) {
  const { stepId, view, field, readOnly, onUploadFiles } = props;
  const value = view.state?.value;
  const files = Array.isArray(value) ? value.filter(isFileRef) : [];
  const { save, saveError } = useFieldSave(props);
  const [localError, setLocalError] = useState<string | undefined>();
  const [uploading, setUploading] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const upload = async (picked: File[]) => {
    if (picked.length === 0) return;
    if (files.length + picked.length > field.maxFiles) {
      setLocalError(`At most ${field.maxFiles} files (${files.length} already attached).`);
      return;
    }
    setLocalError(undefined);
    setUploading(true);
    try {
      await onUploadFiles(stepId, field.id, picked);
    } catch (e) {
      setLocalError(errorMessage(e));
    } finally {
      setUploading(false);
      // Let the same file be picked again after a failure.
      if (input.current) input.current.value = '';
    }
  };

  const error = visibleError(view, localError, saveError);
  return (
    <FieldShell stepId={stepId} view={view} localError={localError} saveError={saveError}>
      <input
        ref={input}
        className="cb-input cb-input-file"
        type="file"
        id={fieldDomId(stepId, field.id)}
        multiple={field.maxFiles > 1}
        accept={field.accept?.join(',')}
        disabled={readOnly || uploading}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(stepId, field, error)}
        onChange={(e) => void upload(Array.from(e.currentTarget.files ?? []))}
      />
      {uploading ? (
        <p className="cb-help" role="status">
          Uploading…
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="cb-files" aria-label={`${field.label}: attached files`}>
          {files.map((f) => (
            <li key={f.attachmentId}>
              <span className="cb-file-name">{f.name}</span>{' '}
              <span className="cb-muted">
                {formatBytes(f.size)}
                {f.sanitized
                  ? `, sanitized (${f.sanitized.redactions} redaction${f.sanitized.redactions === 1 ? '' : 's'})`
                  : ''}
              </span>
              {readOnly ? null : (
                <button
                  type="button"
                  className="cb-link-button"
                  onClick={() =>
                    void save(files.filter((other) => other.attachmentId !== f.attachmentId))
                  }
                >
                  Remove <span className="cb-visually-hidden">{f.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </FieldShell>
  );
}
