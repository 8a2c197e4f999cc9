import { describe, expect, it } from 'vitest';
import { HarError } from './errors';
import { DEFAULT_RULES, mergeRules, normalizeName, parseRules } from './rules';
import { sanitizeHar } from './sanitize';
import { harDocument, harEntry } from './testing';

function harWith(headers: Array<[string, string]>, body = '') {
  return harDocument([
    harEntry({
      method: 'POST',
      headers: headers.map(([name, value]) => ({ name, value })),
      ...(body ? { body } : {}),
    }),
  ]);
}
const headerValues = (har: ReturnType<typeof harWith>) =>
  har.log.entries[0]!.request.headers.map((h) => h.value);

describe('rules', () => {
  it('normalizes names the way rules are written', () => {
    expect(normalizeName('X-API-Key')).toBe('xapikey');
    expect(normalizeName('x_api_key')).toBe('xapikey');
    expect(normalizeName('xApiKey')).toBe('xapikey');
  });

  it('validates the defaults', () => {
    expect(parseRules(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it.each([
    [{ names: [{ kind: 'x', pattern: '(' }] }, 'names.0.pattern'],
    [{ names: [{ kind: 'Bad Kind', pattern: 'a' }] }, 'names.0.kind'],
    [{ patterns: [{ kind: 'x', name: 'n', pattern: 'a', flags: 'g' }] }, 'patterns.0.flags'],
    [{ allow: { names: 'x' } }, 'allow.names'],
    [[], '(root)'],
  ])('rejects invalid rules with a HarError naming the field (%j)', (input, field) => {
    let error: unknown;
    try {
      mergeRules(DEFAULT_RULES, input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HarError);
    expect((error as HarError).code).toBe('invalid-rules');
    expect((error as HarError).message).toContain(field);
  });

  it('adds a team header name, keeps the defaults', () => {
    const rules = mergeRules(DEFAULT_RULES, {
      names: [{ kind: 'acme-session', pattern: '^xacmeblob$', scopes: ['header'] }],
    });
    const har = sanitizeHar(
      harWith([
        ['X-Acme-Blob', 'opaque-1'],
        ['Authorization', 'Bearer zzz'],
        ['X-Other', 'kept'],
      ]),
      { rules },
    ).har as ReturnType<typeof harWith>;
    expect(headerValues(har)).toEqual([
      '[REDACTED:acme-session:1]',
      'Bearer [REDACTED:authorization:1]',
      'kept',
    ]);
    const plain = sanitizeHar(harWith([['X-Acme-Blob', 'opaque-1']])).har as ReturnType<
      typeof harWith
    >;
    expect(headerValues(plain)).toEqual(['opaque-1']);
  });

  it('adds a team value pattern', () => {
    const rules = mergeRules(DEFAULT_RULES, {
      patterns: [{ kind: 'acme-key', name: 'Acme key', pattern: 'acme_[a-f0-9]{16}' }],
    });
    const har = sanitizeHar(harWith([['X-Note', 'uses acme_0123456789abcdef today']]), { rules })
      .har as ReturnType<typeof harWith>;
    expect(headerValues(har)).toEqual(['uses [REDACTED:acme-key:1] today']);
  });

  it('allow-listed names and values are kept', () => {
    const rules = mergeRules(DEFAULT_RULES, {
      allow: { names: ['X-Public-Ticket'], values: ['sk_test_fixture'] },
    });
    const body = JSON.stringify({ password: 'sk_test_fixture', other_password: 'p2' });
    // `ticket` is a weak default rule (random-looking values only): a team may relax it.
    const har = sanitizeHar(harWith([['Ticket', 'Zq8vN2xP4kR7mT1wYb6cJ3hL']], body), {
      rules: mergeRules(rules, { allow: { names: ['ticket'] } }),
    }).har as ReturnType<typeof harWith>;
    expect(headerValues(har)).toEqual(['Zq8vN2xP4kR7mT1wYb6cJ3hL']);
    expect(JSON.parse(har.log.entries[0]!.request.postData!.text)).toEqual({
      password: 'sk_test_fixture',
      other_password: '[REDACTED:password:1]',
    });
  });

  it('an allow-list cannot switch off a built-in credential rule', () => {
    const rules = mergeRules(DEFAULT_RULES, {
      allow: { names: ['Authorization', 'X-Public-Token', 'session_id', 'password', 'X-Note'] },
      names: [{ kind: 'note', pattern: '^xnote$' }],
    });
    for (const name of ['authorization', 'xpublictoken', 'sessionid', 'password']) {
      expect(rules.allow.names).not.toContain(name);
    }
    // The team's own rule is relaxed by its own allow entry.
    expect(rules.allow.names).toContain('xnote');
    const har = sanitizeHar(
      harWith([
        ['Authorization', 'Bearer abcdefghijklmnopqrstuvwx'],
        ['X-Public-Token', 'visible'],
        ['X-Note', 'kept'],
      ]),
      { rules },
    ).har as ReturnType<typeof harWith>;
    expect(headerValues(har)).toEqual([
      'Bearer [REDACTED:authorization:1]',
      '[REDACTED:token:1]',
      'kept',
    ]);
  });

  it('caps the findings list but keeps counting', () => {
    const rules = mergeRules(DEFAULT_RULES, { maxFindings: 1 });
    const { report } = sanitizeHar(
      harWith([
        ['Authorization', 'Bearer a'],
        ['X-Api-Key', 'b'],
        ['Cookie', 'c=d'],
      ]),
      { rules },
    );
    expect(report.findings).toHaveLength(1);
    expect(report.findingsOmitted).toBe(2);
    expect(report.total).toBe(3);
  });
});
