/**
 * A settings change synced in from another browser that weakens protection
 * (lib/settings/weakening.ts, the rule an import preview uses): this browser
 * keeps its settings until the lead applies the change or keeps them.
 */
import { useState } from 'react';
import type { HeldSync } from '../../lib/messaging/settings';
import { ProblemList, type SaveResult } from './common';
import type { Problem } from '../../lib/settings/problems';

export function HeldSyncNotice({
  held,
  onResolve,
}: {
  held: HeldSync;
  onResolve: (apply: boolean, receivedAt: number) => Promise<SaveResult>;
}) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<Problem[]>([]);
  const answer = async (apply: boolean) => {
    setBusy(true);
    const result = await onResolve(apply, held.receivedAt);
    setBusy(false);
    setFailed(result.ok ? [] : result.problems);
  };
  return (
    <div className="cb-notice cb-notice--error" role="alert" data-testid="held-sync">
      <p>
        Settings synced from another browser signed in to your browser account (received{' '}
        {new Date(held.receivedAt).toLocaleString()}) weaken how Casebook protects data. This
        browser keeps its current settings until you choose:
      </p>
      <ul>
        {held.weakens.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <div className="cb-inline">
        <button
          type="button"
          className="cb-button cb-button--danger"
          disabled={busy}
          onClick={() => void answer(true)}
        >
          Apply these changes
        </button>
        <button
          type="button"
          className="cb-button"
          disabled={busy}
          onClick={() => void answer(false)}
        >
          Keep current settings
        </button>
      </div>
      <ProblemList problems={failed} label="Nothing changed:" />
    </div>
  );
}
