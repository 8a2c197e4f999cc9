/**
 * Shared pieces of the options page: a section with its own Save and
 * result line, a draft that follows the stored value until edited, and the
 * list of problems a save or import reported.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Problem } from '../../lib/settings/problems';

export type SaveResult = { ok: true; message?: string } | { ok: false; problems: Problem[] };

export interface SectionProps {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

export function Section({ id, title, description, children }: SectionProps) {
  return (
    <section className="cb-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {description && <p className="cb-section__desc">{description}</p>}
      {children}
    </section>
  );
}

/** A copy of `value` to edit; it follows `value` while not edited. */
export function useDraft<T>(value: T): {
  draft: T;
  setDraft: (next: T | ((prev: T) => T)) => void;
  dirty: boolean;
  reset: () => void;
  markSaved: () => void;
} {
  const [draft, setDraftState] = useState(value);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setDraftState(value);
  }, [value, dirty]);
  return {
    draft,
    setDraft: (next) => {
      setDirty(true);
      setDraftState(next);
    },
    dirty,
    reset: () => {
      setDirty(false);
      setDraftState(value);
    },
    // The stored value now equals the draft; follow it again.
    markSaved: () => setDirty(false),
  };
}

export function ProblemList({ problems, label }: { problems: readonly Problem[]; label?: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="cb-problems" role="alert">
      <p>{label ?? 'Nothing was saved:'}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Save / Discard for a section, with what the save did. */
export function SaveBar({
  dirty,
  onSave,
  onDiscard,
  label = 'Save',
}: {
  dirty: boolean;
  onSave: () => Promise<SaveResult>;
  onDiscard: () => void;
  label?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SaveResult | undefined>();
  const statusId = useId();
  return (
    <div className="cb-savebar">
      <button
        type="button"
        className="cb-button cb-button--primary"
        disabled={!dirty || busy}
        aria-describedby={statusId}
        onClick={async () => {
          setBusy(true);
          try {
            setResult(await onSave());
          } finally {
            setBusy(false);
          }
        }}
      >
        {label}
      </button>
      <button type="button" className="cb-button" disabled={!dirty || busy} onClick={onDiscard}>
        Discard changes
      </button>
      <span id={statusId} role="status" className="cb-savebar__status">
        {result?.ok ? (result.message ?? 'Saved.') : ''}
      </span>
      {result && !result.ok && <ProblemList problems={result.problems} />}
    </div>
  );
}

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ReactNode;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="cb-field">
      <label htmlFor={id}>{label}</label>
      {children(id, hint ? hintId : undefined)}
      {hint && (
        <p className="cb-field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** One item per line, blank lines dropped. */
export function linesToList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
