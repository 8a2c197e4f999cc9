import { useEffect, useState } from 'react';
import { lastDays } from '../../components/options/SelectorHealthSection';
import type { HealthRow } from '../../lib/messaging/health';
import { send } from '../../platform/messaging/client';

/** The options page shows the last week of selector-health counters. */
const DAYS = 7;

export function useSelectorHealth() {
  const [rows, setRows] = useState<readonly HealthRow[] | undefined>();
  const [days] = useState(() => lastDays(Date.now(), DAYS));
  useEffect(() => {
    let live = true;
    send({ type: 'health.get', days: DAYS })
      .then((r) => live && setRows(r.rows))
      .catch(() => live && setRows([]));
    return () => {
      live = false;
    };
  }, []);
  return { rows, days };
}
