import { describe, expect, it } from 'vitest';
import { describeUnsafe, unsafePatterns } from './regex-safety';

describe('team value patterns at save time', () => {
  it('refuses one that backtracks exponentially and says how to fix it', async () => {
    const [unsafe, ...rest] = await unsafePatterns([
      { name: 'trace', pattern: '(a|aa)+$' },
      { name: 'acme-key', pattern: 'acme_[A-Za-z0-9]{32}' },
    ]);
    expect(rest).toEqual([]);
    expect(unsafe).toMatchObject({ name: 'trace', complexity: 'exponential' });
    expect(describeUnsafe(unsafe!)).toMatch(/backtrack catastrophically/);
  }, 60_000);

  it('does not re-check patterns that were already saved', async () => {
    const old = [{ name: 'trace', pattern: '(a|aa)+$' }];
    expect(await unsafePatterns(old, old)).toEqual([]);
  });
});
