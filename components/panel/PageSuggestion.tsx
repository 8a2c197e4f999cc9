import { useState } from 'react';

/**
 * "Severity from the page: SEV1 (priority Urgent) [Use]": what the ticket
 * page shows for a field, confirmed in one click. The value is recorded like
 * any other entry: by the agent who clicked, in the step's history.
 */
export function PageSuggestion(props: {
  fieldId: string;
  label: string;
  shown: string;
  because?: string;
  onUse(): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  return (
    <p className="cb-suggest" data-suggest-field={props.fieldId}>
      {props.label} from the page: <strong>{props.shown}</strong>
      {props.because ? ` (${props.because})` : null}{' '}
      <button
        type="button"
        className="cb-button"
        disabled={busy}
        aria-label={`Use ${props.shown} for ${props.label}`}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          void props
            .onUse()
            .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
            .finally(() => setBusy(false));
        }}
      >
        Use
      </button>
      {error ? (
        <span className="cb-field-error" role="alert">
          {' '}
          {error}
        </span>
      ) : null}
    </p>
  );
}
