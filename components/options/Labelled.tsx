/**
 * The template and condition editors' labelled controls: the label wraps its
 * control (no id to keep unique across hundreds of repeated fields), in one
 * place so the markup the grid styles and the tests find is written once.
 */
import type { ReactNode } from 'react';

/** A caption above any control (a select, a textarea) inside the same label. */
export function Labelled({
  label,
  wide = false,
  children,
}: {
  label: ReactNode;
  /** Spans the grid's full width (titles, messages). */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={wide ? 'cb-field cb-field--wide' : 'cb-field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A one-line text input with its caption. */
export function LabelledText({
  label,
  value,
  onChange,
  wide,
  describedBy,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  wide?: boolean;
  /** The id of a hint that explains what the text may say. */
  describedBy?: string;
}) {
  return (
    <Labelled label={label} wide={wide}>
      <input
        type="text"
        value={value}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
    </Labelled>
  );
}

/** A checkbox followed by its caption. */
export function LabelledCheckbox({
  label,
  checked,
  onChange,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="cb-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
