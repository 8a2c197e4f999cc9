/**
 * A list of checkboxes in a fieldset (severities, plans, step statuses,
 * choice values); a ticked value that is no longer offered stays visible so
 * the lead sees it and can untick it.
 */
import { LabelledCheckbox } from '../Labelled';

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}

export function CheckList({
  name,
  legend,
  options,
  checked,
  onChange,
}: {
  /** Which clause, for screen readers ("Condition 2"). */
  name: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  checked: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const extra = checked.filter((c) => !options.some((o) => o.value === c));
  return (
    <fieldset className="cb-checklist">
      <legend>
        <span className="cb-visually-hidden">{name}: </span>
        {legend}
      </legend>
      {[...options, ...extra.map((v) => ({ value: v, label: `“${v}” (not an option)` }))].map(
        (o) => (
          <LabelledCheckbox
            key={o.value}
            label={o.label}
            checked={checked.includes(o.value)}
            onChange={(on) => onChange(toggle(checked, o.value, on))}
          />
        ),
      )}
    </fieldset>
  );
}
