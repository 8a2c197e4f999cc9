/**
 * The value a field clause compares with, in the control its field type
 * wants: ticks for "is one of", a menu for a choice, a checkbox, a number,
 * or text. A value that is no longer an option stays visible, named as such.
 */
import type { CatalogField } from '../../../lib/workflow/condition-form/catalog';
import type { FieldClause } from '../../../lib/workflow/condition-form/clauses';
import { Labelled, LabelledCheckbox, LabelledText } from '../Labelled';
import { CheckList } from './CheckList';

export function ClauseValue({
  clause,
  field,
  name,
  onChange,
}: {
  clause: FieldClause;
  field: CatalogField;
  name: string;
  onChange: (c: FieldClause) => void;
}) {
  const setValue = (value: FieldClause['value']) => {
    const { value: _drop, ...rest } = clause;
    onChange(value === undefined ? rest : { ...rest, value });
  };
  const label = (
    <>
      <span className="cb-visually-hidden">{name}: </span>Value
    </>
  );
  const v = clause.value;
  const choice = field.type === 'single-choice' || field.type === 'multi-choice';
  if (choice && clause.op === 'in') {
    const checked = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
    return (
      <CheckList
        name={name}
        legend="Values"
        options={field.options}
        checked={checked}
        onChange={(next) => setValue(next)}
      />
    );
  }
  if (choice) {
    const current = typeof v === 'string' ? v : '';
    const known = field.options.some((o) => o.value === current);
    return (
      <Labelled label={label}>
        <select value={current} onChange={(e) => setValue(e.target.value)}>
          {!known && (
            <option value={current}>{current ? `“${current}” (not an option)` : '—'}</option>
          )}
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Labelled>
    );
  }
  if (field.type === 'checkbox') {
    return (
      <LabelledCheckbox
        label={
          <>
            <span className="cb-visually-hidden">{name}: </span>Checked
          </>
        }
        checked={v === true}
        onChange={setValue}
      />
    );
  }
  if (field.type === 'number') {
    return (
      <Labelled label={label}>
        <input
          type="number"
          className="cb-input--short"
          value={typeof v === 'number' ? v : ''}
          onChange={(e) => setValue(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </Labelled>
    );
  }
  return (
    <LabelledText
      label={label}
      value={typeof v === 'string' ? v : v === undefined ? '' : String(v)}
      onChange={setValue}
    />
  );
}
