import { describe, expect, it } from 'vitest';
import { clockNextAction } from './clock-next-action';
import { DEFAULT_TEMPLATE } from './default-template';
import { renameEveryId } from './testing';

describe('clockNextAction: the reminder says what meets the clock', () => {
  it.each([
    ['first-response', 'Reply to the customer'],
    ['resolution', 'Finish step 17 (“Notify the customer when the fix ships”)'],
    [
      'engineering-ack',
      'Tick “Engineering acknowledged (commented or moved to In Progress)” in step 14',
    ],
    ['status-page', 'Post the next update and record it in step 16'],
  ])('%s', (clockId, expected) => {
    expect(clockNextAction(DEFAULT_TEMPLATE, clockId)).toBe(expected);
  });

  it('is nothing for a clock the template does not have', () => {
    expect(clockNextAction(DEFAULT_TEMPLATE, 'no-such-clock')).toBeUndefined();
  });

  it('reads a renamed template the same way (steps found by the clock, not by id)', () => {
    const renamed = renameEveryId(DEFAULT_TEMPLATE).template;
    const clock = (id: string) =>
      renamed.clocks.find(
        (c) => c.label === DEFAULT_TEMPLATE.clocks.find((d) => d.id === id)!.label,
      )!.id;
    expect(clockNextAction(renamed, clock('first-response'))).toBe('Reply to the customer');
    expect(clockNextAction(renamed, clock('resolution'))).toMatch(
      /^Finish step \d+ \(“Notify the customer when the fix ships”\)$/,
    );
  });
});
