import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), updated every second while mounted: clock
 * chips count down by the second, and the timer lives only as long as they do.
 */
export function useSecondClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(id);
  }, []);
  return now;
}
