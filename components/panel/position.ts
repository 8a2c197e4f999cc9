/**
 * Where the panel sits. Pure geometry so it can be tested without layout.
 * The default anchors bottom-right (CSS right/bottom, so the panel grows
 * upwards as steps expand) and keeps clear of the composer's send button.
 */
import type { AvoidRect, PanelPosition } from './types';

export const EDGE_MARGIN = 16;
const GAP = 12;
/** Below this much height above the send button, go beside it instead. */
const MIN_USEFUL_HEIGHT = 240;

export interface Viewport {
  width: number;
  height: number;
}

export interface Anchor {
  right: number;
  bottom: number;
  /** Height available above `bottom`, for max-height. */
  maxHeight: number;
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

export function defaultAnchor(viewport: Viewport, panelWidth: number, avoid?: AvoidRect): Anchor {
  const plain: Anchor = {
    right: EDGE_MARGIN,
    bottom: EDGE_MARGIN,
    maxHeight: Math.max(0, viewport.height - 2 * EDGE_MARGIN),
  };
  if (!avoid || avoid.width <= 0 || avoid.height <= 0) return plain;
  const left = viewport.width - EDGE_MARGIN - panelWidth;
  const right = viewport.width - EDGE_MARGIN;
  if (!overlaps(left, right, avoid.left, avoid.left + avoid.width)) return plain;
  // Above the send button, if that leaves a usable panel.
  const bottomAbove = viewport.height - avoid.top + GAP;
  const heightAbove = avoid.top - GAP - EDGE_MARGIN;
  if (heightAbove >= MIN_USEFUL_HEIGHT) {
    return {
      right: EDGE_MARGIN,
      bottom: Math.max(EDGE_MARGIN, bottomAbove),
      maxHeight: heightAbove,
    };
  }
  // Otherwise to its left, full height.
  return {
    right: Math.max(EDGE_MARGIN, viewport.width - avoid.left + GAP),
    bottom: EDGE_MARGIN,
    maxHeight: plain.maxHeight,
  };
}

/** Keep a dragged panel fully on screen (or as much as fits). */
export function clampPosition(
  p: PanelPosition,
  size: { width: number; height: number },
  viewport: Viewport,
): PanelPosition {
  const maxX = Math.max(0, viewport.width - size.width);
  const maxY = Math.max(0, viewport.height - size.height);
  return {
    x: Math.round(Math.min(Math.max(0, p.x), maxX)),
    y: Math.round(Math.min(Math.max(0, p.y), maxY)),
  };
}
