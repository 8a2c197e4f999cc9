/**
 * Realistic HAR files (tests/fixtures/har, one per rule family) with
 * planted secrets listed in planted.json: every secret must be gone from
 * the output (raw, URL-encoded, JSON-escaped and inside base64 bodies and
 * frames), every benign value must survive, and the HAR must keep its
 * entries, order, statuses, timings and sizes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeHarText } from './sanitize';
import { harIssues } from './validate';

const DIR = resolve(import.meta.dirname, '../../tests/fixtures/har');
interface Planted {
  secrets: string[];
  benign: string[];
  otp?: number;
}
const manifest = JSON.parse(readFileSync(resolve(DIR, 'planted.json'), 'utf8')) as Record<
  string,
  Planted
>;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The output text plus every base64 body and binary frame, decoded. */
function everything(text: string): string {
  const har = JSON.parse(text) as Json;
  let all = text;
  for (const entry of har.log.entries as Json[]) {
    const content = entry.response.content as Json;
    if (content.encoding === 'base64')
      all += '\n' + Buffer.from(content.text as string, 'base64').toString('latin1');
    for (const frame of (entry._webSocketMessages ?? []) as Json[]) {
      if (frame.opcode === 2)
        all += '\n' + Buffer.from(frame.data as string, 'base64').toString('latin1');
    }
  }
  return all;
}

function variants(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])];
}

describe.each(Object.keys(manifest))('%s', (file) => {
  const input = readFileSync(resolve(DIR, file), 'utf8');
  const planted = manifest[file]!;
  const { text, report } = sanitizeHarText(input);
  const before = JSON.parse(input) as Json;
  const after = JSON.parse(text) as Json;

  it('the fixture really carries its secrets', () => {
    const all = everything(JSON.stringify(before));
    for (const secret of planted.secrets) {
      expect(
        variants(secret).some((v) => all.includes(v)),
        secret.slice(0, 24),
      ).toBe(true);
    }
  });

  it('removes every planted secret', () => {
    const all = everything(text);
    for (const secret of planted.secrets) {
      for (const v of variants(secret))
        expect(all.includes(v), `leaked ${v.slice(0, 24)}…`).toBe(false);
    }
  });

  it('keeps the benign values', () => {
    for (const value of planted.benign) expect(text, value).toContain(value);
  });

  it('stays a valid HAR with the same entries, order, statuses, timings and sizes', () => {
    expect(harIssues(after)).toEqual([]);
    const a = before.log.entries as Json[];
    const b = after.log.entries as Json[];
    expect(b.length).toBe(a.length);
    b.forEach((entry, i) => {
      expect(entry.request.method).toBe(a[i]!.request.method);
      expect(entry.response.status).toBe(a[i]!.response.status);
      expect(entry.timings).toEqual(a[i]!.timings);
      expect(entry.time).toBe(a[i]!.time);
      expect(entry.response.content.size).toBe(a[i]!.response.content.size);
      expect(entry.response.bodySize).toBe(a[i]!.response.bodySize);
      expect(entry.startedDateTime).toBe(a[i]!.startedDateTime);
      expect(Object.keys(entry)).toEqual(Object.keys(a[i]!));
      expect((entry.request.headers as Json[]).map((h) => h.name)).toEqual(
        (a[i]!.request.headers as Json[]).map((h) => h.name),
      );
      const keep = ['user-agent', 'x-request-id', 'traceparent', 'content-type'];
      for (const side of ['request', 'response'] as const) {
        const original = a[i]![side].headers as Json[];
        (entry[side].headers as Json[]).forEach((h, j) => {
          if (keep.includes(h.name as string)) expect(h.value).toBe(original[j]!.value);
        });
      }
    });
    expect(after.log.pages.map((p: Json) => p.id)).toEqual(before.log.pages.map((p: Json) => p.id));
  });

  it('reports what it removed and never the secret itself', () => {
    expect(report.total).toBeGreaterThan(0);
    expect(report.entries).toBe(before.log.entries.length);
    expect(Object.values(report.counts).reduce((s, n) => s + n, 0)).toBe(report.total);
    const serialized = JSON.stringify(report);
    const all = everything(text);
    for (const secret of planted.secrets) expect(serialized.includes(secret)).toBe(false);
    // A layer replaced whole (binary we cannot re-encode) takes the markers of what was inside it along.
    const replaced = report.findings.filter((f) => f.kind === 'replaced-layer');
    const insideReplaced = (f: (typeof report.findings)[number]) =>
      replaced.some((x) => x.entry === f.entry && x.path.startsWith(f.path.split(' ')[0]!));
    for (const finding of report.findings) {
      expect(finding.marker).toMatch(/^\[REDACTED:[a-z0-9-]+:\d+\]$/);
      if (finding.replacedWith === undefined && !insideReplaced(finding))
        expect(all).toContain(finding.marker);
    }
  });
});

