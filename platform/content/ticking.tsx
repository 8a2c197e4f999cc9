/** The clock the panel's chips count down with, ticking once a second. */
import type { ReactNode } from 'react';
import { NowContext } from '../../components/panel/now';
import { useSecondClock } from '../../components/ui/useSecondClock';

/**
 * Provides the ticking clock to the panel below it. Its children are the
 * container's element, unchanged by a tick, so each second re-renders only
 * the components that read the clock (chips, paging status), not the
 * container, the panel or its steps.
 */
export function Ticking({ children }: { children: ReactNode }) {
  return <NowContext.Provider value={useSecondClock()}>{children}</NowContext.Provider>;
}
