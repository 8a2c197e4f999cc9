import { describe, expect, it } from 'vitest';
import { clampPosition, defaultAnchor, EDGE_MARGIN } from './position';

const VP = { width: 1400, height: 900 };

describe('defaultAnchor', () => {
  it('sits bottom-right when nothing is in the way', () => {
    expect(defaultAnchor(VP, 360)).toEqual({
      right: EDGE_MARGIN,
      bottom: EDGE_MARGIN,
      maxHeight: 868,
    });
    // A send button at the far left does not overlap the panel's column.
    expect(defaultAnchor(VP, 360, { top: 850, left: 20, width: 80, height: 32 }).bottom).toBe(
      EDGE_MARGIN,
    );
  });

  it('goes above a send button in its column', () => {
    const a = defaultAnchor(VP, 360, { top: 840, left: 1280, width: 90, height: 36 });
    expect(a.right).toBe(EDGE_MARGIN);
    expect(a.bottom).toBe(900 - 840 + 12);
    // Panel bottom edge (900 - bottom) is above the button's top.
    expect(900 - a.bottom).toBeLessThanOrEqual(840);
    expect(a.maxHeight).toBe(840 - 12 - EDGE_MARGIN);
  });

  it('goes beside a send button that leaves too little room above', () => {
    const a = defaultAnchor(VP, 360, { top: 150, left: 1200, width: 90, height: 36 });
    expect(a.bottom).toBe(EDGE_MARGIN);
    // Panel right edge is left of the button.
    expect(1400 - a.right).toBeLessThanOrEqual(1200);
  });
});

describe('clampPosition', () => {
  it('keeps the panel inside the viewport', () => {
    const size = { width: 360, height: 500 };
    expect(clampPosition({ x: -40, y: -3 }, size, VP)).toEqual({ x: 0, y: 0 });
    expect(clampPosition({ x: 5000, y: 5000 }, size, VP)).toEqual({ x: 1040, y: 400 });
    expect(clampPosition({ x: 100.4, y: 200.6 }, size, VP)).toEqual({ x: 100, y: 201 });
    // Bigger than the viewport: pinned to the top-left corner.
    expect(clampPosition({ x: 50, y: 50 }, { width: 2000, height: 2000 }, VP)).toEqual({
      x: 0,
      y: 0,
    });
  });
});