describe('fixture specifics', () => {
  const load = (file: string) => sanitizeHarText(readFileSync(resolve(DIR, file), 'utf8'));

  it('maps the same secret to the same marker across headers, URLs and bodies', () => {
    const { text } = load('oidc-login.har');
    const har = JSON.parse(text) as Json;
    const tokenBody = JSON.parse(har.log.entries[2].response.content.text as string) as Json;
    const auth = (har.log.entries[3].request.headers as Json[]).find(
      (h) => h.name === 'authorization',
    )!;
    expect(auth.value).toBe(`Bearer ${tokenBody.access_token}`);
    const urlCode = new URL(har.log.entries[1].request.url as string).searchParams.get('code');
    const formCode = (har.log.entries[2].request.postData.params as Json[]).find(
      (p) => p.name === 'code',
    )!.value;
    expect(urlCode).toMatch(/^\[REDACTED:oauth-code:\d+\]$/);
    expect(formCode).toBe(urlCode);
    expect(tokenBody.token_type).toBe('Bearer');
    expect(tokenBody.expires_in).toBe(3600);
  });

  it('turns a secret JSON number into 0 and records it', () => {
    const input = readFileSync(resolve(DIR, 'passwords.har'), 'utf8');
    const { text, report } = sanitizeHarText(input);
    const har = JSON.parse(text) as Json;
    const body = JSON.parse(har.log.entries[3].request.postData.text as string) as Json;
    expect(body.otp).toBe(0);
    expect(body.remember_device).toBe(true);
    const finding = report.findings.find((f) => f.path === 'request.postData.text$.otp');
    expect(finding).toMatchObject({ entry: 3, kind: 'otp', replacedWith: 0 });
    expect(JSON.parse(input).log.entries[3].request.postData.text).toContain(
      String(manifest['passwords.har']!.otp),
    );
  });

  it('leaves image bodies byte-identical and re-encodes scrubbed base64 bodies', () => {
    const input = JSON.parse(readFileSync(resolve(DIR, 'base64-content.har'), 'utf8')) as Json;
    const har = JSON.parse(load('base64-content.har').text) as Json;
    expect(har.log.entries[3].response.content.text).toBe(
      input.log.entries[3].response.content.text,
    );
    const json = JSON.parse(
      Buffer.from(har.log.entries[0].response.content.text as string, 'base64').toString('utf8'),
    ) as Json;
    expect(json.login).toBe('ana');
    expect(json.github_token).toMatch(/^\[REDACTED:/);
    const html = Buffer.from(har.log.entries[1].response.content.text as string, 'base64').toString(
      'utf8',
    );
    expect(html).toContain('<title>Dashboard</title>');
    expect(html).toMatch(/<meta name="csrf-token" content="\[REDACTED:csrf:\d+\]">/);
  });

  it('keeps PEM armour, Slack webhook host and URL user names', () => {
    const { text } = load('odd-places.har');
    expect(text).toMatch(
      /-----BEGIN RSA PRIVATE KEY-----\[REDACTED:private-key:\d+\]-----END RSA PRIVATE KEY-----/,
    );
    expect(text).toMatch(/https:\/\/hooks\.slack\.com\/services\/\[REDACTED:slack-webhook:\d+\]/);
    expect(text).toMatch(/https:\/\/deploy:\[REDACTED:password:\d+\]@ci\.example\.com/);
  });

  it('lists where each secret was, per entry', () => {
    const { report } = load('rest-api.har');
    const paths = report.findings.map((f) => `${f.entry}:${f.path}`);
    expect(paths).toContain('0:request.headers[authorization]');
    expect(paths).toContain('0:request.headers[x-api-key]');
    expect(paths).toContain('3:request.url?X-Amz-Signature');
    expect(paths).toContain('3:request.queryString[X-Amz-Credential]');
    expect(paths).toContain('6:request.url?sig');
    expect(paths).toContain('7:request.url?Key-Pair-Id');
  });
});
