/**
 * The panel's step words: the view and the errors the agent reads name the
 * helpdesk of this ticket and the tracker the settings select
 * (lib/workflow/step-words.ts). The background's view stays as derived.
 */
import { useCallback, useMemo } from 'react';
import type { FieldValue, Helpdesk } from '../../lib/workflow/schema';
import {
  fillStepWords,
  stepWordValues,
  wordRunView,
  type StepWordValues,
  type TrackerKind,
} from '../../lib/workflow/step-words';
import type { RunView } from '../../lib/workflow/view';
import type { PanelCallbacks } from './types';

/** Rethrows a failure with its message worded (engine errors quote step titles and field labels). */
function worded<A extends unknown[]>(
  run: (...args: A) => Promise<void>,
  values: StepWordValues,
): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await run(...args);
    } catch (e) {
      if (e instanceof Error && e.message.includes('{{')) {
        const again = new Error(fillStepWords(e.message, values), { cause: e });
        again.name = e.name;
        throw again;
      }
      throw e;
    }
  };
}

export function useStepWords(
  helpdesk: Helpdesk,
  tracker: TrackerKind | undefined,
  view: RunView | undefined,
  callbacks: Pick<PanelCallbacks, 'onSetField' | 'onSetStatus'>,
) {
  const trackerKind = tracker ?? 'none';
  const values = useMemo(() => stepWordValues(helpdesk, trackerKind), [helpdesk, trackerKind]);
  // The same view object keeps the same worded view, so the step list skips the clock's ticks.
  const wordedView = useMemo(() => view && wordRunView(view, values), [view, values]);
  const { onSetField: setField, onSetStatus: setStatus } = callbacks;
  const onSetField = useCallback(
    (stepId: string, fieldId: string, value: FieldValue) =>
      worded(setField, values)(stepId, fieldId, value),
    [setField, values],
  );
  const onSetStatus = useCallback(
    (stepId: string, status: 'pending' | 'done' | 'skipped', skipReason?: string) =>
      worded(setStatus, values)(stepId, status, skipReason),
    [setStatus, values],
  );
  return { view: wordedView, onSetField, onSetStatus };
}
