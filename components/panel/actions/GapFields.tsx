import { useId, useState } from 'react';
import { fillGaps, placeholderPrompt, placeholdersIn } from '../../../lib/actions/placeholders';

export interface Gaps {
  /** Placeholders the agent is asked for (each keeps its field while being typed). */
  names: string[];
  values: Record<string, string>;
  set(name: string, value: string): void;
  /** The text with every answered placeholder filled. */
  text: string;
  /** Placeholders still blank: nothing is inserted or copied while any is left. */
  missing: string[];
}

/**
 * The gaps of a drafted text: placeholders the run, the page and the
 * settings could not fill. `known` are values from elsewhere (the agent's
 * name the page showed); what the agent types wins.
 */
export function useGaps(text: string, known: Record<string, string | undefined> = {}): Gaps {
  const [typed, setTyped] = useState<Record<string, string>>({});
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(known)) if (v?.trim()) values[k] = v;
  Object.assign(values, typed);
  const names = placeholdersIn(text).filter((n) => !known[n]?.trim());
  const filled = fillGaps(text, values);
  return {
    names,
    values,
    set: (name, value) => setTyped((t) => ({ ...t, [name]: value })),
    text: filled.text,
    missing: filled.missing,
  };
}

/** One small field per gap, right in the preview, named in words. */
export function GapFields({ gaps }: { gaps: Gaps }) {
  const base = useId();
  if (gaps.names.length === 0) return null;
  return (
    <fieldset className="cb-gaps">
      <legend className="cb-action-label">Fill in before sending</legend>
      {gaps.names.map((name, i) => {
        const id = `${base}-gap-${i}`;
        const value = gaps.values[name] ?? '';
        return (
          <div className="cb-gap" key={name}>
            <label htmlFor={id}>{placeholderPrompt(name)}</label>
            <input
              id={id}
              type="text"
              className="cb-gap-input"
              value={value}
              required
              aria-invalid={value.trim() === ''}
              data-placeholder={name}
              onChange={(e) => gaps.set(name, e.target.value)}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
