/**
 * Shared pieces of the options page: a section with its own Save and
 * result line, a draft that follows the stored value until edited, and the
 * problems a save reported, in words, next to their fields.
 */
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { isProblemOf, wordProblems, type WordedProblem } from '../../lib/settings/field-words';
import type { Problem } from '../../lib/settings/problems';
import { SectionStatusContext } from './section-status';

export type SaveResult = { ok: true; message?: string } | { ok: false; problems: Problem[] };

export interface SectionProps {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

interface SectionContextValue {
  id: string;
  /** The last failed save's problems, matched to fields by `Field name`. */
  problems: readonly WordedProblem[];
  setProblems: (problems: readonly WordedProblem[]) => void;
}

const SectionContext = createContext<SectionContextValue>({
  id: '',
  problems: [],
  setProblems: () => undefined,
});

export function Section({ id, title, description, children }: SectionProps) {
  const [problems, setProblems] = useState<readonly WordedProblem[]>([]);
  const status = useContext(SectionStatusContext);
  const hidden = status.current !== undefined && status.current !== id;
  return (
    <SectionContext.Provider value={{ id, problems, setProblems }}>
      <section className="cb-section" id={id} aria-labelledby={`${id}-title`} hidden={hidden}>
        <h2 id={`${id}-title`}>{title}</h2>
        {description && <p className="cb-section__desc">{description}</p>}
        {children}
      </section>
    </SectionContext.Provider>
  );
}

/** For sections with their own Save button: place inside the Section. */
export function ReportDirty({ dirty }: { dirty: boolean }) {
  useReportDirty(dirty);
  return null;
}

/**
 * Tell the page that this section holds unsaved edits (for the navigation's
 * marks and the warning before leaving). SaveBar does it for its sections;
 * sections with their own Save button render ReportDirty.
 */
function useReportDirty(dirty: boolean, failed = false): void {
  const { id } = useContext(SectionContext);
  const status = useContext(SectionStatusContext);
  const key = useId();
  const state = failed && dirty ? 'error' : dirty ? 'dirty' : undefined;
  useEffect(() => {
    status.report(id, key, state);
    return () => status.report(id, key, undefined);
  }, [status, id, key, state]);
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

/** Problems in words ("Jira site: enter a host like …"), never as JSON paths. */
export function ProblemList({ problems, label }: { problems: readonly Problem[]; label?: string }) {
  if (problems.length === 0) return null;
  return <WordedProblemList problems={wordProblems(problems)} label={label} />;
}

function WordedProblemList({
  problems,
  label,
}: {
  problems: readonly WordedProblem[];
  label?: string | undefined;
}) {
  return (
    <div className="cb-problems" role="alert">
      <p>{label ?? 'Nothing was saved:'}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p.text}</li>
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
  const section = useContext(SectionContext);
  useReportDirty(dirty, result !== undefined && !result.ok);
  const worded = result && !result.ok ? wordProblems(result.problems) : [];
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
            const r = await onSave();
            setResult(r);
            section.setProblems(r.ok ? [] : wordProblems(r.problems));
          } finally {
            setBusy(false);
          }
        }}
      >
        {label}
      </button>
      <button
        type="button"
        className="cb-button"
        disabled={!dirty || busy}
        onClick={() => {
          setResult(undefined);
          section.setProblems([]);
          onDiscard();
        }}
      >
        Discard changes
      </button>
      <span id={statusId} role="status" className="cb-savebar__status">
        {result?.ok ? (result.message ?? 'Saved.') : dirty ? 'Unsaved changes' : ''}
      </span>
      {worded.length > 0 && (
        <WordedProblemList
          problems={worded}
          label={`Not saved, nothing in this section changed. ${worded.length === 1 ? 'Fix this' : `Fix these ${worded.length}`}:`}
        />
      )}
    </div>
  );
}

/** The problem of a field that is not one labelled control (a day's hours), in words. */
export function FieldProblem({ name, exact = false }: { name: string; exact?: boolean }) {
  const { problems } = useContext(SectionContext);
  const mine = problems.filter((p) => (exact ? p.field === name : isProblemOf(p, name)));
  if (mine.length === 0) return null;
  return <p className="cb-field__error">{mine.map((p) => p.text).join(' ')}</p>;
}

/**
 * A labelled control. `name` is the field's dotted settings path
 * (`integrations.tracker.site`): a failed save's problem for it shows here,
 * in words, and marks the control invalid.
 */
export function Field({
  label,
  hint,
  name,
  children,
}: {
  label: string;
  hint?: ReactNode;
  name?: string;
  children: (id: string, describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const { problems } = useContext(SectionContext);
  const mine = name === undefined ? [] : problems.filter((p) => isProblemOf(p, name));
  const describedBy =
    [mine.length ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`cb-field${mine.length ? ' cb-field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy, mine.length > 0)}
      {mine.length > 0 && (
        <p className="cb-field__error" id={errorId}>
          {mine.map((p) => p.text).join(' ')}
        </p>
      )}
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
