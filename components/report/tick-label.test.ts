import { describe, expect, it } from 'vitest';
import { labelEvery, textWidth, wrapWords } from './tick-label';

// Every character 6 units wide: easy sums.
const mono = (text: string) => text.length * 6;

describe('wrapWords', () => {
  it('keeps a name that fits on one line', () => {
    expect(wrapWords('Follow-ups done', 90, mono)).toEqual(['Follow-ups done']);
  });

  it('wraps at the last word that fits, spaces counted', () => {
    // "Enterprise summaries" is 20 characters (120): over 100.
    expect(wrapWords('Enterprise summaries owed', 100, mono)).toEqual([
      'Enterprise',
      'summaries owed',
    ]);
    // Exactly the width still fits.
    expect(wrapWords('ab cd', 30, mono)).toEqual(['ab cd']);
    expect(wrapWords('ab cd', 29, mono)).toEqual(['ab', 'cd']);
  });

  it('gives a word wider than the band a line of its own, and drops extra spaces', () => {
    expect(wrapWords('  Dissatisfied   customers ', 40, mono)).toEqual([
      'Dissatisfied',
      'customers',
    ]);
    expect(wrapWords('', 40, mono)).toEqual([]);
  });
});

describe('textWidth without a canvas', () => {
  it('estimates from the font size, wider for longer text', () => {
    const short = textWidth('SEV1', '11px Arial');
    expect(short).toBeGreaterThan(0);
    expect(textWidth('SEV1 and SEV2', '11px Arial')).toBeGreaterThan(short);
    expect(textWidth('SEV1', '22px Arial')).toBeCloseTo(short * 2);
  });
});

describe('labelEvery', () => {
  it('labels every band when each name fits, wrapped, with the gap to spare', () => {
    expect(labelEvery(['Auth', 'Billing', 'Enterprise summaries'], 80, 76, 4, mono)).toBe(1);
  });

  it('labels every nth band when unbreakable names are wider than their band', () => {
    // "2026-01" is 42 wide: with a gap of 4, two bands of 38 hold one label.
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    expect(labelEvery(months, 38, 34, 4, mono)).toBe(2);
    // A year of weeks in a 520-wide chart: bands of about 9.
    expect(labelEvery(['2026-11-02'], 9, 5, 4, mono)).toBe(8);
  });
});
