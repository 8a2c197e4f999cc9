/**
 * The container's side of the panel's "could not read" line: which facts
 * are still missing (a fact the agent entered by hand is not), recording an
 * entered fact on the run, and copying the text-free diagnostic.
 */
import { useCallback, useMemo } from 'react';
import { diagnosticReport } from '../../lib/adapters/diagnostic';
import type { HelpdeskAdapter, MetadataKey } from '../../lib/adapters/types';
import type { TicketInfo } from '../../lib/workflow/schema';

export function useMissingFacts(
  adapter: HelpdeskAdapter,
  missing: MetadataKey[],
  shown: TicketInfo | undefined,
  root: Element | null,
  record: (ticket: TicketInfo) => Promise<void>,
) {
  const stillMissing = useMemo(
    () => missing.filter((key) => shown?.[key] === undefined),
    [missing, shown],
  );
  const onEnterFact = useCallback(
    async (key: MetadataKey, value: string) => {
      if (!shown) return;
      const at = key === 'createdAt' ? new Date(value).getTime() : undefined;
      if (at !== undefined && !Number.isFinite(at)) return;
      await record({ ...shown, [key]: at ?? value });
    },
    [shown, record],
  );
  const onCopyDiagnostic = useCallback(async () => {
    const text = diagnosticReport(adapter.id, stillMissing, root ?? document.body, !!root);
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }, [adapter, stillMissing, root]);
  return { missing: stillMissing, onEnterFact, onCopyDiagnostic };
}
