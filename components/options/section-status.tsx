/**
 * Which options section is shown, and which sections hold unsaved or
 * refused edits: the navigation marks them, and leaving the page with any
 * of them asks first (beforeunload).
 */
import { createContext, useCallback, useEffect, useMemo, useRef, useState } from 'react';

export type SectionState = 'dirty' | 'error';

export interface SectionStatus {
  /** The section on screen; undefined shows every section (tests of one section alone). */
  current: string | undefined;
  /** One editor (`key`) of section `id` has unsaved (or refused) edits, or none (undefined). */
  report: (id: string, key: string, state: SectionState | undefined) => void;
}

export const SectionStatusContext = createContext<SectionStatus>({
  current: undefined,
  report: () => undefined,
});

/** Section id → its worst state (a refused save outranks plain unsaved edits). */
export type SectionStates = Readonly<Record<string, SectionState>>;

export function useSectionStates(current: string | undefined): {
  status: SectionStatus;
  states: SectionStates;
} {
  const editors = useRef(new Map<string, Map<string, SectionState>>());
  const [states, setStates] = useState<SectionStates>({});
  const report = useCallback((id: string, key: string, state: SectionState | undefined) => {
    const ofSection = editors.current.get(id) ?? new Map<string, SectionState>();
    if (state) ofSection.set(key, state);
    else ofSection.delete(key);
    editors.current.set(id, ofSection);
    const values = [...ofSection.values()];
    const worst = values.includes('error') ? 'error' : values.length ? 'dirty' : undefined;
    setStates((prev) => {
      if (prev[id] === worst) return prev;
      const next = { ...prev };
      if (worst) next[id] = worst;
      else delete next[id];
      return next;
    });
  }, []);
  const status = useMemo(() => ({ current, report }), [current, report]);
  return { status, states };
}

/** The browser's own "Leave site? Changes you made may not be saved." while edits are unsaved. */
export function useWarnBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium needs returnValue set to show the dialog.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
