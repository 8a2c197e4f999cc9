import { Fragment, useRef, useState, type ReactNode } from 'react';
import { suggestionKey, type FieldSuggestion } from '../../lib/workflow/page-suggestions';
import type { FieldValue, StepState } from '../../lib/workflow/schema';
import type { StepView } from '../../lib/workflow/view';
import { Markdown } from '../ui/Markdown';
import { errorMessage } from './fields/common';
import { FieldEditor } from './fields/FieldEditor';
import { PageSuggestion } from './PageSuggestion';
import { SkipDialog } from './SkipDialog';
import { StepHistory } from './StepHistory';
import type { PanelCallbacks } from './types';

export const STATUS_LABEL: Record<StepView['status'], string> = {
  pending: 'To do',
  done: 'Done',
  skipped: 'Skipped',
  'not-applicable': 'Not applicable',
};

export interface StepItemProps extends PanelCallbacks {
  view: StepView;
  state: StepState | undefined;
  current: boolean;
  expanded: boolean;
  onToggle(): void;
  /** A closed run is read-only. */
  closed: boolean;
  /** On the closing step: the required steps still open, each a link to go there. */
  openBeforeClose?: ReadonlyArray<{ stepId: string; number: number; title: string }>;
  onGoToStep?(stepId: string): void;
  /** Keep this step open whatever the follow-on steps become (while skipping from it). */
  onKeepOpen?(): void;
  /** What the page shows for fields it answers, by `suggestionKey` (lib/workflow/page-suggestions). */
  suggestions?: ReadonlyMap<string, FieldSuggestion>;
}

