/**
 * The layered-encoding corpus (tests/fixtures/har/layers), one HAR per
 * class of the issue: every planted secret is gone from every decoding of
 * the output, every diagnostic beside a secret's name survives, and the
 * file is still a HAR with the same entries.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeHarText } from '../lib/har/index';
import { harIssues } from '../lib/har/validate';
import { CORPUS_DIR, checkFile, decodings, loadExpectations, summary } from './har-corpus';

const expectations = loadExpectations();

describe.each(Object.keys(expectations))('%s', (file) => {
  const expectation = expectations[file]!;
  const input = readFileSync(resolve(CORPUS_DIR, file), 'utf8');

  it('carries its secrets and diagnostics (in some decoding of the input)', () => {
    const all: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') decodings(v, 0, all);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(input));
    const hay = all.join('\n');
    for (const s of expectation.secrets) expect(hay.includes(s), s.slice(0, 8)).toBe(true);
    for (const d of expectation.diagnostics) expect(hay, d).toContain(d);
  });

  it('no secret left in any decoding; no diagnostic lost', () => {
    const result = checkFile(file, expectation);
    expect(result.leaked.map((s) => `${s.slice(0, 6)}…`)).toEqual([]);
    expect(result.lost).toEqual([]);
  });

  it('is still a HAR with the same entries', () => {
    const before = JSON.parse(input);
    const after = JSON.parse(sanitizeHarText(input).text);
    expect(harIssues(after)).toEqual([]);
    expect(after.log.entries.length).toBe(before.log.entries.length);
  });
});

it('prints the corpus summary line', () => {
  const results = Object.keys(expectations).map((f) => checkFile(f, expectations[f]!));
  expect(summary(results)).toMatch(/^secrets leaked 0 \/ \d+, diagnostics lost 0 \/ \d+$/);
});
