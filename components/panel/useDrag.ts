import { useCallback, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type { PanelPosition } from './types';

/** Movement below this is a click, not a drag (the pill is also a button). */
const DRAG_THRESHOLD_PX = 4;

const INTERACTIVE = 'button, input, select, textarea, a, label, [contenteditable="true"]';

/**
 * Pointer-driven move. `origin` reads where the panel is now; `onMove` shows
 * the dragged position; `onEnd` commits it (the container persists it).
 * Pointers that start on a control (other than the pill button) do not drag.
 */
export function useDrag(opts: {
  origin(): PanelPosition | undefined;
  onMove(p: PanelPosition): void;
  onEnd(p: PanelPosition): void;
  /** Allow drags that start on a button (the collapsed pill). */
  allowOnButton: boolean;
}) {
  const state = useRef<
    | {
        pointerId: number;
        startX: number;
        startY: number;
        origin: PanelPosition;
        moved: boolean;
        last: PanelPosition;
      }
    | undefined
  >(undefined);
  const suppressClick = useRef(false);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const onPointerDown = useCallback((e: ReactPointerEvent) => {
    if (e.button !== 0 || !e.isPrimary) return;
    const target = e.target as Element | null;
    const control = target?.closest?.(INTERACTIVE);
    if (control && !(optsRef.current.allowOnButton && control.tagName === 'BUTTON')) return;
    const origin = optsRef.current.origin();
    if (!origin) return;
    state.current = {
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      origin,
      moved: false,
      last: origin,
    };
    suppressClick.current = false;
  }, []);

  const onPointerMove = useCallback((e: ReactPointerEvent) => {
    const s = state.current;
    if (!s || s.pointerId !== e.pointerId) return;
    const dx = e.clientX - s.startX;
    const dy = e.clientY - s.startY;
    if (!s.moved) {
      if (Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      s.moved = true;
      // Capture only once it is a drag, so plain clicks reach their buttons untouched.
      (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    }
    e.preventDefault();
    s.last = { x: s.origin.x + dx, y: s.origin.y + dy };
    optsRef.current.onMove(s.last);
  }, []);

  const finish = useCallback((e: ReactPointerEvent, commit: boolean) => {
    const s = state.current;
    if (!s || s.pointerId !== e.pointerId) return;
    state.current = undefined;
    if (!s.moved) return;
    (e.currentTarget as Element).releasePointerCapture?.(e.pointerId);
    // The click that ends a drag is dispatched right after pointerup; swallow
    // only that one, so a later keyboard "click" is never eaten.
    suppressClick.current = true;
    setTimeout(() => {
      suppressClick.current = false;
    }, 0);
    if (commit) optsRef.current.onEnd(s.last);
    else optsRef.current.onEnd(s.origin);
  }, []);

  const onPointerUp = useCallback((e: ReactPointerEvent) => finish(e, true), [finish]);
  const onPointerCancel = useCallback((e: ReactPointerEvent) => finish(e, false), [finish]);

  /** Swallows the click that ends a drag, so dragging the pill does not also expand it. */
  const onClickCapture = useCallback((e: { preventDefault(): void; stopPropagation(): void }) => {
    if (suppressClick.current) {
      suppressClick.current = false;
      e.preventDefault();
      e.stopPropagation();
    }
  }, []);

  return {
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel },
    onClickCapture,
  };
}
