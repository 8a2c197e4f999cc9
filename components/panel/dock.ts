/**
 * The docked panel's geometry. Pure so the container (which makes room in
 * the page) and the view (which draws the panel) agree on one number.
 */
import type { PanelLayout } from './types';

export const DOCK_MIN_WIDTH = 300;
export const DOCK_MAX_WIDTH = 520;
export const DOCK_DEFAULT_WIDTH = 360;
/** The collapsed docked panel: progress and the next due clock, nothing else. */
export const RAIL_WIDTH = 72;
/** The page keeps at least this much of the viewport beside the panel. */
const MIN_PAGE_SHARE = 0.55;

export const DEFAULT_LAYOUT: PanelLayout = {
  mode: 'docked',
  side: 'right',
  width: DOCK_DEFAULT_WIDTH,
};

/** A width the agent asked for, kept in 300–520 px and off most of a narrow window. */
export function clampDockWidth(width: number, viewportWidth?: number): number {
  let max = DOCK_MAX_WIDTH;
  if (viewportWidth !== undefined && viewportWidth > 0)
    max = Math.max(
      DOCK_MIN_WIDTH,
      Math.min(max, viewportWidth - Math.ceil(viewportWidth * MIN_PAGE_SHARE)),
    );
  const w = Number.isFinite(width) ? width : DOCK_DEFAULT_WIDTH;
  return Math.round(Math.min(max, Math.max(DOCK_MIN_WIDTH, w)));
}

/** The room the page gives the panel: its width docked, the rail collapsed, none floating. */
export function dockRoom(layout: PanelLayout, collapsed: boolean, viewportWidth?: number): number {
  if (layout.mode !== 'docked') return 0;
  return collapsed ? RAIL_WIDTH : clampDockWidth(layout.width, viewportWidth);
}
