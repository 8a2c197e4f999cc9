import { describe, expect, it } from 'vitest';
import { CompiledRules, Redactor } from './redactor';
import { DEFAULT_RULES, mergeRules } from './rules';
import {
  scrubBase64,
  scrubCookieHeader,
  scrubJson,
  scrubSetCookie,
  scrubText,
  scrubUrl,
} from './text';

const r = (rules = DEFAULT_RULES) => new Redactor(new CompiledRules(rules));
const M = (kind: string) => new RegExp(`\\[REDACTED:${kind}:\\d+\\]`);

describe('URLs', () => {
  it('redacts secret query parameters and keeps the rest byte for byte', () => {
    const url =
      'https://api.example.com/v1/x?workspace=ws_1&access_token=abc.def&limit=50%2C10#top';
    expect(scrubUrl(url, r())).toBe(
      'https://api.example.com/v1/x?workspace=ws_1&access_token=[REDACTED:token:1]&limit=50%2C10#top',
    );
  });

  it('leaves a URL without secrets as the same string', () => {
    const url = 'https://example.com/a/b?q=hello%20world&page=2#section-3';
    expect(scrubUrl(url, r())).toBe(url);
  });

  it('redacts fragment parameters (implicit flow) and SPA route queries', () => {
    expect(scrubUrl('https://app/cb#id_token=x1y2z3&state=s1&expires_in=3600', r())).toBe(
      'https://app/cb#id_token=[REDACTED:token:1]&state=[REDACTED:oauth-state:1]&expires_in=3600',
    );
    expect(scrubUrl('https://app/#/reset?token=zzz999', r())).toBe(
      'https://app/#/reset?token=[REDACTED:token:1]',
    );
  });

  it('redacts userinfo passwords and bare userinfo tokens', () => {
    expect(scrubUrl('https://bob:s3cr3t@host/x', r())).toBe(
      'https://bob:[REDACTED:password:1]@host/x',
    );
    expect(scrubUrl('https://ghs_abc123token@github.com/o/r.git', r())).toMatch(
      /^https:\/\/\[REDACTED:credential:1\]@github\.com/,
    );
  });

  it('redacts URLs nested in parameters (redirect_uri carrying a code)', () => {
    const inner = 'https://app.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&x=1';
    const out = scrubUrl(`https://idp/logout?redirect_uri=${encodeURIComponent(inner)}`, r());
    expect(out).not.toContain('SplxlOBeZQQYbYS6WxSbIA');
    expect(decodeURIComponent(out.split('redirect_uri=')[1]!)).toBe(
      'https://app.example.com/cb?code=[REDACTED:oauth-code:1]&x=1',
    );
  });

  it('handles relative URLs like HTTP/2 :path and Location', () => {
    expect(scrubUrl('/download?X-Amz-Signature=abcdef0123&X-Amz-Expires=900', r())).toBe(
      '/download?X-Amz-Signature=[REDACTED:signature:1]&X-Amz-Expires=900',
    );
  });

  it('keeps weak names when the value is a word, redacts when it looks random', () => {
    expect(scrubText('{"code":"RESOURCE_NOT_FOUND","message":"No such ticket"}', r())).toBe(
      '{"code":"RESOURCE_NOT_FOUND","message":"No such ticket"}',
    );
    expect(scrubText('{"code":"Xk9_2mQpL0aZ77bWcT4e","message":"ok"}', r())).toMatch(M('secret'));
  });
});

describe('headers and cookies', () => {
  it('keeps cookie names and Set-Cookie attributes', () => {
    expect(scrubCookieHeader('sid=abc; theme=dark', r())).toBe(
      'sid=[REDACTED:cookie:1]; theme=[REDACTED:cookie:2]',
    );
    expect(scrubSetCookie('sid=abc; Path=/; Secure; HttpOnly\nlang=en; Max-Age=3600', r())).toBe(
      'sid=[REDACTED:cookie:1]; Path=/; Secure; HttpOnly\nlang=[REDACTED:cookie:2]; Max-Age=3600',
    );
  });

  it('redacts by cookie name only when redactAllCookies is off', () => {
    const rules = mergeRules(DEFAULT_RULES, { redactAllCookies: false });
    expect(scrubCookieHeader('session_id=abc123; theme=dark', r(rules))).toBe(
      'session_id=[REDACTED:session:1]; theme=dark',
    );
  });
});

