import type { Field } from '../../../lib/workflow/schema';
import {
  describedBy,
  fieldDomId,
  useFieldSave,
  visibleError,
  type FieldEditorProps,
} from './common';

type CheckboxField = Extract<Field, { type: 'checkbox' }>;

/** Label after the box, as people expect for a single checkbox. */
export function CheckboxEditor(props: FieldEditorProps & { field: CheckboxField }) {
  const { stepId, view, field, readOnly } = props;
  const { save, saveError } = useFieldSave(props);
  const checked = view.state?.value === true;
  const error = visibleError(view, undefined, saveError);
  const id = fieldDomId(stepId, field.id);
  return (
    <div className="cb-field cb-field-checkbox" data-field-id={field.id} data-field-type="checkbox">
      <div className="cb-option">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          data-checked={checked}
          disabled={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(stepId, field, error)}
          onChange={(e) => void save(e.currentTarget.checked)}
        />
        <label htmlFor={id} className="cb-option-label">
          {field.label}
          {field.required ? <span className="cb-required"> (required)</span> : null}
        </label>
      </div>
      {field.help ? (
        <p className="cb-help" id={fieldDomId(stepId, field.id, 'help')}>
          {field.help}
        </p>
      ) : null}
      {error ? (
        <p className="cb-field-error" id={fieldDomId(stepId, field.id, 'error')} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
