/** The panel's collapse, position and layout per helpdesk, kept in `storage.local`. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from '#imports';
import type { PanelLayout, PanelPosition } from '../../components/panel/types';
import { clampDockWidth, DEFAULT_LAYOUT } from '../../components/panel/dock';

interface PanelPrefs {
  collapsed: boolean;
  /** Where the floating panel was moved to. */
  position: PanelPosition | null;
  /** Docked (default, the page makes room) or floating; side and width. */
  layout: PanelLayout;
}
const DEFAULT_PREFS: PanelPrefs = { collapsed: false, position: null, layout: DEFAULT_LAYOUT };

export function prefsKey(helpdesk: string): string {
  return `panel:${helpdesk}`;
}

function parsePrefs(value: unknown): PanelPrefs {
  if (typeof value !== 'object' || value === null) return DEFAULT_PREFS;
  const v = value as Record<string, unknown>;
  const p = v.position as Record<string, unknown> | null | undefined;
  const position =
    p &&
    typeof p.x === 'number' &&
    typeof p.y === 'number' &&
    Number.isFinite(p.x) &&
    Number.isFinite(p.y)
      ? { x: p.x, y: p.y }
      : null;
  return { collapsed: v.collapsed === true, position, layout: parseLayout(v.layout) };
}

/** A stored layout, or the default docked one; unknown values fall back field by field. */
export function parseLayout(value: unknown): PanelLayout {
  if (typeof value !== 'object' || value === null) return DEFAULT_LAYOUT;
  const v = value as Record<string, unknown>;
  return {
    mode: v.mode === 'floating' ? 'floating' : 'docked',
    side: v.side === 'left' ? 'left' : 'right',
    width: clampDockWidth(typeof v.width === 'number' ? v.width : DEFAULT_LAYOUT.width),
  };
}

/** Per-helpdesk collapse and position, persisted; other tabs follow changes. */
export function usePanelPrefs(helpdesk: string) {
  const key = prefsKey(helpdesk);
  const [prefs, setPrefs] = useState<PanelPrefs>(DEFAULT_PREFS);
  const latest = useRef(prefs);
  latest.current = prefs;

  useEffect(() => {
    let live = true;
    void browser.storage.local.get(key).then((stored) => {
      if (live) setPrefs(parsePrefs(stored[key]));
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[key];
      if (area === 'local' && change) setPrefs(parsePrefs(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [key]);

  const update = useCallback(
    (patch: Partial<PanelPrefs>, persist = true) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setPrefs(next);
      if (persist) void browser.storage.local.set({ [key]: next });
    },
    [key],
  );
  return [prefs, update] as const;
}
