import type { Field } from '../../../lib/workflow/schema';
import { FieldShell, fieldDomId, useFieldSave, type FieldEditorProps } from './common';

type SingleChoice = Extract<Field, { type: 'single-choice' }>;
type MultiChoice = Extract<Field, { type: 'multi-choice' }>;

/** An option's label and its description (the input's aria-describedby target). */
function OptionText(props: {
  id: string;
  descId: string | undefined;
  option: { label: string; description?: string };
}) {
  const { id, descId, option } = props;
  return (
    <div className="cb-option-text">
      <label htmlFor={id} className="cb-option-label">
        {option.label}
      </label>
      {option.description ? (
        <span className="cb-option-desc" id={descId}>
          {option.description}
        </span>
      ) : null}
    </div>
  );
}

/** Radio group with each option's description visible (the SEV definitions must be read, not hovered). */
export function SingleChoiceEditor(props: FieldEditorProps & { field: SingleChoice }) {
  const { stepId, view, field, readOnly } = props;
  const { save, saveError } = useFieldSave(props);
  const current = typeof view.state?.value === 'string' ? view.state.value : undefined;
  const name = fieldDomId(stepId, field.id, 'radio');
  return (
    <FieldShell stepId={stepId} view={view} group saveError={saveError}>
      <div className="cb-options">
        {field.options.map((option) => {
          const id = fieldDomId(stepId, field.id, `opt-${option.value}`);
          const descId = option.description ? `${id}-desc` : undefined;
          return (
            <div className="cb-option" key={option.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={current === option.value}
                data-checked={current === option.value}
                disabled={readOnly}
                aria-describedby={descId}
                onChange={() => void save(option.value)}
              />
              <OptionText id={id} descId={descId} option={option} />
            </div>
          );
        })}
      </div>
      {current !== undefined && !field.required && !readOnly ? (
        <button type="button" className="cb-link-button" onClick={() => void save(null)}>
          Clear {field.label}
        </button>
      ) : null}
    </FieldShell>
  );
}

export function MultiChoiceEditor(props: FieldEditorProps & { field: MultiChoice }) {
  const { stepId, view, field, readOnly } = props;
  const { save, saveError } = useFieldSave(props);
  const value = view.state?.value;
  const selected = new Set(
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [],
  );
  const min = field.minSelected;
  const localError =
    min !== undefined && selected.size > 0 && selected.size < min
      ? `Choose at least ${min}.`
      : undefined;
  const toggle = (optionValue: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(optionValue);
    else next.delete(optionValue);
    // Template order, so the stored array does not depend on click order.
    void save(field.options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <FieldShell stepId={stepId} view={view} group localError={localError} saveError={saveError}>
      <div className="cb-options">
        {field.options.map((option) => {
          const id = fieldDomId(stepId, field.id, `opt-${option.value}`);
          const descId = option.description ? `${id}-desc` : undefined;
          return (
            <div className="cb-option" key={option.value}>
              <input
                type="checkbox"
                id={id}
                value={option.value}
                checked={selected.has(option.value)}
                data-checked={selected.has(option.value)}
                disabled={readOnly}
                aria-describedby={descId}
                onChange={(e) => toggle(option.value, e.currentTarget.checked)}
              />
              <OptionText id={id} descId={descId} option={option} />
            </div>
          );
        })}
      </div>
    </FieldShell>
  );
}
