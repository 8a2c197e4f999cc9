/**
 * One step in the template editor: id, title, required, guidance, when it
 * applies, its gates and its fields (added, reordered, removed here).
 */
import type { ConditionCatalog } from '../../lib/workflow/condition-form/catalog';
import { conditionScope } from '../../lib/workflow/condition-form/sites';
import type { Condition } from '../../lib/workflow/schema';
import { ConditionEditor } from './ConditionEditor';
import { GatesEditor } from './GatesEditor';
import { Labelled, LabelledCheckbox, LabelledText } from './Labelled';
import { MoveButtons } from './MoveButtons';
import { StepWordsHint, stepWordsHintId } from './StepWordsHint';
import { TemplateFieldEditor } from './TemplateFieldEditor';
import {
  move,
  newField,
  removeAt,
  replaceAt,
  type DraftField,
  type DraftStep,
} from './template-edit';

export function StepEditor({
  step,
  number,
  catalog,
  onChange,
}: {
  step: DraftStep;
  /** 1-based position in the whole workflow. */
  number: number;
  catalog: ConditionCatalog;
  onChange: (s: DraftStep) => void;
}) {
  const fields = step.fields ?? [];
  const setFields = (next: DraftField[]) => onChange({ ...step, fields: next });
  return (
    <div className="cb-step-editor">
      <div className="cb-grid">
        <LabelledText
          label="Step id"
          value={step.id}
          onChange={(id) => onChange({ ...step, id })}
        />
        <LabelledText
          label="Title"
          wide
          value={step.title}
          describedBy={stepWordsHintId(number)}
          onChange={(title) => onChange({ ...step, title })}
        />
        <LabelledCheckbox
          label="Required"
          checked={step.required ?? true}
          onChange={(required) => onChange({ ...step, required })}
        />
      </div>
      <Labelled label="Guidance (Markdown)">
        <textarea
          rows={4}
          value={step.guidance}
          aria-describedby={stepWordsHintId(number)}
          onChange={(e) => onChange({ ...step, guidance: e.target.value })}
        />
      </Labelled>
      <StepWordsHint stepNumber={number} />
      <ConditionEditor
        legend={`When step ${number} applies`}
        lead="Applies when"
        always="Always applies"
        value={step.when as Condition | undefined}
        catalog={catalog}
        scope={conditionScope(catalog, { kind: 'step', step: number - 1 })}
        onChange={(when) => {
          const { when: _drop, ...rest } = step;
          onChange(when === undefined ? rest : { ...step, when });
        }}
      />
      <GatesEditor
        gates={step.gates ?? []}
        stepNumber={number}
        catalog={catalog}
        onChange={(gates) => onChange({ ...step, gates })}
      />
      <h5>Fields</h5>
      {fields.map((field, fi) => (
        <div key={fi} className="cb-nested">
          <div className="cb-nested__head">
            <span>
              {field.label || field.id} <span className="cb-hint">({field.type})</span>
            </span>
            <MoveButtons
              index={fi}
              count={fields.length}
              what={`field ${field.label || field.id}`}
              onMove={(to) => setFields(move(fields, fi, to))}
              onRemove={() => setFields(removeAt(fields, fi))}
            />
          </div>
          <TemplateFieldEditor
            field={field}
            catalog={catalog}
            stepIndex={number - 1}
            fieldIndex={fi}
            onChange={(f) => setFields(replaceAt(fields, fi, f))}
          />
        </div>
      ))}
      <button
        type="button"
        className="cb-button"
        onClick={() => setFields([...fields, newField(step)])}
      >
        Add a field
      </button>
    </div>
  );
}
