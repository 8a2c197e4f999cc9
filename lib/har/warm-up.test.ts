import { describe, expect, it } from 'vitest';
import { sanitizeHarText } from './sanitize';
import { warmUpHar, warmUpSanitizer } from './warm-up';

describe('the warm-up HAR', () => {
  it('is a valid HAR that goes down the redacting paths (headers, cookies, query, bodies, base64, WebSocket)', () => {
    const text = warmUpHar(100);
    const { report, text: clean } = sanitizeHarText(text);
    expect(JSON.parse(text).log.entries).toHaveLength(100);
    expect(report.total).toBeGreaterThan(500);
    for (const kind of ['authorization', 'cookie', 'signature', 'token', 'password', 'csrf'])
      expect(report.counts[kind as keyof typeof report.counts] ?? 0, kind).toBeGreaterThan(0);
    expect(clean).not.toContain('warmup000042abcdefghijklmnopqrstuvwxyz');
  });

  it('runs the streaming sanitizer over it', async () => {
    expect(await warmUpSanitizer(40)).toBe(sanitizeHarText(warmUpHar(40)).report.total);
  });

  it('runs it into a given sink, as a worker whose output goes to buffers does', async () => {
    const pieces: string[] = [];
    const total = await warmUpSanitizer(40, (piece) => {
      pieces.push(piece);
    });
    const expected = sanitizeHarText(warmUpHar(40));
    expect(total).toBe(expected.report.total);
    expect(pieces.join('')).toBe(expected.text);
  });
});
