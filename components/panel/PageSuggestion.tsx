import { useState } from 'react';
import type { Field, TicketInfo } from '../../lib/workflow/schema';
import type { FieldView } from '../../lib/workflow/view';

/** What the ticket page shows for a field, when a field of this kind has a page fact. */
const PAGE_FACT: Partial<Record<string, keyof TicketInfo>> = { plan: 'plan' };

/** The option the page's fact names (by value or label, any case), for a still-empty choice field. */
export function pageSuggestion(
  field: Field,
  view: FieldView,
  ticket: TicketInfo | undefined,
): { value: string; label: string } | undefined {
  const key = PAGE_FACT[field.id];
  if (!key || !ticket || field.type !== 'single-choice') return undefined;
  if (view.state?.value !== undefined && view.state.value !== null) return undefined;
  const fact = String(ticket[key] ?? '')
    .trim()
    .toLowerCase();
  if (!fact) return undefined;
  return field.options.find((o) => o.value === fact || o.label.toLowerCase() === fact);
}

/** "From the page: Enterprise [Use]": the page's fact, confirmed in one click. */
export function PageSuggestion(props: {
  fieldId: string;
  label: string;
  option: { value: string; label: string };
  onUse(value: string): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <p className="cb-suggest" data-suggest-field={props.fieldId}>
      {props.label} from the page: <strong>{props.option.label}</strong>{' '}
      <button
        type="button"
        className="cb-button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void props.onUse(props.option.value).finally(() => setBusy(false));
        }}
      >
        Use
      </button>
    </p>
  );
}