describe('JSON', () => {
  it('redacts at any depth, inside arrays and inside JSON held in strings', () => {
    const doc = {
      a: { b: [{ client_secret: 'cs1' }] },
      wrapped: JSON.stringify({ refresh_token: 'rt1', ok: true }),
      note: 'fine',
    };
    const out = scrubJson(doc, r(), null, 0) as typeof doc;
    expect(out.a.b[0]!.client_secret).toMatch(M('secret'));
    expect(JSON.parse(out.wrapped)).toEqual({ refresh_token: '[REDACTED:token:1]', ok: true });
    expect(out.note).toBe('fine');
  });

  it('keeps JSON types: a secret number becomes 0, booleans and null stay', () => {
    const out = scrubJson(
      { otp: 123456, password: null, secret_enabled: true, cvv: 123 },
      r(),
      null,
      0,
    );
    expect(out).toEqual({ otp: 0, password: null, secret_enabled: true, cvv: 0 });
  });

  it('redacts every leaf under a secret key but keeps timestamps', () => {
    const out = scrubJson(
      { credentials: { user: 'svc', key: 'k1', Expiration: '2026-11-20T15:10:00Z', n: 5 } },
      r(),
      null,
      0,
    );
    expect(out).toEqual({
      credentials: {
        user: expect.stringMatching(M('secret')),
        key: expect.stringMatching(M('secret')),
        Expiration: '2026-11-20T15:10:00Z',
        n: 0,
      },
    });
    expect(JSON.stringify(out)).not.toMatch(/svc|k1/);
  });

  it('maps the same secret to the same marker and different secrets to different ones', () => {
    const red = r();
    const out = scrubJson(
      { a: { token: 't-1' }, b: { token: 't-2' }, c: { token: 't-1' } },
      red,
      null,
      0,
    ) as Record<string, { token: string }>;
    expect(out.a!.token).toBe(out.c!.token);
    expect(out.a!.token).not.toBe(out.b!.token);
    expect(red.report(0, 0).distinct).toBe(2);
    expect(red.report(0, 0).counts.token).toBe(3);
  });

  it('is idempotent: markers are left as they are', () => {
    const once = scrubText('{"password":"hunter2","auth":"Bearer abcdefghijklmnopqrstu"}', r());
    expect(scrubText(once, r())).toBe(once);
  });
});

describe('text bodies', () => {
  it('GraphQL documents with inline literals', () => {
    const doc = 'mutation { login(email: "a@b.c", password: "inline-secret-1") { token } }';
    const out = scrubText(doc, r());
    expect(out).toBe(
      'mutation { login(email: "a@b.c", password: "[REDACTED:password:1]") { token } }',
    );
  });

  it('HTML forms, meta tags and inline scripts', () => {
    const html =
      '<form><input type="hidden" name="authenticity_token" value="tok123456"><input name="q" value="search"></form>' +
      '<meta name="csrf-token" content="m-987"><script>const cfg = {"apiKey":"k-555", title: "Inbox"};</script>';
    const out = scrubText(html, r(), 'text/html');
    expect(out).not.toMatch(/tok123456|m-987|k-555/);
    expect(out).toContain('<input name="q" value="search">');
    expect(out).toContain('title: "Inbox"');
  });

  it('password inputs whatever their name', () => {
    const out = scrubText(
      '<input type="password" name="field_7" value="hunter2">',
      r(),
      'text/html',
    );
    expect(out).toBe('<input type="password" name="field_7" value="[REDACTED:password:1]">');
  });

  it('JSON that does not parse as a whole: NDJSON and event streams', () => {
    const out = scrubText(
      'data: {"otp":123456,"note":"ok"}\n\ndata: {"refresh_token":"rt-1"}\n\n',
      r(),
    );
    expect(out).toBe(
      'data: {"otp":0,"note":"ok"}\n\ndata: {"refresh_token":"[REDACTED:token:1]"}\n\n',
    );
  });

  it('XML elements and SAML signatures', () => {
    const xml =
      '<r><ds:SignatureValue>c2lnbmF0dXJl</ds:SignatureValue><Password>pw1</Password><Name>Ana</Name></r>';
    expect(scrubText(xml, r(), 'application/xml')).toBe(
      '<r><ds:SignatureValue>[REDACTED:signature:1]</ds:SignatureValue><Password>[REDACTED:password:1]</Password><Name>Ana</Name></r>',
    );
  });

  it('log lines with name=value and name: value', () => {
    const out = scrubText(
      'retry failed: password=hunter22 user=ana token: t0k3n-value-xyz status=500',
      r(),
    );
    expect(out).toBe(
      'retry failed: password=[REDACTED:password:1] user=ana token: [REDACTED:token:1] status=500',
    );
  });

  it('urlencoded bodies detected by shape without a mime type', () => {
    expect(scrubText('grant_type=password&username=ana&password=p%40ss', r())).toBe(
      'grant_type=password&username=ana&password=[REDACTED:password:1]',
    );
  });
});

