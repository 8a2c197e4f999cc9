/**
 * Host-mapped Zendesk domains. Adding one asks the browser for access to
 * that origin right in the click (a permission prompt needs the user's
 * gesture), then the background registers the panel's script there.
 */
import { useState } from 'react';
import { hostnameSchema } from '../../lib/settings/schema';
import { ProblemList, Section, type SaveResult } from './common';

export interface HostsSectionProps {
  hosts: readonly string[];
  /** Hosts whose permission is granted and script registered. */
  active: readonly string[];
  /** Called from the click: requests the permission, then adds. */
  onAdd: (hostname: string) => Promise<SaveResult>;
  onRemove: (hostname: string) => Promise<SaveResult>;
}

/** Accepts a pasted URL too: `https://support.acme.com/agent/tickets/1` → `support.acme.com`. */
export function hostFromInput(text: string): string {
  const trimmed = text.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      return new URL(trimmed).hostname;
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}

export function HostsSection({ hosts, active, onAdd, onRemove }: HostsSectionProps) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<SaveResult | undefined>();
  const add = () => {
    const parsed = hostnameSchema.safeParse(hostFromInput(text));
    if (!parsed.success) {
      setResult({
        ok: false,
        problems: [{ path: 'host', message: parsed.error.issues[0]?.message ?? 'not a host name' }],
      });
      return;
    }
    if (hosts.includes(parsed.data) && active.includes(parsed.data)) {
      setResult({
        ok: false,
        problems: [{ path: 'host', message: `${parsed.data} is already mapped` }],
      });
      return;
    }
    // No await before onAdd: the permission request must stay inside the click.
    void onAdd(parsed.data).then((r) => {
      setResult(r);
      if (r.ok) setText('');
    });
  };
  return (
    <Section
      id="hosts"
      title="Zendesk on your own domain"
      description="If agents open Zendesk tickets on a brand domain (host mapping, e.g. support.acme.com), add it here. Casebook asks for access to that domain only."
    >
      <form
        className="cb-inline"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor="cb-host-input">Domain</label>
        <input
          id="cb-host-input"
          type="text"
          placeholder="support.example.com"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="cb-button cb-button--primary">
          Add domain
        </button>
      </form>
      {result && !result.ok && (
        <ProblemList problems={result.problems} label="The domain was not added:" />
      )}
      {result?.ok && result.message && <p role="status">{result.message}</p>}
      {hosts.length > 0 ? (
        <ul className="cb-hosts" aria-label="Mapped domains">
          {hosts.map((h) => (
            <li key={h} data-host={h}>
              <span className="cb-hosts__name">{h}</span>
              {active.includes(h) ? (
                <span className="cb-badge cb-badge--ok">active</span>
              ) : (
                <>
                  <span className="cb-badge cb-badge--warn">needs permission</span>
                  <button
                    type="button"
                    className="cb-button"
                    onClick={() => void onAdd(h).then(setResult)}
                  >
                    Grant access
                  </button>
                </>
              )}
              <button
                type="button"
                className="cb-button"
                aria-label={`Remove ${h}`}
                onClick={() => void onRemove(h).then(setResult)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="cb-hint">No mapped domains.</p>
      )}
    </Section>
  );
}
