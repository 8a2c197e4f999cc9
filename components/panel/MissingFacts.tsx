/**
 * Degrading in the open: says which facts the page did not let us read,
 * offers a one-click field to enter each, and a diagnostic to copy for the
 * team (the page's structure with all text stripped). Props in, callbacks out.
 */
import { useState } from 'react';
import type { MetadataKey } from '../../lib/adapters/types';
import { METADATA_LABEL } from './labels';

export interface MissingFactsProps {
  missing: MetadataKey[];
  /** Records what the agent typed as the fact (createdAt: a datetime-local value). */
  onEnter?(key: MetadataKey, value: string): Promise<void>;
  /** Copies the diagnostic; false when the clipboard refused (the button then stays as it was). */
  onCopyDiagnostic?(): Promise<boolean>;
}

function EnterFact({
  name,
  onEnter,
}: {
  name: MetadataKey;
  onEnter: MissingFactsProps['onEnter'];
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const label = METADATA_LABEL[name] ?? name;
  if (!open || !onEnter)
    return (
      <button
        type="button"
        className="cb-link-button"
        disabled={!onEnter}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
    );
  return (
    <form
      className="cb-missing-entry"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) void onEnter(name, value.trim()).then(() => setOpen(false));
      }}
    >
      <input
        aria-label={label}
        type={
          name === 'createdAt' ? 'datetime-local' : name === 'requesterEmail' ? 'email' : 'text'
        }
        value={value}
        autoFocus
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit">Save</button>
    </form>
  );
}

export function MissingFacts({ missing, onEnter, onCopyDiagnostic }: MissingFactsProps) {
  const [copied, setCopied] = useState(false);
  const keys = [...new Set(missing)];
  if (keys.length === 0) return null;
  return (
    <div className="cb-health cb-missing" role="status">
      Could not read:{' '}
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 ? ', ' : ''}
          <EnterFact name={key} onEnter={onEnter} />
        </span>
      ))}
      {onCopyDiagnostic ? (
        <button
          type="button"
          className="cb-link-button"
          onClick={() => void onCopyDiagnostic().then(setCopied)}
        >
          {copied ? 'Copied' : 'Copy diagnostic'}
        </button>
      ) : null}
    </div>
  );
}