export function StepItem(props: StepItemProps) {
  const { view, state, current, expanded, onToggle, closed } = props;
  const { step, status } = view;
  const bodyId = `cb-${step.id}--body`;
  const blockedId = `cb-${step.id}--blocked`;
  const [skipping, setSkipping] = useState(false);
  const [skippingOpen, setSkippingOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [statusError, setStatusError] = useState<string | undefined>();
  const toggleRef = useRef<HTMLButtonElement>(null);

  const readOnly = closed || status === 'skipped';
  const kept = keptFromPage(props, readOnly);
  // Ready once the page's values are in: every other requirement already holds.
  const canComplete = view.canComplete || (kept.length > 0 && kept.coversEveryBlocker);

  const setStatus = async (next: 'pending' | 'done' | 'skipped', reason?: string) => {
    setBusy(true);
    setStatusError(undefined);
    try {
      // What the page shows and the agent left as shown is recorded first, as their entry.
      if (next === 'done')
        for (const k of kept) await props.onSetField(step.id, k.fieldId, k.value);
      await props.onSetStatus(step.id, next, reason);
      setSkipping(false);
      // The button just used goes away with the new status; keep focus on this step.
      toggleRef.current?.focus();
    } catch (e) {
      setStatusError(errorMessage(e));
      // The skip form shows its own error; rethrow so it stays open.
      if (next === 'skipped') throw e;
    } finally {
      setBusy(false);
    }
  };

  const actions: ReactNode = expanded && !closed ? props.renderActions?.(view) : null;
  const open = props.openBeforeClose ?? [];
  const keptId = `cb-${step.id}--kept`;

  return (
    <li
      className={`cb-step cb-step--${status}${current ? ' cb-step--current' : ''}`}
      data-step-id={step.id}
      data-status={status}
      aria-current={current ? 'step' : undefined}
    >
      <h4 className="cb-step-heading">
        <button
          ref={toggleRef}
          type="button"
          className="cb-step-toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          <span className="cb-step-number">{view.number}.</span>
          <span className="cb-step-title">{step.title}</span>
          {current ? <span className="cb-visually-hidden"> (current step)</span> : null}
          <span className={`cb-badge cb-badge--${status}`}>{STATUS_LABEL[status]}</span>
        </button>
      </h4>
      {expanded ? (
        <div id={bodyId} className="cb-step-body">
          <Markdown source={step.guidance} className="cb-guidance" />
          {status === 'skipped' && state?.skipReason ? (
            <p className="cb-note">
              <strong>Skipped by {state.by.name}:</strong> {state.skipReason}
            </p>
          ) : null}
          {view.fields.map((fv) => {
            const suggested =
              readOnly || !fv.visible
                ? undefined
                : props.suggestions?.get(suggestionKey(step.id, fv.field.id));
            return (
              <Fragment key={fv.field.id}>
                {suggested?.kind === 'value' ? (
                  <PageSuggestion
                    fieldId={fv.field.id}
                    label={fv.field.label}
                    shown={suggested.shown}
                    {...(suggested.because ? { because: suggested.because } : {})}
                    onUse={() => props.onSetField(step.id, fv.field.id, suggested.value)}
                  />
                ) : null}
                <FieldEditor
                  stepId={step.id}
                  view={fv}
                  readOnly={readOnly}
                  {...(suggested?.kind === 'zone' ? { suggestedZone: suggested.zone } : {})}
                  onSetField={props.onSetField}
                  onUploadFiles={props.onUploadFiles}
                />
              </Fragment>
            );
          })}
          {actions ? <div className="cb-actions">{actions}</div> : null}
          {status === 'pending' && open.length > 0 ? (
            <div
              className="cb-blocked cb-open-steps"
              id={view.blockedBy.length ? undefined : blockedId}
            >
              <p>
                <strong>Before closing, finish or skip (with a reason):</strong>
              </p>
              <ul>
                {open.map((o) => (
                  <li key={o.stepId}>
                    <button
                      type="button"
                      className="cb-link-button"
                      data-go-to={o.stepId}
                      onClick={() => props.onGoToStep?.(o.stepId)}
                    >
                      {o.number}. {o.title}
                    </button>
                  </li>
                ))}
              </ul>
              {/* A how-to ticket leaves many steps that do not apply: one reason for all, still a reason each. */}
              {open.length > 1 && !skippingOpen ? (
                <button
                  type="button"
                  className="cb-button"
                  onClick={() => {
                    props.onKeepOpen?.();
                    setSkippingOpen(true);
                  }}
                >
                  Skip these {open.length}…
                </button>
              ) : null}
              {skippingOpen ? (
                <SkipDialog
                  stepId={`${step.id}--open`}
                  stepTitle={`the ${open.length} open steps`}
                  submitLabel={`Skip ${open.length} steps`}
                  onSkip={async (reason) => {
                    for (const o of open) await props.onSetStatus(o.stepId, 'skipped', reason);
                    setSkippingOpen(false);
                  }}
                  onCancel={() => setSkippingOpen(false)}
                />
              ) : null}
            </div>
          ) : null}
          {status === 'pending' && !canComplete && view.blockedBy.length > 0 ? (
            <div className="cb-blocked" id={blockedId}>
              {view.blockedBy.length === 1 ? (
                <p>
                  <strong>{step.title} is blocked:</strong> {view.blockedBy[0]}
                </p>
              ) : (
                <>
                  <p>
                    <strong>{step.title} is blocked:</strong>
                  </p>
                  <ul>
                    {view.blockedBy.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ) : null}
          {statusError && !skipping ? (
            <p className="cb-field-error" role="alert">
              {statusError}
            </p>
          ) : null}
          {!closed && status === 'pending' && canComplete && kept.length > 0 ? (
            <p className="cb-help" id={keptId}>
              Mark done keeps what the page shows:{' '}
              {kept.map((k, i) => (
                <Fragment key={k.fieldId}>
                  {i > 0 ? '; ' : null}
                  {k.label} <strong>{k.shown}</strong>
                </Fragment>
              ))}
              .
            </p>
          ) : null}
          {closed ? null : (
            <div className="cb-row">
              {status === 'pending' ? (
                <>
                  <button
                    type="button"
                    className="cb-button cb-button-primary"
                    disabled={!canComplete || busy}
                    aria-describedby={
                      !canComplete ? blockedId : kept.length > 0 ? keptId : undefined
                    }
                    onClick={() => void setStatus('done').catch(() => undefined)}
                  >
                    Mark done
                  </button>
                  <button
                    type="button"
                    className="cb-button"
                    aria-expanded={skipping}
                    disabled={busy}
                    onClick={() => setSkipping((s) => !s)}
                  >
                    Skip…
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="cb-button"
                  disabled={busy}
                  onClick={() => void setStatus('pending').catch(() => undefined)}
                >
                  Reopen
                </button>
              )}
              <StepHistory step={step} onLoadHistory={props.onLoadHistory} />
            </div>
          )}
          {closed ? <StepHistory step={step} onLoadHistory={props.onLoadHistory} /> : null}
          {skipping && status === 'pending' ? (
            <SkipDialog
              stepId={step.id}
              stepTitle={step.title}
              onSkip={(reason) => setStatus('skipped', reason)}
              onCancel={() => setSkipping(false)}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

interface KeptValue {
  fieldId: string;
  label: string;
  value: FieldValue;
  shown: string;
}

/**
 * The page's values for the step's empty fields ("from the page", not yet
 * used): Mark done records them as shown. `coversEveryBlocker`: they are all
 * the step still lacks (no other field, gate or closing rule blocks it).
 */
function keptFromPage(
  props: StepItemProps,
  readOnly: boolean,
): KeptValue[] & { coversEveryBlocker: boolean } {
  const { view } = props;
  const kept: KeptValue[] = [];
  if (view.status === 'pending' && !readOnly && props.suggestions) {
    for (const fv of view.fields) {
      const empty = fv.state === undefined || fv.state.value === null || fv.state.value === '';
      const s =
        fv.visible && empty
          ? props.suggestions.get(suggestionKey(view.step.id, fv.field.id))
          : undefined;
      if (s?.kind === 'value')
        kept.push({ fieldId: fv.field.id, label: fv.field.label, value: s.value, shown: s.shown });
    }
  }
  const keptIds = new Set(kept.map((k) => k.fieldId));
  // One blocker per visible field with an error, then gates, applicability, closing rules.
  const fieldErrors = view.fields.filter((fv) => fv.visible && fv.error);
  const coversEveryBlocker =
    fieldErrors.every((fv) => keptIds.has(fv.field.id)) &&
    view.blockedBy.length === fieldErrors.length;
  return Object.assign(kept, { coversEveryBlocker });
}
