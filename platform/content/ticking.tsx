/** The clock the panel's chips count down with, ticking once a second. */
import { useEffect, useState, type ReactNode } from 'react';
import { NowContext } from '../../components/panel/now';

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // The clock chips count down by the second; the timer lives only while mounted.
    const id = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/**
 * Provides the ticking clock to the panel below it. Its children are the
 * container's element, unchanged by a tick, so each second re-renders only
 * the components that read the clock (chips, paging status), not the
 * container, the panel or its steps.
 */
export function Ticking({ children }: { children: ReactNode }) {
  return <NowContext.Provider value={useNow()}>{children}</NowContext.Provider>;
}
