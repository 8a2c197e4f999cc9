import { describe, expect, it } from 'vitest';
import { sanitizeHarText } from '../har/sanitize';
import { harEntry } from '../har/testing';
import { SETTINGS_VERSION, settingsSchema } from './schema';
import { harRulesFromSettings } from './redaction';

const har = (entries: unknown[]) =>
  JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } });

function entry(headers: Array<{ name: string; value: string }>, url: string, body?: string) {
  return harEntry({ method: 'POST', url, headers, ...(body ? { body } : {}) });
}

describe('team redaction rules in the HAR sanitizer', () => {
  const settings = settingsSchema.parse({
    version: SETTINGS_VERSION,
    redaction: {
      headerNames: ['X-Acme-Ctx'],
      keyNames: ['acmeCtx'],
      paramNames: ['wsx'],
      patterns: [{ name: 'acme-key', pattern: 'acme_[A-Za-z0-9]{24}' }],
      allow: ['x-request-id'],
    },
  });
  const text = har([
    entry(
      [
        { name: 'X-Acme-Ctx', value: 'plainsessionvalue' },
        { name: 'X-Request-Id', value: 'req-123' },
        { name: 'Content-Type', value: 'application/json' },
      ],
      'https://api.acme.test/v1/items?wsx=abc&page=2',
      JSON.stringify({ acmeCtx: 'tok', note: 'key acme_ABCDEFGHIJKLMNOPQRSTUVWX here', page: 2 }),
    ),
  ]);

  it('redacts the team’s names and patterns and keeps the rest', () => {
    const out = sanitizeHarText(text, { rules: harRulesFromSettings(settings.redaction) });
    expect(out.text).not.toContain('plainsessionvalue');
    expect(out.text).not.toContain('wsx=abc');
    expect(out.text).not.toContain('\\"tok\\"');
    expect(out.text).not.toContain('acme_ABCDEFGHIJKLMNOPQRSTUVWX');
    expect(out.text).toContain('req-123');
    expect(out.text).toContain('page=2');
    expect(out.report.counts).toMatchObject({
      'team-header': 1,
      'team-key': 1,
      'team-param': 2,
      'acme-key': 1,
    });
  });

  it('without them the same values pass (so the rules are what removed them)', () => {
    const out = sanitizeHarText(text, {
      rules: harRulesFromSettings(settingsSchema.parse({ version: SETTINGS_VERSION }).redaction),
    });
    expect(out.text).toContain('plainsessionvalue');
    expect(out.text).toContain('acme_ABCDEFGHIJKLMNOPQRSTUVWX');
    expect(out.text).toContain('wsx=abc');
    expect(out.text).toContain('\\"tok\\"');
  });
});