describe('value shapes anywhere', () => {
  const cases: Array<[string, string, string]> = [
    ['jwt', 'see eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl now', 'jwt'],
    ['aws access key', 'key AKIAZ7Q3RT5VXW2YB4NP used', 'aws-key'],
    ['aws session key', 'ASIAZ7Q3RT5VXW2YB4NP', 'aws-key'],
    [
      'aws secret',
      // (`aws_secret_access_key = …` is now caught by its name first, as a `name = value` pair.)
      'the AWS secret key is wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq9X2kLm4T, rotate it',
      'aws-secret',
    ],
    ['stripe sk', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'stripe-key'],
    ['stripe rk', 'rk_live_4eC39HqLyjWDarjtT1zdp7dc', 'stripe-key'],
    ['stripe pk live', 'pk_live_4eC39HqLyjWDarjtT1zdp7dc', 'stripe-key'],
    ['github ghp', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'github-token'],
    ['github gho', 'gho_16C7e42F292c6912E7710c838347Ae178B4a', 'github-token'],
    ['github pat', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123', 'github-token'],
    ['slack token', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'slack-token'],
    [
      'slack webhook',
      'post to https://hooks.slack.com/services/T0001/B0001/XXXXXXXXXXXXXXXX please',
      'slack-webhook',
    ],
    ['google key', 'AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI', 'google-api-key'],
    [
      'pem',
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----',
      'private-key',
    ],
    [
      'bearer in prose',
      'sent Bearer abcdefghijklmnopqrstuvwxyz012345 to upstream',
      'authorization',
    ],
  ];
  it.each(cases)('%s', (_name, text, kind) => {
    const out = scrubText(text, r());
    expect(out).toMatch(M(kind));
  });

  it('does not touch look-alikes', () => {
    for (const text of [
      'pk_test_4eC39HqLyjWDarjtT1zdp7dc',
      'AKIA-not-a-key',
      'eyJhbGciOi only a header',
      'ghp_short',
    ]) {
      expect(scrubText(text, r())).toBe(text);
    }
  });
});

describe('base64', () => {
  it('decodes, scrubs and re-encodes text; leaves it alone when clean', () => {
    const red = r();
    const clean = Buffer.from('{"hello":"world","n":1}').toString('base64');
    expect(scrubBase64(clean, red, 'application/json')).toBe(clean);
    const dirty = Buffer.from('{"access_token":"abc","n":1}').toString('base64');
    expect(Buffer.from(scrubBase64(dirty, red, 'application/json'), 'base64').toString()).toBe(
      '{"access_token":"[REDACTED:token:1]","n":1}',
    );
  });

  it('replaces an unrecognized binary layer whole when it holds a secret, and says so', () => {
    const bytes = Buffer.concat([
      Buffer.from([0, 255, 1]),
      Buffer.from('AKIAZ7Q3RT5VXW2YB4NP'),
      Buffer.from([254, 0]),
    ]);
    const red = r();
    const out = Buffer.from(
      scrubBase64(bytes.toString('base64'), red, 'application/octet-stream'),
      'base64',
    ).toString('utf8');
    // Cutting the key out would shift every byte after it in a format we cannot parse.
    expect(out).toMatch(/^\[REDACTED:replaced-layer:1\]$/);
    const report = red.report(0, 0);
    expect(report.counts).toEqual({ 'aws-key': 1, 'replaced-layer': 1 });
    expect(report.findings.at(-1)!.path).toMatch(/replaced whole/);
  });

  it('leaves clean binary byte for byte', () => {
    const bytes = Buffer.from([0, 255, 1, 2, 3, 254, 0, 7, 9, 200]);
    const data = bytes.toString('base64');
    expect(scrubBase64(data, r(), 'application/octet-stream')).toBe(data);
  });
});

describe('repeated large bodies', () => {
  const filler = 'function a(){return 1}\n'.repeat(1000);
  const dirty =
    filler +
    'var k = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"; fetch("https://x.example/a?access_token=abc123&q=1");';

  /** Scrub each body as entry i's response text; the report after all of them. */
  function scrubAll(bodies: Array<[string, string]>) {
    const red = r();
    const outs = bodies.map(([body, mime], i) => {
      red.entry = i;
      red.path.length = 0;
      red.path.push('response', '.content', '.text');
      return scrubText(body, red, mime);
    });
    return { outs, report: red.report(bodies.length, 0), red };
  }

  it('remembers a clean body as clean', () => {
    const { outs, red } = scrubAll([[filler, 'application/javascript']]);
    expect(outs[0]).toBe(filler);
    expect(red.isKnownClean('application/javascript', filler)).toBe(true);
    expect(scrubText(filler, red, 'application/javascript')).toBe(filler);
  });

  it('a repeat with secrets gives the same output and is counted and listed again at its entry', () => {
    const js = 'application/javascript';
    // The same body under other mime types that scrub the same way is scrubbed afresh, not recalled.
    const recalled = scrubAll([
      [dirty, js],
      [dirty, js],
      [dirty, js],
    ]);
    const fresh = scrubAll([
      [dirty, js],
      [dirty, 'text/javascript'],
      [dirty, 'application/x-javascript'],
    ]);
    expect(recalled.outs[0]).not.toContain('sk_live_');
    expect(recalled.outs[0]).not.toContain('abc123');
    expect(recalled.outs[0]).toContain('&q=1');
    expect(recalled.red.isKnownClean(js, dirty)).toBe(false);
    expect(recalled.outs).toEqual(fresh.outs);
    expect(recalled.report).toEqual(fresh.report);
    expect(recalled.report.counts).toEqual({ 'stripe-key': 3, token: 3 });
    expect(recalled.report.findings.map((f) => [f.entry, f.path])).toEqual([
      [0, 'response.content.text?access_token'],
      [0, 'response.content.text'],
      [1, 'response.content.text?access_token'],
      [1, 'response.content.text'],
      [2, 'response.content.text?access_token'],
      [2, 'response.content.text'],
    ]);
  });

  it('a body past the memory budget is not remembered, and is scrubbed afresh when it comes back', () => {
    const huge = 'x'.repeat(9 * 1024 * 1024) + ' ' + dirty;
    const { outs, report, red } = scrubAll([
      [huge, 'text/plain'],
      [huge, 'text/plain'],
    ]);
    expect(outs[0]).toBe(outs[1]);
    expect(outs[0]).not.toContain('sk_live_');
    expect(red.isKnownClean('text/plain', huge)).toBe(false);
    expect(report.counts).toEqual({ 'stripe-key': 2, token: 2 });
  });

  it('a large body inside a large body is recalled at the right path, inside and out', () => {
    const json = JSON.stringify({ bundle: dirty, meta: { id: 'x', password: 'hunter22' } });
    const { outs, report } = scrubAll([
      [dirty, ''],
      [json, 'application/json'],
      [json, 'application/json'],
    ]);
    expect(outs[1]).toBe(outs[2]);
    expect(JSON.parse(outs[1]!)).toEqual({
      bundle: outs[0],
      meta: { id: 'x', password: '[REDACTED:password:1]' },
    });
    expect(report.findings.map((f) => [f.entry, f.path, f.kind])).toEqual([
      [0, 'response.content.text?access_token', 'token'],
      [0, 'response.content.text', 'stripe-key'],
      [1, 'response.content.text$.bundle?access_token', 'token'],
      [1, 'response.content.text$.bundle', 'stripe-key'],
      [1, 'response.content.text$.meta.password', 'password'],
      [2, 'response.content.text$.bundle?access_token', 'token'],
      [2, 'response.content.text$.bundle', 'stripe-key'],
      [2, 'response.content.text$.meta.password', 'password'],
    ]);
  });
});
