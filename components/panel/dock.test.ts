import { describe, expect, it } from 'vitest';
import { clampDockWidth, DEFAULT_LAYOUT, dockRoom, RAIL_WIDTH } from './dock';

describe('dock geometry', () => {
  it('keeps the width within 300–520 px and leaves most of a narrow window to the page', () => {
    expect(clampDockWidth(100)).toBe(300);
    expect(clampDockWidth(900)).toBe(520);
    expect(clampDockWidth(Number.NaN)).toBe(360);
    expect(clampDockWidth(520, 1000)).toBe(450);
    expect(clampDockWidth(520, 400)).toBe(300);
  });

  it('asks the page for the panel width docked, the rail collapsed, nothing floating', () => {
    expect(dockRoom(DEFAULT_LAYOUT, false, 1280)).toBe(360);
    expect(dockRoom(DEFAULT_LAYOUT, true, 1280)).toBe(RAIL_WIDTH);
    expect(dockRoom({ ...DEFAULT_LAYOUT, mode: 'floating' }, false, 1280)).toBe(0);
  });
});
