import { memo, useRef, useState } from 'react';
import { followOnStepIds } from '../../lib/workflow/follow-on';
import type { FieldSuggestion } from '../../lib/workflow/page-suggestions';
import type { Run } from '../../lib/workflow/schema';
import type { RunView, SectionView } from '../../lib/workflow/view';
import { StepItem } from './StepItem';
import type { PanelCallbacks } from './types';

interface SectionListProps extends PanelCallbacks {
  view: RunView;
  run: Run | undefined;
  /** What the page offers for fields, by `suggestionKey`. */
  suggestions?: ReadonlyMap<string, FieldSuggestion>;
}

/**
 * Sections and their steps. Expansion is local UI state: the current step and
 * the steps after the one the agent finished last (up to the next required
 * one, lib/workflow/follow-on.ts) are open unless the agent closed them; any
 * step the agent opened stays open. It does not depend on
 * `now`, so the per-second tick does not re-render it.
 */
export const SectionList = memo(function SectionList(props: SectionListProps) {
  const { view } = props;
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const followOn = followOnStepIds(view, props.run);
  const isExpanded = (stepId: string) =>
    toggled[stepId] ?? (stepId === view.currentStepId || followOn.includes(stepId));
  const toggle = (stepId: string) => setToggled((t) => ({ ...t, [stepId]: !isExpanded(stepId) }));
  const container = useRef<HTMLDivElement>(null);
  // A link from the closing step: open that step and bring it (and the keyboard) there.
  const goTo = (stepId: string) => {
    setToggled((t) => ({ ...t, [stepId]: true }));
    requestAnimationFrame(() => {
      const target = container.current?.querySelector<HTMLElement>(
        `li[data-step-id="${stepId}"] .cb-step-toggle`,
      );
      target?.scrollIntoView({ block: 'start' });
      target?.focus();
    });
  };
  // The closing step stays open while the agent skips the open steps from it
  // (each skip moves the follow-on steps, which would close it under them).
  const keepOpen = (stepId: string) => setToggled((t) => ({ ...t, [stepId]: true }));
  const lastSection = view.sections[view.sections.length - 1];
  const closingId = lastSection?.steps[lastSection.steps.length - 1]?.step.id;

  return (
    <div className="cb-sections" ref={container}>
      {view.sections.map((section) => (
        <Section
          key={section.id}
          section={section}
          {...props}
          isExpanded={isExpanded}
          toggle={toggle}
          goTo={goTo}
          keepOpen={keepOpen}
          closingId={closingId}
        />
      ))}
    </div>
  );
});

function Section(
  props: SectionListProps & {
    section: SectionView;
    isExpanded(stepId: string): boolean;
    toggle(stepId: string): void;
    goTo(stepId: string): void;
    keepOpen(stepId: string): void;
    closingId: string | undefined;
  },
) {
  const { section, view, run, isExpanded, toggle } = props;
  const [showNa, setShowNa] = useState(false);
  const applicable = section.steps.filter((s) => s.applicable);
  const notApplicable = section.steps.filter((s) => !s.applicable);
  const headingId = `cb-section-${section.id}`;
  const naId = `cb-section-${section.id}--na`;
  return (
    <section className="cb-section" aria-labelledby={headingId} data-section-id={section.id}>
      <h3 className="cb-section-title" id={headingId}>
        <span>{section.title}</span>
        <span className="cb-section-count">
          {section.done} of {section.applicable}
        </span>
      </h3>
      {applicable.length > 0 ? (
        <ol className="cb-steps">
          {applicable.map((step) => (
            <StepItem
              key={step.step.id}
              view={step}
              state={run?.steps[step.step.id]}
              current={step.step.id === view.currentStepId}
              expanded={isExpanded(step.step.id)}
              onToggle={() => toggle(step.step.id)}
              closed={view.closed}
              {...(props.suggestions ? { suggestions: props.suggestions } : {})}
              onSetField={props.onSetField}
              onSetStatus={props.onSetStatus}
              onUploadFiles={props.onUploadFiles}
              onLoadHistory={props.onLoadHistory}
              renderActions={props.renderActions}
              {...(step.step.id === props.closingId && view.openBeforeClose
                ? {
                    openBeforeClose: view.openBeforeClose,
                    onGoToStep: props.goTo,
                    onKeepOpen: () => props.keepOpen(step.step.id),
                  }
                : {})}
            />
          ))}
        </ol>
      ) : null}
      {notApplicable.length > 0 ? (
        <div className="cb-na">
          <button
            type="button"
            className="cb-button cb-button-quiet cb-na-toggle"
            aria-expanded={showNa}
            aria-controls={naId}
            onClick={() => setShowNa((v) => !v)}
          >
            Not applicable ({notApplicable.length})
          </button>
          {showNa ? (
            <ul id={naId} className="cb-na-list">
              {notApplicable.map((step) => (
                <li
                  key={step.step.id}
                  className="cb-step--not-applicable"
                  data-step-id={step.step.id}
                >
                  <span className="cb-step-number">{step.number}.</span> {step.step.title}
                  <span className="cb-visually-hidden"> (not applicable)</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
