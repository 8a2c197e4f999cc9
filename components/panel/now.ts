/**
 * The panel's ticking clock. `<Panel>` provides `now` (it changes every
 * second) through context rather than props, so only the components that
 * show time read it and re-render; the step list between them is memoized
 * and stays put.
 */
import { createContext, useContext } from 'react';

export const NowContext = createContext<number>(Date.now());

export function useNow(): number {
  return useContext(NowContext);
}
