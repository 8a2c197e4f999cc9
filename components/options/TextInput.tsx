/**
 * A settings text input: labelled, with its hint, and with a failed save's
 * problem for its settings path (`name`) shown in words and marked invalid.
 */
import { Field } from './common';

export function TextInput({
  label,
  name,
  value,
  onChange,
  hint,
  type = 'text',
  placeholder,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  type?: 'text' | 'url';
  placeholder?: string;
}) {
  return (
    <Field label={label} name={name} {...(hint ? { hint } : {})}>
      {(id, describedBy, invalid) => (
        <input
          id={id}
          type={type}
          value={value}
          placeholder={placeholder}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
