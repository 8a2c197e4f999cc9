import { describe, expect, it } from 'vitest';
import { hasDisplay, oneLine, parseArgs } from './demo';

describe('demo without a display', () => {
  it('knows when there is no display', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });

  it('runs headless and writes demo.png when nothing else was asked', () => {
    const o = parseArgs([], false);
    expect(o.headless).toBe(true);
    expect(o.screenshot).toMatch(/demo\.png$/);
    expect(o.note).toMatch(/^no display .*running headless/);
    expect(o.note).not.toContain('\n');
  });

  it('keeps what was asked when there is a display, or when headless was chosen', () => {
    expect(parseArgs([], true)).toMatchObject({ headless: false, screenshot: undefined });
    const o = parseArgs(['--headless', '--screenshot', 'out/x.png'], false);
    expect(o.screenshot).toMatch(/out\/x\.png$/);
    expect(o.note).toBeUndefined();
  });

  it('says a launch failure in one line, without the browser log', () => {
    const launch = new Error(
      'browserType.launchPersistentContext: Target page, context or browser has been closed\nBrowser logs:\n\n[pid=1][err] Missing X server or $DISPLAY\n[pid=1][err] ...',
    );
    expect(oneLine(launch)).toBe(
      'browserType.launchPersistentContext: Target page, context or browser has been closed',
    );
  });
});
