import type { MetadataKey } from '../../lib/adapters/types';
import { METADATA_LABEL } from './labels';
import type { ConnectionState } from './types';

/** Says what the page did not let us read, rather than showing nothing or guessing. */
export function HealthLine({ missing }: { missing: MetadataKey[] }) {
  if (missing.length === 0) return null;
  const names = [...new Set(missing)].map((k) => METADATA_LABEL[k] ?? k);
  return (
    <p className="cb-health" role="status">
      Could not read: {names.join(', ')}
    </p>
  );
}

export function ConnectionLine({
  connection,
  error,
}: {
  connection: ConnectionState;
  error?: string;
}) {
  if (connection === 'connected') return null;
  if (connection === 'reconnecting') {
    return (
      <p className="cb-connection" role="status">
        Reconnecting to Casebook…
      </p>
    );
  }
  return (
    <p className="cb-connection cb-connection--error" role="alert">
      Casebook is not connected{error ? `: ${error}` : '.'}
    </p>
  );
}
