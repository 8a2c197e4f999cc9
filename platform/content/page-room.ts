/** Where the panel sits in the page: room for the docked panel, and clear of the composer's send button. */
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { AvoidRect, PanelLayout } from '../../components/panel/types';
import { dockRoom } from '../../components/panel/dock';
import type { HelpdeskAdapter } from '../../lib/adapters/types';
import { applyDock } from './dock-layout';

function useViewportWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

/**
 * Gives the page room for the docked panel while it is shown (its width, or
 * the rail's collapsed), and takes it back when it goes.
 */
export function usePageRoom(shown: boolean, layout: PanelLayout, collapsed: boolean): void {
  const viewportWidth = useViewportWidth();
  const room = shown ? dockRoom(layout, collapsed, viewportWidth) : 0;
  useLayoutEffect(() => {
    applyDock(document, room > 0 ? { side: layout.side, width: room } : null);
  }, [room, layout.side]);
  useEffect(() => () => applyDock(document, null), []);
}

function sameRect(a: AvoidRect | undefined, b: AvoidRect | undefined): boolean {
  return (
    a === b ||
    (!!a &&
      !!b &&
      a.top === b.top &&
      a.left === b.left &&
      a.width === b.width &&
      a.height === b.height)
  );
}

/**
 * Where the composer's send button is, for the panel to keep clear of. It
 * moves as the page lays out (Help Scout creates its editor only after
 * Reply): re-measured every second and on resize.
 */
export function useAvoidRect(
  adapter: HelpdeskAdapter,
  root: Element | null,
): AvoidRect | undefined {
  const [avoidRect, setAvoidRect] = useState<AvoidRect | undefined>();
  const measure = useCallback(() => {
    if (!root?.isConnected) {
      setAvoidRect((r) => (r === undefined ? r : undefined));
      return;
    }
    let rect: DOMRect | undefined;
    try {
      rect = adapter.findComposer(root, document).sendButton?.getBoundingClientRect();
    } catch {
      rect = undefined;
    }
    const next =
      rect && rect.width > 0 && rect.height > 0
        ? { top: rect.top, left: rect.left, width: rect.width, height: rect.height }
        : undefined;
    setAvoidRect((r) => (sameRect(r, next) ? r : next));
  }, [adapter, root]);
  // The send button moves with the composer (opened, resized, scrolled): checked every second.
  useEffect(() => {
    measure();
    const id = setInterval(measure, 1_000);
    return () => clearInterval(id);
  }, [measure]);
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);
  return avoidRect;
}
