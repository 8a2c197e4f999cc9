import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clampDockWidth, DOCK_MAX_WIDTH, DOCK_MIN_WIDTH } from './dock';
import type { PanelLayout } from './types';

/** Header button: dock or float (the side is kept in the stored layout). */
export function DockControls(props: {
  layout: PanelLayout;
  onChange(layout: PanelLayout, final: boolean): void;
}) {
  const { layout, onChange } = props;
  const docked = layout.mode === 'docked';
  return (
    <>
      <button
        type="button"
        className="cb-icon-button"
        aria-label={docked ? 'Float Casebook over the page' : 'Dock Casebook at the side'}
        onClick={() => onChange({ ...layout, mode: docked ? 'floating' : 'docked' }, true)}
      >
        {/* Words, not symbols: the page's fonts may have no glyph for them. */}
        <span aria-hidden="true">{docked ? 'Float' : 'Dock'}</span>
      </button>
    </>
  );
}

const KEY_STEP_PX = 20;

/** The docked panel's inner edge: drag (or arrow keys) to resize within 300–520 px. */
export function ResizeHandle(props: {
  layout: PanelLayout;
  viewportWidth: number;
  onChange(layout: PanelLayout, final: boolean): void;
}) {
  const { layout, viewportWidth, onChange } = props;
  const drag = useRef<{ pointerId: number; startX: number; startWidth: number } | undefined>(
    undefined,
  );
  const width = clampDockWidth(layout.width, viewportWidth);
  // Dragging towards the page widens the panel: left for a right dock, right for a left one.
  const direction = layout.side === 'right' ? -1 : 1;
  const widthAt = (clientX: number) => {
    const d = drag.current;
    if (!d) return width;
    return clampDockWidth(d.startWidth + direction * (clientX - d.startX), viewportWidth);
  };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    drag.current = { pointerId: e.pointerId, startX: e.clientX, startWidth: width };
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (drag.current?.pointerId !== e.pointerId) return;
    onChange({ ...layout, width: widthAt(e.clientX) }, false);
  };
  const onPointerUp = (e: PointerEvent) => {
    if (drag.current?.pointerId !== e.pointerId) return;
    const next = widthAt(e.clientX);
    drag.current = undefined;
    onChange({ ...layout, width: next }, true);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const delta =
      e.key === 'ArrowLeft' ? -KEY_STEP_PX : e.key === 'ArrowRight' ? KEY_STEP_PX : undefined;
    if (delta === undefined) return;
    e.preventDefault();
    onChange({ ...layout, width: clampDockWidth(width + direction * delta, viewportWidth) }, true);
  };
  return (
    <div
      className={`cb-resize cb-resize--${layout.side}`}
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize Casebook panel"
      aria-valuemin={DOCK_MIN_WIDTH}
      aria-valuemax={DOCK_MAX_WIDTH}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
