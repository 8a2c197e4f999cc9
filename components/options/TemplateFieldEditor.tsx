/**
 * One field of a step in the template editor: id, role, label, type,
 * required, help, choice options and when it is shown. (The panel's
 * components/panel/fields/FieldEditor.tsx is where an agent fills one in.)
 */
import type { ConditionCatalog } from '../../lib/workflow/condition-form/catalog';
import { conditionScope } from '../../lib/workflow/condition-form/sites';
import type { Condition, FieldType } from '../../lib/workflow/schema';
import { ConditionEditor } from './ConditionEditor';
import { Labelled, LabelledCheckbox, LabelledText } from './Labelled';
import { stepWordsHintId } from './StepWordsHint';
import { RoleSelect } from './TemplateRoles';
import {
  FIELD_TYPES,
  optionsToText,
  textToOptions,
  withType,
  type DraftField,
} from './template-edit';

export function TemplateFieldEditor({
  field,
  catalog,
  stepIndex,
  fieldIndex,
  onChange,
}: {
  field: DraftField;
  catalog: ConditionCatalog;
  /** Position in the whole workflow (0-based) and in the step: what the condition may read. */
  stepIndex: number;
  fieldIndex: number;
  onChange: (f: DraftField) => void;
}) {
  const choice = field.type === 'single-choice' || field.type === 'multi-choice';
  const hint = stepWordsHintId(stepIndex + 1);
  return (
    <div className="cb-field-editor">
      <div className="cb-grid">
        <LabelledText
          label="Field id"
          value={field.id}
          onChange={(id) => onChange({ ...field, id })}
        />
        <RoleSelect
          role={field.role}
          onChange={(role) => {
            const { role: _drop, ...rest } = field;
            onChange(role === undefined ? rest : { ...field, role });
          }}
        />
        <LabelledText
          label="Label"
          value={field.label}
          describedBy={hint}
          onChange={(label) => onChange({ ...field, label })}
        />
        <Labelled label="Type">
          <select
            value={field.type}
            onChange={(e) => onChange(withType(field, e.target.value as FieldType))}
          >
            {FIELD_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Labelled>
        <LabelledCheckbox
          label="Required"
          checked={field.required ?? false}
          onChange={(required) => onChange({ ...field, required })}
        />
      </div>
      <LabelledText
        label="Help text"
        value={field.help ?? ''}
        describedBy={hint}
        onChange={(help) => {
          const { help: _drop, ...rest } = field;
          onChange(help ? { ...field, help } : (rest as DraftField));
        }}
      />
      {choice && 'options' in field && (
        <Labelled label="Options (one per line: value = label)">
          <textarea
            rows={Math.max(2, field.options.length)}
            value={optionsToText(field.options)}
            onChange={(e) =>
              onChange({
                ...field,
                options: textToOptions(e.target.value, field.options),
              } as DraftField)
            }
          />
        </Labelled>
      )}
      <ConditionEditor
        legend={`When “${field.label || field.id}” is shown`}
        lead="Shown when"
        always="Always shown"
        value={field.when as Condition | undefined}
        catalog={catalog}
        scope={conditionScope(catalog, { kind: 'field', step: stepIndex, field: fieldIndex })}
        onChange={(when) => {
          const { when: _drop, ...rest } = field;
          onChange(when === undefined ? (rest as DraftField) : ({ ...field, when } as DraftField));
        }}
      />
    </div>
  );
}
