/** One section in the template editor: its id and title, its steps (reordered, added, removed). */
import type { ConditionCatalog } from '../../lib/workflow/condition-form/catalog';
import { LabelledText } from './Labelled';
import { MoveButtons } from './MoveButtons';
import { replaceStep } from './rename-edit';
import { StepEditor } from './StepEditor';
import {
  move,
  newStep,
  removeAt,
  replaceAt,
  type Draft,
  type DraftSection,
  type DraftStep,
} from './template-edit';

export function SectionEditor({
  draft,
  index,
  firstStepNumber,
  catalog,
  onChange,
}: {
  draft: Draft;
  /** Which of the draft's sections this is. */
  index: number;
  /** 1-based workflow number of the section's first step. */
  firstStepNumber: number;
  catalog: ConditionCatalog;
  /** The whole draft with this section changed (a step rename also rewrites what names it). */
  onChange: (draft: Draft) => void;
}) {
  const section = draft.sections[index] as DraftSection;
  const setSections = (sections: DraftSection[]) => onChange({ ...draft, sections });
  const setSection = (next: DraftSection) => setSections(replaceAt(draft.sections, index, next));
  const setSteps = (steps: DraftStep[]) => setSection({ ...section, steps });
  return (
    <fieldset className="cb-group cb-section-editor">
      <legend>
        Section {index + 1}: {section.title}
      </legend>
      <div className="cb-nested__head">
        <div className="cb-grid">
          <LabelledText
            label="Section id"
            value={section.id}
            onChange={(id) => setSection({ ...section, id })}
          />
          <LabelledText
            label="Section title"
            wide
            value={section.title}
            onChange={(title) => setSection({ ...section, title })}
          />
        </div>
        <MoveButtons
          index={index}
          count={draft.sections.length}
          what={`section ${section.title}`}
          onMove={(to) => setSections(move(draft.sections, index, to))}
          onRemove={() => setSections(removeAt(draft.sections, index))}
        />
      </div>
      {section.steps.map((step, sti) => {
        const number = firstStepNumber + sti;
        return (
          <details key={sti} className="cb-nested" data-step-id={step.id}>
            <summary>
              {number}. {step.title}
            </summary>
            <MoveButtons
              index={sti}
              count={section.steps.length}
              what={`step ${step.title}`}
              onMove={(to) => setSteps(move(section.steps, sti, to))}
              onRemove={() => setSteps(removeAt(section.steps, sti))}
            />
            <StepEditor
              step={step}
              number={number}
              catalog={catalog}
              onChange={(s) => onChange(replaceStep(draft, index, sti, s))}
            />
          </details>
        );
      })}
      <button
        type="button"
        className="cb-button"
        onClick={() => setSteps([...section.steps, newStep(draft)])}
      >
        Add a step to “{section.title}”
      </button>
    </fieldset>
  );
}
