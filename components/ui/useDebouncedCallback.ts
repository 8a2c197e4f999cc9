import { useCallback, useEffect, useRef } from 'react';

/**
 * Debounce for saving text as it is typed; `flush` runs the pending call now
 * (on blur) and a pending call also runs on unmount so no keystroke is lost.
 */
export function useDebouncedCallback<A extends unknown[]>(
  fn: (...args: A) => void,
  delayMs: number,
): { call: (...args: A) => void; flush: () => void; cancel: () => void } {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<A | undefined>(undefined);

  const flush = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    const args = pending.current;
    pending.current = undefined;
    if (args) fnRef.current(...args);
  }, []);

  const cancel = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    pending.current = undefined;
  }, []);

  const call = useCallback(
    (...args: A) => {
      pending.current = args;
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [delayMs, flush],
  );

  useEffect(() => flush, [flush]);

  return { call, flush, cancel };
}
