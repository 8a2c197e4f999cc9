/**
 * Makes room for the docked panel in the helpdesk page, the way side apps and
 * sidebar extensions do: the page's `<body>` is narrowed by the panel's width
 * (margin on the docked side), so the helpdesk lays itself out in what is
 * left, and nothing of it sits under the panel.
 *
 * Helpdesk shells are often fixed-position (`position: fixed; inset: 0`) or
 * absolutely positioned against the viewport, which a margin alone does not
 * move. `transform` on `<body>` makes it the containing block of those
 * descendants, so they follow the narrowed body. The body is given at least
 * the viewport's height so `inset: 0` shells keep theirs (helpdesk apps
 * give `<body>` no margin). The panel's own
 * host is outside `<body>` (a child of `<html>`), so it stays fixed to the
 * viewport.
 *
 * Everything is one `<style>` element and one attribute on `<html>`, removed
 * again when the panel closes or floats.
 */

export type DockSide = 'left' | 'right';

export interface DockRoom {
  side: DockSide;
  /** CSS px reserved for the panel at the side of the viewport. */
  width: number;
}

const STYLE_ID = 'casebook-dock-style';
const ATTRIBUTE = 'data-casebook-dock';

export function dockCss(room: DockRoom): string {
  const margin = room.side === 'left' ? 'margin-left' : 'margin-right';
  return `html[${ATTRIBUTE}]>body{${margin}:${Math.round(room.width)}px!important;transform:translateZ(0)!important;min-height:100vh!important}`;
}

/** Gives the page room for the panel (or takes it back with `null`). */
export function applyDock(doc: Document, room: DockRoom | null): void {
  const html = doc.documentElement;
  const existing = doc.getElementById(STYLE_ID);
  if (!room || room.width <= 0) {
    existing?.remove();
    html.removeAttribute(ATTRIBUTE);
    return;
  }
  const css = dockCss(room);
  const style = existing ?? doc.createElement('style');
  style.id = STYLE_ID;
  if (style.textContent !== css) style.textContent = css;
  // In <html>, after <head> and <body>: the page's own styles cannot come after it.
  if (!style.isConnected) html.append(style);
  html.setAttribute(ATTRIBUTE, room.side);
}
