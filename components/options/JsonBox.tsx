/** A JSON value edited as text; invalid JSON stays in the box with a message. */
import { useEffect, useState } from 'react';
import { errorMessage } from '../../lib/errors';

export function JsonBox({
  label,
  value,
  onChange,
  rows = 3,
  optional = true,
}: {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  rows?: number;
  optional?: boolean;
}) {
  const serialized = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [text, setText] = useState(serialized);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    // Follow outside changes (reset, import) unless the box holds unparsed edits.
    if (!error) setText(serialized);
  }, [serialized]);
  return (
    <label className="cb-field">
      <span>{label}</span>
      <textarea
        rows={rows}
        spellCheck={false}
        className="cb-code"
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (optional && e.target.value.trim() === '') {
            setError(undefined);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setError(undefined);
          } catch (err) {
            setError(`Not valid JSON yet: ${errorMessage(err)}`);
          }
        }}
      />
      {error && <span className="cb-field__error">{error}</span>}
    </label>
  );
}
